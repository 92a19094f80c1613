import { EMAIL_MAX_LENGTH } from '@shared/ipc/limits.ts'
import { ArrowLeftIcon } from '../../../ui/icons.tsx'
import { AuthHeader, Button, Spinner, TextField } from '../../../ui/index.ts'
import { SecretKeyField } from '../../unlock/SecretKeyField.tsx'
import { MasterPassword, ProblemBanner, ServerFields } from '../SyncFormParts.tsx'
import { type JoinForm, type JoinPrefill, useJoinAccount } from './use-join-account.ts'

export interface JoinAccountStepProps {
  /** Main has joined and unlocked the vault: the shell shows it. */
  readonly onJoined: () => void
  readonly onBack: () => void
  /** Read from an Emergency Kit's setup code: only the master password is left to type. */
  readonly prefill?: JoinPrefill | undefined
}

/** Onboarding's other way in: the sync server, the account's email, Secret Key and master password. */
export function JoinAccountStep({ onJoined, onBack, prefill }: JoinAccountStepProps) {
  const form = useJoinAccount(onJoined, prefill)
  const filled = prefill !== undefined
  return (
    <>
      <Button variant="ghost" small className="auth-back" onClick={onBack} disabled={form.busy}>
        <ArrowLeftIcon /> Back
      </Button>
      <AuthHeader
        title="Sign in to your account"
        subtitle={
          filled
            ? 'Your Emergency Kit filled in the details. Enter your master password to sign in.'
            : 'Bring your vault to this device from the Supabase project your other devices sync with.'
        }
      />
      <form className="auth-form" onSubmit={form.submit} noValidate aria-busy={form.busy}>
        <ServerFields form={form} autoFocus={!filled} />
        <AccountFields form={form} focusPassword={filled} />
        <ProblemBanner form={form} testId="join-error" />
        <div className="auth-actions">
          <Button type="submit" variant="primary" block disabled={form.busy}>
            {form.busy ? <Spinner /> : null}
            {form.busy ? 'Signing in…' : 'Sign in'}
          </Button>
          <p className="auth-progress" role="status">
            {form.busy ? 'Signing in… downloading your vault' : ''}
          </p>
        </div>
      </form>
    </>
  )
}

function AccountFields({ form, focusPassword }: { readonly form: JoinForm; readonly focusPassword: boolean }) {
  return (
    <>
      <TextField
        ref={form.refs.email}
        label="Email"
        type="email"
        name="email"
        autoComplete="email"
        maxLength={EMAIL_MAX_LENGTH}
        value={form.values.email}
        onChange={form.set('email')}
        disabled={form.busy}
        error={form.errorOf('email')}
        announceError
      />
      <SecretKeyField
        ref={form.refs.secretKey}
        value={form.values.secretKey}
        onChange={form.set('secretKey')}
        submitError={form.errorOf('secretKey')}
        disabled={form.busy}
      />
      <MasterPassword form={form} autoFocus={focusPassword} />
    </>
  )
}
