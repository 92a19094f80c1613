import './security.css'
import { Banner } from '../../ui/index.ts'
import { SaveKitButton } from './SaveKitButton.tsx'
import { VerifyKitForm } from './VerifyKitForm.tsx'

export interface EmergencyKitPanelProps {
  /** The Secret Key changed since the last kit was saved: that kit no longer opens the vault. */
  readonly outdated?: boolean
  readonly onSaved?: () => void
}

/**
 * What the Emergency Kit is, saving it, and checking a printed one. Shared by
 * the Secret Key step of onboarding and Settings → Security; the caller gives
 * it a heading at its own level.
 */
export function EmergencyKitPanel({ outdated = false, onSaved }: EmergencyKitPanelProps) {
  const save = onSaved === undefined ? <SaveKitButton /> : <SaveKitButton onSaved={onSaved} />
  return (
    <div className="kit-panel">
      <p className="kit-intro">
        Your Emergency Kit is a PDF with your Secret Key, your email and where you sign in, and a space to write your
        master password. Print it and keep it somewhere safe: it is how you get back into your vault on a new computer.
      </p>
      {outdated ? (
        // One save button only: inside the warning when there is one.
        <Banner tone="warn" live="status" title="Save a new Emergency Kit" testId="kit-outdated">
          <p>Your Secret Key changed: your old Emergency Kit no longer works. Save the new one.</p>
          {save}
        </Banner>
      ) : (
        save
      )}
      <VerifyKitForm />
    </div>
  )
}
