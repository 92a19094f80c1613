import './unlock.css'
import type { UnlockResultView } from '@shared/ipc/views.ts'
import type { LockNotice as Notice } from '../../app/app-state.ts'
import { AuthHeader, AuthLayout, Banner, Button, PasswordField, Spinner } from '../../ui/index.ts'
import { AppVersion } from '../app-info/AppVersion.tsx'
import { LockNotice } from './LockNotice.tsx'
import { SecretKeyField } from './SecretKeyField.tsx'
import { type UnlockForm, useUnlockForm } from './use-unlock-form.ts'

export interface UnlockScreenProps {
  readonly accountId: string
  /** The keychain has no Secret Key for this account: ask for it. */
  readonly secretKeyNeeded: boolean
  /** Why, in main's words. */
  readonly secretKeyReason?: string | undefined
  /** Why the vault locked, when it was not the user's doing. */
  readonly notice?: Notice | undefined
  /** Called once main has unlocked; the shell asks main for the state and shows the workspace. */
  readonly onUnlocked: (result: UnlockResultView) => Promise<void>
  /** The shell asks main for the state again (after the secrets were found changed on another device). */
  readonly onRefreshStatus: () => Promise<void>
}

/** The lock screen: master password (and the Secret Key when this device lacks it), with specific errors. */
export function UnlockScreen(props: UnlockScreenProps) {
  const { accountId, secretKeyNeeded, secretKeyReason, notice, onUnlocked, onRefreshStatus } = props
  const form = useUnlockForm(secretKeyNeeded, { onUnlocked, onRefreshStatus })
  const { problem } = form
  return (
    <AuthLayout footer={<AppVersion />} testId="unlock-screen">
      <AuthHeader
        title="Unlock your vault"
        subtitle={
          <span className="auth-chip">
            Account{' '}
            <span className="mono" data-testid="account-id">
              {accountId}
            </span>
          </span>
        }
      />
      {notice ? <LockNotice notice={notice} /> : null}
      {problem?.title ? (
        <Banner tone="warn" live="alert" title={problem.title} testId="credentials-changed">
          {problem.message}
        </Banner>
      ) : null}
      {form.askSecretKey && secretKeyReason ? (
        <Banner tone="warn" testId="secret-key-reason">
          {secretKeyReason} Enter it from your Emergency Kit; it will be saved to this device's keychain.
        </Banner>
      ) : null}
      <form className="auth-form" onSubmit={form.submit} noValidate aria-busy={form.unlocking}>
        <UnlockFields form={form} accountId={accountId} />
        <UnlockActions unlocking={form.unlocking} />
      </form>
    </AuthLayout>
  )
}

function UnlockFields({ form, accountId }: { readonly form: UnlockForm; readonly accountId: string }) {
  const { problem } = form
  return (
    <>
      <PasswordField
        ref={form.passwordRef}
        label="Master password"
        name="password"
        autoComplete="current-password"
        autoFocus
        value={form.password}
        onChange={form.setPassword}
        disabled={form.unlocking}
        error={problem?.field === 'password' ? problem.message : undefined}
        announceError
      />
      {form.askSecretKey ? (
        <SecretKeyField
          ref={form.secretKeyRef}
          value={form.secretKey}
          onChange={form.setSecretKey}
          accountId={accountId}
          submitError={problem?.field === 'secretKey' ? problem.message : undefined}
          disabled={form.unlocking}
        />
      ) : null}
      {problem?.field === 'none' && problem.title === undefined ? (
        <Banner tone="error" live="alert" testId="unlock-error">
          {problem.message}
        </Banner>
      ) : null}
    </>
  )
}

function UnlockActions({ unlocking }: { readonly unlocking: boolean }) {
  return (
    <div className="auth-actions">
      <Button type="submit" variant="primary" block disabled={unlocking}>
        {unlocking ? <Spinner /> : null}
        {unlocking ? 'Unlocking…' : 'Unlock'}
      </Button>
      <p className="auth-progress" role="status">
        {unlocking ? 'Deriving your keys…' : ''}
      </p>
    </div>
  )
}
