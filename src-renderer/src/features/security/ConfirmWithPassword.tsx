import { PASSWORD_INPUT_MAX_LENGTH } from '@shared/ipc/limits.ts'
import type { CredentialChangeView } from '@shared/ipc/views.ts'
import type { ReactNode } from 'react'
import { Banner, Button, PasswordField, Spinner } from '../../ui/index.ts'
import { type ConfirmCall, usePasswordConfirm } from './use-password-confirm.ts'

export interface ConfirmWithPasswordProps {
  /** The form's name and its submit button's: the same words as the button that opened it. */
  readonly action: string
  /** What main is doing meanwhile, for the progress line. */
  readonly busyText: string
  readonly call: ConfirmCall
  readonly onDone: (change: CredentialChangeView) => void
  readonly onCancel: () => void
  readonly onAttempted: () => void
  /** What the change does, above the password. */
  readonly children: ReactNode
}

/** The open form of a change that asks only for the master password. */
export function ConfirmWithPassword(props: ConfirmWithPasswordProps) {
  const { action, busyText, call, onDone, onCancel, onAttempted, children } = props
  const form = usePasswordConfirm(call, onDone, onAttempted)
  return (
    <form className="security-form" onSubmit={form.submit} noValidate aria-busy={form.busy} aria-label={action}>
      <div className="security-text">{children}</div>
      <PasswordField
        ref={form.refs.current}
        label="Master password"
        name="password"
        autoComplete="current-password"
        autoFocus
        maxLength={PASSWORD_INPUT_MAX_LENGTH}
        value={form.password}
        onChange={form.setPassword}
        disabled={form.busy}
        error={form.errorOf('current')}
        announceError
      />
      {form.problem !== null && form.problem.field === null ? (
        <Banner tone="error" live="alert" testId="security-error">
          {form.problem.message}
        </Banner>
      ) : null}
      <div className="security-form-actions">
        <Button type="submit" variant="primary" disabled={form.busy}>
          {form.busy ? <Spinner /> : null}
          {action}
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={form.busy}>
          Cancel
        </Button>
        <p className="security-progress" role="status">
          {form.busy ? busyText : ''}
        </p>
      </div>
    </form>
  )
}
