/**
 * A new password and its confirmation, as every form that sets one asks for
 * it (a new account, a changed master password, a backup password): rated
 * live by main, ready only once main rates the exact current password
 * acceptable and the two entries match.
 */
import { useState } from 'react'
import { type StrengthState, useStrength } from './use-strength.ts'

export interface NewPassword {
  readonly password: string
  readonly setPassword: (value: string) => void
  readonly confirm: string
  readonly setConfirm: (value: string) => void
  /** The user left the confirmation: a mismatch is said even while it could still be a prefix. */
  readonly leaveConfirm: () => void
  readonly strength: StrengthState
  readonly confirmError: string | undefined
  readonly ready: boolean
  /** On submit: say what is wrong, touched or not. */
  readonly revealErrors: () => void
  /** Drops both entries (once they have been used). */
  readonly forget: () => void
}

/** `avoid`: what the password should not contain (the email); `mismatch`: what a mismatch is called. */
export function useNewPassword(avoid: string, mismatch = 'The two passwords do not match.'): NewPassword {
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [confirmLeft, setConfirmLeft] = useState(false)
  const strength = useStrength(password, avoid)
  return {
    password,
    setPassword,
    confirm,
    setConfirm,
    leaveConfirm: () => setConfirmLeft(true),
    strength,
    confirmError: confirmProblem(password, confirm, confirmLeft) ? mismatch : undefined,
    ready: strength.estimate?.acceptable === true && confirm === password,
    revealErrors: () => setConfirmLeft(true),
    forget: () => {
      setPassword('')
      setConfirm('')
      setConfirmLeft(false)
    },
  }
}

/** A mismatch is said once the confirmation cannot be a prefix still being typed, or the field was left. */
function confirmProblem(password: string, confirm: string, left: boolean): boolean {
  if (confirm === '' || confirm === password) return false
  return left || confirm.length >= password.length || !password.startsWith(confirm)
}
