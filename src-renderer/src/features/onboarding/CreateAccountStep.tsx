import { EMAIL_MAX_LENGTH, PASSWORD_INPUT_MAX_LENGTH } from '@shared/ipc/limits.ts'
import { ArrowLeftIcon } from '../../ui/icons.tsx'
import { AuthHeader, Banner, Button, PasswordField, Spinner, TextField } from '../../ui/index.ts'
import { PasswordStrength } from './PasswordStrength.tsx'
import { type CreateAccountForm, type CreatedAccount, useCreateAccount } from './use-create-account.ts'

export interface CreateAccountStepProps {
  readonly onCreated: (account: CreatedAccount) => void
  readonly onBack: () => void
}

/** Email, master password with its live strength meter, confirmation, and Create. */
export function CreateAccountStep({ onCreated, onBack }: CreateAccountStepProps) {
  const form = useCreateAccount(onCreated)
  return (
    <>
      <Button variant="ghost" small className="auth-back" onClick={onBack} disabled={form.creating}>
        <ArrowLeftIcon /> Back
      </Button>
      <AuthHeader
        title="Create your vault"
        subtitle="Your master password is the one you need to remember. Nobody can reset it for you."
      />
      <AccountForm
        form={form}
        submit="Create vault"
        busy="Creating your vault…"
        progress="Deriving keys. This takes a few seconds."
      />
    </>
  )
}

export interface AccountFormProps {
  readonly form: CreateAccountForm
  /** The submit button's label, its label while the account is made, and the line under it meanwhile. */
  readonly submit: string
  readonly busy: string
  readonly progress: string
}

/** The account fields, main's refusal if any, and the submit button: a new vault's form and a restore's. */
export function AccountForm({ form, submit, busy, progress }: AccountFormProps) {
  return (
    <form className="auth-form" onSubmit={form.submit} noValidate aria-busy={form.creating}>
      <AccountFields form={form} />
      {form.failure ? (
        <Banner tone="error" live="alert" testId="create-error">
          {form.failure}
        </Banner>
      ) : null}
      <div className="auth-actions">
        <Button type="submit" variant="primary" block disabled={!form.canCreate}>
          {form.creating ? <Spinner /> : null}
          {form.creating ? busy : submit}
        </Button>
        <p className="auth-progress" role="status">
          {form.creating ? progress : ''}
        </p>
      </div>
    </form>
  )
}

function AccountFields({ form }: { readonly form: CreateAccountForm }) {
  return (
    <>
      <TextField
        label="Email"
        type="email"
        name="email"
        autoComplete="email"
        autoFocus
        maxLength={EMAIL_MAX_LENGTH}
        value={form.email}
        onChange={form.setEmail}
        onBlur={form.leaveEmail}
        disabled={form.creating}
        error={form.emailError}
      />
      <div className="password-group">
        <PasswordField
          label="Master password"
          name="new-password"
          autoComplete="new-password"
          maxLength={PASSWORD_INPUT_MAX_LENGTH}
          value={form.password}
          onChange={form.setPassword}
          disabled={form.creating}
        />
        <PasswordStrength password={form.password} shown={form.strength.shown} />
      </div>
      <PasswordField
        label="Confirm master password"
        name="confirm-password"
        autoComplete="new-password"
        maxLength={PASSWORD_INPUT_MAX_LENGTH}
        value={form.confirm}
        onChange={form.setConfirm}
        onBlur={form.leaveConfirm}
        disabled={form.creating}
        error={form.confirmError}
      />
    </>
  )
}
