import { useState } from 'react'
import { Banner, Button } from '../../ui/index.ts'
import { ChangePasswordForm } from './ChangePasswordForm.tsx'
import type { SecurityActionProps } from './security-action.ts'

/** "Change master password": a button that opens the form, and the outcome once it closes. */
export function ChangePassword({ open, onOpen, onClose, onAttempted }: SecurityActionProps) {
  const [changed, setChanged] = useState(false)
  if (open) {
    return (
      <ChangePasswordForm
        onChanged={() => {
          setChanged(true)
          onClose()
        }}
        onCancel={onClose}
        onAttempted={onAttempted}
      />
    )
  }
  return (
    <div className="security-action">
      {changed ? (
        <Banner tone="ok" live="status" testId="password-changed">
          Master password changed. Your other devices will ask for the new one at their next unlock.
        </Banner>
      ) : (
        <p className="security-text">Choose a new master password. Your Secret Key and Emergency Kit stay the same.</p>
      )}
      <div>
        <Button
          onClick={() => {
            setChanged(false)
            onOpen()
          }}
        >
          Change master password
        </Button>
      </div>
    </div>
  )
}
