import './onboarding.css'
import { useState } from 'react'
import type { LockNotice } from '../../app/app-state.ts'
import { AuthLayout, Spinner } from '../../ui/index.ts'
import { AppVersion } from '../app-info/AppVersion.tsx'
import { JoinAccountStep } from '../sync/join/JoinAccountStep.tsx'
import { SetupCodeStep } from '../sync/join/SetupCodeStep.tsx'
import type { JoinPrefill } from '../sync/join/use-join-account.ts'
import { CreateAccountStep } from './CreateAccountStep.tsx'
import { RestoreBackupStep } from './RestoreBackupStep.tsx'
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
  /** Sign in to an account that lives on the user's sync server; Back returns to where it came from. */
  | { readonly kind: 'join'; readonly from: 'welcome' | 'kit'; readonly prefill?: JoinPrefill }
  /** "I have an Emergency Kit": its setup code fills in the join form. */
  | { readonly kind: 'kit' }
  /** A new vault from an encrypted backup file; its Secret Key is shown as for a created vault. */
  | { readonly kind: 'restore' }
  | { readonly kind: 'secret-key'; readonly account: CreatedAccount }
  /** The Secret Key is gone from state; main is asked for the next screen. */
  | { readonly kind: 'opening' }

/**
 * First run: welcome → create the account → see the Secret Key once; or
 * welcome → sign in through sync, typing the details or reading them from an
 * Emergency Kit's setup code; or welcome → restore a backup into a new vault
 * → see its Secret Key once.
 */
export function Onboarding({ onDone, lockedMeanwhile }: OnboardingProps) {
  const [step, setStep] = useState<Step>({ kind: 'welcome' })
  const finish = () => {
    // Drop the only copy of the Secret Key the window holds.
    setStep({ kind: 'opening' })
    onDone()
  }
  return (
    <AuthLayout footer={<AppVersion />} wide={step.kind === 'secret-key'} testId={`onboarding-${step.kind}`}>
      <CurrentStep step={step} go={setStep} finish={finish} lockedMeanwhile={lockedMeanwhile} />
    </AuthLayout>
  )
}

interface CurrentStepProps {
  readonly step: Step
  readonly go: (next: Step) => void
  readonly finish: () => void
  readonly lockedMeanwhile: LockNotice | undefined
}

function CurrentStep({ step, go, finish, lockedMeanwhile }: CurrentStepProps) {
  const welcome = () => go({ kind: 'welcome' })
  switch (step.kind) {
    case 'welcome':
      return (
        <WelcomeStep
          onStart={() => go({ kind: 'create' })}
          onJoin={() => go({ kind: 'join', from: 'welcome' })}
          onKit={() => go({ kind: 'kit' })}
          onRestore={() => go({ kind: 'restore' })}
        />
      )
    case 'create':
      return <CreateAccountStep onCreated={(account) => go({ kind: 'secret-key', account })} onBack={welcome} />
    case 'restore':
      return <RestoreBackupStep onRestored={(account) => go({ kind: 'secret-key', account })} onBack={welcome} />
    case 'kit':
      return (
        <SetupCodeStep
          onRead={(prefill) => go({ kind: 'join', from: 'kit', prefill })}
          onTypeInstead={() => go({ kind: 'join', from: 'kit' })}
          onBack={welcome}
        />
      )
    case 'join':
      return (
        <JoinAccountStep
          prefill={step.prefill}
          onJoined={finish}
          onBack={step.from === 'kit' ? () => go({ kind: 'kit' }) : welcome}
        />
      )
    case 'secret-key':
      return <SecretKeyStep account={step.account} lockedMeanwhile={lockedMeanwhile} onContinue={finish} />
    case 'opening':
      return (
        <p className="auth-progress" role="status">
          <Spinner /> Opening your vault…
        </p>
      )
  }
}
