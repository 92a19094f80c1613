import './onboarding.css'
import { useState } from 'react'
import type { LockNotice } from '../../app/app-state.ts'
import { AuthLayout, Spinner } from '../../ui/index.ts'
import { AppVersion } from '../app-info/AppVersion.tsx'
import { JoinAccountStep } from '../sync/join/JoinAccountStep.tsx'
import { CreateAccountStep } from './CreateAccountStep.tsx'
import { SecretKeyStep } from './SecretKeyStep.tsx'
import type { CreatedAccount } from './use-create-account.ts'
import { WelcomeStep } from './WelcomeStep.tsx'

export interface OnboardingProps {
  /** The Secret Key has been acknowledged and forgotten: the shell asks main where to go next. */
  readonly onDone: () => void
  /**
   * Set when the vault locked during the Secret Key step. That step stays on
   * screen regardless: hiding it could lose the only copy of the key when the
   * keychain could not save it, and the key alone opens nothing.
   */
  readonly lockedMeanwhile?: LockNotice | undefined
}

type Step =
  | { readonly kind: 'welcome' }
  | { readonly kind: 'create' }
  /** Sign in to an account that lives on the user's sync server. */
  | { readonly kind: 'join' }
  | { readonly kind: 'secret-key'; readonly account: CreatedAccount }
  /** The Secret Key is gone from state; main is asked for the next screen. */
  | { readonly kind: 'opening' }

/** First run: welcome → create the account → see the Secret Key once; or welcome → sign in through sync. */
export function Onboarding({ onDone, lockedMeanwhile }: OnboardingProps) {
  const [step, setStep] = useState<Step>({ kind: 'welcome' })
  const finish = () => {
    // Drop the only copy of the Secret Key the window holds.
    setStep({ kind: 'opening' })
    onDone()
  }
  return (
    <AuthLayout footer={<AppVersion />} wide={step.kind === 'secret-key'} testId={`onboarding-${step.kind}`}>
      {step.kind === 'welcome' ? (
        <WelcomeStep onStart={() => setStep({ kind: 'create' })} onJoin={() => setStep({ kind: 'join' })} />
      ) : null}
      {step.kind === 'create' ? (
        <CreateAccountStep
          onCreated={(account) => setStep({ kind: 'secret-key', account })}
          onBack={() => setStep({ kind: 'welcome' })}
        />
      ) : null}
      {step.kind === 'join' ? <JoinAccountStep onJoined={finish} onBack={() => setStep({ kind: 'welcome' })} /> : null}
      {step.kind === 'secret-key' ? (
        <SecretKeyStep account={step.account} lockedMeanwhile={lockedMeanwhile} onContinue={finish} />
      ) : null}
      {step.kind === 'opening' ? (
        <p className="auth-progress" role="status">
          <Spinner /> Opening your vault…
        </p>
      ) : null}
    </AuthLayout>
  )
}
