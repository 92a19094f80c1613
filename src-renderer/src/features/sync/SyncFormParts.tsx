/** Pieces the sync forms share: the server's two fields, the master password, and the problem banner. */
import { PASSWORD_INPUT_MAX_LENGTH } from '@shared/ipc/limits.ts'
import { Banner, PasswordField, TextField } from '../../ui/index.ts'
import type { SyncForm } from './use-sync-form.ts'

/** The Supabase project: where it is, and its public anon key. */
export function ServerFields({ form, autoFocus }: { readonly form: SyncForm; readonly autoFocus?: boolean }) {
  return (
    <>
      <TextField
        ref={form.refs.url}
        autoFocus={autoFocus}
        label="Project URL"
        name="syncUrl"
        type="url"
        inputMode="url"
        placeholder="https://your-project.supabase.co"
        maxLength={300}
        value={form.values.url}
        onChange={form.set('url')}
        disabled={form.busy}
        error={form.errorOf('url')}
        announceError
      />
      <TextField
        ref={form.refs.anonKey}
        label="Anon key (public)"
        name="syncAnonKey"
        mono
        maxLength={2000}
        hint="In the project's API settings. It is public: it lets this app talk to the project, nothing more."
        value={form.values.anonKey}
        onChange={form.set('anonKey')}
        disabled={form.busy}
        error={form.errorOf('anonKey')}
        announceError
      />
    </>
  )
}

export interface MasterPasswordProps {
  readonly form: SyncForm
  readonly hint?: string
  readonly autoFocus?: boolean
}

export function MasterPassword({ form, hint, autoFocus }: MasterPasswordProps) {
  return (
    <PasswordField
      ref={form.refs.password}
      label="Master password"
      name="password"
      autoComplete="current-password"
      autoFocus={autoFocus}
      maxLength={PASSWORD_INPUT_MAX_LENGTH}
      hint={hint}
      value={form.values.password}
      onChange={form.set('password')}
      disabled={form.busy}
      error={form.errorOf('password')}
      announceError
    />
  )
}

/** A problem that is not about one field (the server, the network), as an alert under the form. */
export function ProblemBanner({ form, testId }: { readonly form: SyncForm; readonly testId: string }) {
  const { problem } = form
  if (problem === null || problem.field !== null) return null
  return (
    <Banner tone="error" live="alert" testId={testId} {...(problem.title ? { title: problem.title } : {})}>
      {problem.message}
    </Banner>
  )
}
