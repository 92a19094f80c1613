import { useId, useState } from 'react'
import type { LockNotice } from '../../app/app-state.ts'
import { KeyIcon } from '../../ui/icons.tsx'
import { AuthHeader, Banner, Button, Toggle } from '../../ui/index.ts'
import { EmergencyKitPanel } from '../security/EmergencyKitPanel.tsx'
import { SecretKeyDisplay } from './SecretKeyDisplay.tsx'
import type { CreatedAccount } from './use-create-account.ts'

export interface SecretKeyStepProps {
  readonly account: CreatedAccount
  /** The vault locked while this screen showed (idle, sleep, screen lock): the next stop is the lock screen. */
  readonly lockedMeanwhile?: LockNotice | undefined
  readonly onContinue: () => void
}

/** The one time the Secret Key is shown: what it is, where it was saved, and a required "I have saved it". */
export function SecretKeyStep({ account, lockedMeanwhile, onContinue }: SecretKeyStepProps) {
  const [saved, setSaved] = useState(false)
  return (
    <>
      <AuthHeader
        icon={
          <span className="auth-icon-badge">
            <KeyIcon />
          </span>
        }
        title="Save your Secret Key"
        subtitle="Your Secret Key was made on this device. It is combined with your master password to encrypt your vault, so a copy of your vault is useless without both."
      />
      <section className="secret-key-panel" aria-label="Your Secret Key">
        <SecretKeyDisplay secretKey={account.secretKey} />
        <p className="secret-key-once">
          This is the only time Vault shows it. Write it down and keep it somewhere safe, away from this computer.
        </p>
      </section>
      <KeychainOutcome account={account} />
      {lockedMeanwhile ? (
        <Banner tone="info" live="status">
          The vault locked while this screen was open. Once you have saved your Secret Key, unlock with your master
          password.
        </Banner>
      ) : null}
      <KitSection />
      <div className="secret-key-actions">
        <Toggle kind="checkbox" label="I have saved my Secret Key" checked={saved} onChange={setSaved} />
        <Button variant="primary" block disabled={!saved} onClick={onContinue}>
          Open my vault
        </Button>
      </div>
    </>
  )
}

function KitSection() {
  const titleId = useId()
  return (
    <section className="kit-section" aria-labelledby={titleId}>
      <h2 id={titleId} className="kit-section-title">
        Emergency Kit
      </h2>
      <EmergencyKitPanel />
    </section>
  )
}

function KeychainOutcome({ account }: { readonly account: CreatedAccount }) {
  if (account.secretKeyInKeychain) {
    return (
      <Banner tone="ok" testId="keychain-outcome">
        Also saved in this computer's keychain, so you will not need to type it to unlock here.
      </Banner>
    )
  }
  return (
    <Banner tone="warn" title="Not saved in a keychain" testId="keychain-outcome">
      {account.keychainProblem ?? 'This computer has no keychain Vault can use.'} You will need to type your Secret Key
      each time you unlock, so write it down now.
    </Banner>
  )
}
