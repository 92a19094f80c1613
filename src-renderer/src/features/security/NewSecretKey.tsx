import type { CredentialChangeView } from '@shared/ipc/views.ts'
import { useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'
import { Banner, Button } from '../../ui/index.ts'
import { SecretKeyDisplay } from '../onboarding/SecretKeyDisplay.tsx'
import { ConfirmWithPassword } from './ConfirmWithPassword.tsx'
import { SaveKitButton } from './SaveKitButton.tsx'
import type { SecurityActionProps } from './security-action.ts'

/** "New Secret Key": the consequences, the master password, then the new key shown once. */
export function NewSecretKey({ open, onOpen, onClose, onAttempted }: SecurityActionProps) {
  const client = useVaultClient()
  // Held only until the user says it is saved (or Settings closes): then it is gone from the window.
  const [created, setCreated] = useState<CredentialChangeView | null>(null)
  if (created !== null) return <NewKeyShown change={created} onDone={() => setCreated(null)} onSaved={onAttempted} />
  if (!open) {
    return (
      <div className="security-action">
        <p className="security-text">
          Make a new Secret Key if yours, or a printed Emergency Kit, may have been seen by someone else.
        </p>
        <div>
          <Button onClick={onOpen}>New Secret Key</Button>
        </div>
      </div>
    )
  }
  return (
    <ConfirmWithPassword
      action="New Secret Key"
      busyText="Making a new Secret Key and re-encrypting your keys…"
      call={(password) => client.changeSecretKey({ password })}
      onDone={(change) => {
        setCreated(change)
        onClose()
      }}
      onCancel={onClose}
      onAttempted={onAttempted}
    >
      <p>
        Your old Secret Key and every Emergency Kit printed with it stop working. Your other devices will ask for the
        new key once.
      </p>
      <p>Enter your master password to make the new Secret Key.</p>
    </ConfirmWithPassword>
  )
}

interface NewKeyShownProps {
  readonly change: CredentialChangeView
  readonly onDone: () => void
  readonly onSaved: () => void
}

function NewKeyShown({ change, onDone, onSaved }: NewKeyShownProps) {
  return (
    <div className="security-action" data-testid="new-secret-key">
      <Banner tone="ok" live="status">
        Your Secret Key was changed. Your other devices will ask for the new key once.
      </Banner>
      {change.secretKey === undefined ? null : (
        <section className="secret-key-panel" aria-label="Your new Secret Key">
          <SecretKeyDisplay secretKey={change.secretKey} />
          <p className="secret-key-once">
            This is the only time Vault shows it. Save your new Emergency Kit, or write the key down, now.
          </p>
        </section>
      )}
      {change.secretKeyInKeychain === false ? (
        <Banner tone="warn" title="Not saved in a keychain" testId="new-key-keychain">
          {change.keychainProblem ?? 'This computer has no keychain Vault can use.'} You will need to type your new
          Secret Key each time you unlock here.
        </Banner>
      ) : null}
      <SaveKitButton label="Save new Emergency Kit…" onSaved={onSaved} />
      <div>
        <Button onClick={onDone}>I have saved it</Button>
      </div>
    </div>
  )
}
