import type { FormEvent } from 'react'
import { Button, Spinner } from '../../../ui/index.ts'
import { MasterPassword, ProblemBanner, ServerFields } from '../SyncFormParts.tsx'
import { useSync } from '../sync-context.ts'
import { firstMissing, useSyncForm } from '../use-sync-form.ts'

const REQUIRED = [
  ['url', 'Enter the project URL.'],
  ['anonKey', "Paste the project's anon key."],
  ['password', 'Enter your master password.'],
] as const

/**
 * Sync is off: what it does, and the project and master password to turn
 * it on. Only what the user typed is sent (main trims and checks it); the
 * master password derives the server sign-in in main and never leaves it.
 */
export function SyncSetupForm() {
  const sync = useSync()
  const form = useSyncForm(['url', 'anonKey', 'password'])
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (form.busy) return
    const { url, anonKey, password } = form.values
    void form.run(firstMissing(form.values, REQUIRED), () => sync.enable({ url, anonKey, password }))
  }
  return (
    <form className="sync-form" onSubmit={submit} noValidate aria-busy={form.busy} aria-label="Turn on sync">
      <p className="sync-intro">
        Sync sealed records through your own Supabase project; the server never sees your data. Every item is encrypted
        on this device before it leaves, and only your devices hold the keys.
      </p>
      <ServerFields form={form} />
      <MasterPassword form={form} hint="Used on this device to derive the server sign-in. It is never sent." />
      <ProblemBanner form={form} testId="sync-setup-error" />
      <div className="sync-form-actions">
        <Button type="submit" variant="primary" disabled={form.busy}>
          {form.busy ? <Spinner /> : null}
          {form.busy ? 'Turning on sync…' : 'Turn on sync'}
        </Button>
        <p className="sync-progress" role="status">
          {form.busy ? 'Deriving your sign-in key, then uploading your sealed vault…' : ''}
        </p>
      </div>
    </form>
  )
}
