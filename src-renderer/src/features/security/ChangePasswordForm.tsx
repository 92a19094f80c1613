import { PASSWORD_INPUT_MAX_LENGTH } from '@shared/ipc/limits.ts'
import { Banner, Button, PasswordField, Spinner } from '../../ui/index.ts'
import { PasswordStrength } from '../onboarding/PasswordStrength.tsx'
import { type ChangePasswordForm as Form, useChangePassword } from './use-change-password.ts'

export interface ChangePasswordFormProps {
  readonly onChanged: () => void
  readonly onCancel: () => void
  /** Main was asked: whatever the answer, the status (a change waiting for the server) may differ. */
  readonly onAttempted: () => void
}

/** The open "Change master password" form: current, new with its strength, confirmation. */
export function ChangePasswordForm({ onChanged, onCancel, onAttempted }: ChangePasswordFormProps) {
  const form = useChangePassword(onChanged, onAttempted)
  return (
    <form
      className="security-form"
      onSubmit={form.submit}
      noValidate
      aria-busy={form.busy}
      aria-label="Change master password"
    >
      <PasswordFields form={form} />
      {form.problem !== null && form.problem.field === null ? (
        <Banner tone="error" live="alert" testId="change-password-error">
          {form.problem.message}
        </Banner>
      ) : null}
      <div className="security-form-actions">
        <Button type="submit" variant="primary" disabled={!form.canChange}>
          {form.busy ? <Spinner /> : null}
          Change master password
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={form.busy}>
          Cancel
        </Button>
        <p className="security-progress" role="status">
          {form.busy ? 'Deriving keys for the new password. This takes a few seconds.' : ''}
        </p>
      </div>
    </form>
  )
}

function PasswordFields({ form }: { readonly form: Form }) {
  const common = { maxLength: PASSWORD_INPUT_MAX_LENGTH, disabled: form.busy, announceError: true }
  return (
    <>
      <PasswordField
        {...common}
        ref={form.refs.current}
        label="Current master password"
        name="current-password"
        autoComplete="current-password"
        autoFocus
        value={form.values.current}
        onChange={form.set('current')}
        error={form.errorOf('current')}
      />
      <div className="password-group">
        <PasswordField
          {...common}
          ref={form.refs.next}
          label="New master password"
          name="new-password"
          autoComplete="new-password"
          value={form.values.next}
          onChange={form.set('next')}
          error={form.errorOf('next')}
        />
        <PasswordStrength password={form.values.next} shown={form.strength.shown} />
      </div>
      <PasswordField
        {...common}
        label="Confirm new master password"
        name="confirm-password"
        autoComplete="new-password"
        value={form.values.confirm}
        onChange={form.set('confirm')}
        onBlur={form.leaveConfirm}
        error={form.confirmError}
      />
    </>
  )
}
