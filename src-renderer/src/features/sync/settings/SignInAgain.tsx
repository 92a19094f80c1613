import type { FormEvent } from 'react'
import { Banner, Button, Spinner } from '../../../ui/index.ts'
import { MasterPassword, ProblemBanner } from '../SyncFormParts.tsx'
import { useSync } from '../sync-context.ts'
import { firstMissing, useSyncForm } from '../use-sync-form.ts'

const REQUIRED = [['password', 'Enter your master password.']] as const

/**
 * The sync session ended (it expired, or another device signed this one
 * out): the master password derives the sign-in again, then a sync runs.
 */
export function SignInAgain({ revoked }: { readonly revoked: boolean }) {
  const sync = useSync()
  const form = useSyncForm(['password'])
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (form.busy) return
    const { password } = form.values
    void form.run(firstMissing(form.values, REQUIRED), () => sync.syncNow(password))
  }
  return (
    <form className="sync-form" onSubmit={submit} noValidate aria-busy={form.busy} aria-label="Sign in to sync again">
      <Banner tone="warn" title="Signed out of sync" live="status" testId="sync-signed-out">
        {revoked
          ? 'This device was signed out of sync from another device.'
          : 'The sync session has ended, so changes are not being synced.'}{' '}
        Enter your master password to sign in again. Your changes here are kept and will sync once you are back.
      </Banner>
      <MasterPassword form={form} />
      <ProblemBanner form={form} testId="sync-sign-in-error" />
      <div className="sync-form-actions">
        <Button type="submit" variant="primary" disabled={form.busy}>
          {form.busy ? <Spinner /> : null}
          {form.busy ? 'Signing in…' : 'Sign in again'}
        </Button>
      </div>
    </form>
  )
}
