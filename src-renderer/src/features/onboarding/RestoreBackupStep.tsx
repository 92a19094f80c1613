import { PASSWORD_INPUT_MAX_LENGTH } from '@shared/ipc/limits.ts'
import type { OpenedBackupView } from '@shared/ipc/views.ts'
import { useVaultClient } from '../../api/use-vault-client.ts'
import { ArrowLeftIcon } from '../../ui/icons.tsx'
import { AuthHeader, Banner, Button, PasswordField, Spinner } from '../../ui/index.ts'
import { calendarDate, pluralize } from '../vault/model/format.ts'
import { AccountForm } from './CreateAccountStep.tsx'
import type { RestoreProblem } from './restore-problems.ts'
import { type CreatedAccount, useCreateAccount } from './use-create-account.ts'
import { type RestoreBackupControl, useRestoreBackup } from './use-restore-backup.ts'

export interface RestoreBackupStepProps {
  /** The vault exists with the backup's items: on to the Secret Key, shown once. */
  readonly onRestored: (account: CreatedAccount) => void
  readonly onBack: () => void
}

/**
 * "Restore from a backup": choose the file and type its backup password
 * (nothing is made yet), then the new vault's email and master password, as
 * when creating one. Leaving the step drops the chosen file in main (useRestoreBackup).
 */
export function RestoreBackupStep({ onRestored, onBack }: RestoreBackupStepProps) {
  const backup = useRestoreBackup()
  const { chosen, opened } = backup
  return chosen !== null && opened !== null ? (
    <NewVaultForm token={chosen.token} opened={opened} onRestored={onRestored} onBack={onBack} />
  ) : (
    <ChooseBackup backup={backup} onBack={onBack} />
  )
}

function ChooseBackup({ backup, onBack }: { readonly backup: RestoreBackupControl; readonly onBack: () => void }) {
  const { chosen, busy, problem } = backup
  return (
    <>
      <BackButton onBack={onBack} disabled={busy !== null} />
      <AuthHeader
        title="Restore from a backup"
        subtitle="Choose a backup file saved from Vault, then type its backup password. Nothing is made on this computer until you create the new vault."
      />
      <form className="auth-form" onSubmit={backup.open} noValidate aria-busy={busy !== null}>
        <div className="restore-file" data-testid="restore-file">
          {chosen === null ? (
            <p className="restore-file-hint">No file chosen yet.</p>
          ) : (
            <p>
              <span className="restore-file-name">{chosen.fileName}</span>
              <span className="restore-file-date">Backup of {calendarDate(chosen.createdAt)}</span>
            </p>
          )}
          <Button
            variant={chosen === null ? 'primary' : 'ghost'}
            small
            onClick={backup.choose}
            disabled={busy !== null}
          >
            {busy === 'choosing' ? <Spinner /> : null}
            {chosen === null ? 'Choose backup file…' : 'Choose another file…'}
          </Button>
        </div>
        <FileProblem problem={problem} />
        {chosen === null ? null : <BackupPasswordField backup={backup} />}
      </form>
    </>
  )
}

function BackupPasswordField({ backup }: { readonly backup: RestoreBackupControl }) {
  const { busy, problem } = backup
  return (
    <>
      <PasswordField
        label="Backup password"
        name="backup-password"
        autoComplete="off"
        autoFocus
        maxLength={PASSWORD_INPUT_MAX_LENGTH}
        value={backup.password}
        onChange={backup.setPassword}
        disabled={busy !== null}
        error={problem?.field === 'password' ? problem.message : undefined}
      />
      <div className="auth-actions">
        <Button type="submit" variant="primary" block disabled={busy !== null}>
          {busy === 'opening' ? <Spinner /> : null}
          {busy === 'opening' ? 'Opening the backup…' : 'Open backup'}
        </Button>
        <p className="auth-progress" role="status">
          {busy === 'opening' ? 'Deriving the backup key. This takes a few seconds.' : ''}
        </p>
      </div>
    </>
  )
}

/** A problem with the file or the vault, not with the typed password. */
function FileProblem({ problem }: { readonly problem: RestoreProblem | null }) {
  if (problem === null || problem.field === 'password') return null
  return (
    <Banner
      tone="error"
      live="alert"
      {...(problem.title === undefined ? {} : { title: problem.title })}
      testId="restore-error"
    >
      {problem.message}
    </Banner>
  )
}

interface NewVaultFormProps {
  readonly token: string
  readonly opened: OpenedBackupView
  readonly onRestored: (account: CreatedAccount) => void
  readonly onBack: () => void
}

/** The create-account form, whose submit makes the vault and restores the opened backup into it. */
function NewVaultForm({ token, opened, onRestored, onBack }: NewVaultFormProps) {
  const client = useVaultClient()
  const form = useCreateAccount(onRestored, (account) => client.restoreBackup({ token, ...account }))
  const items = pluralize(opened.itemCount, 'item')
  return (
    <>
      <BackButton onBack={onBack} disabled={form.creating} />
      <AuthHeader
        title="Create the restored vault"
        subtitle="Choose the email and master password of the new vault. Your master password is the one you need to remember."
      />
      <Banner tone="ok" live="status" testId="restore-opened">
        The backup of {calendarDate(opened.createdAt)} opened: {items} to restore, each with its history.
      </Banner>
      <AccountForm
        form={form}
        submit={`Restore ${items}`}
        busy="Restoring your vault…"
        progress="Deriving keys and sealing every item. This takes a few seconds."
      />
    </>
  )
}

function BackButton({ onBack, disabled }: { readonly onBack: () => void; readonly disabled: boolean }) {
  return (
    <Button variant="ghost" small className="auth-back" onClick={onBack} disabled={disabled}>
      <ArrowLeftIcon /> Back
    </Button>
  )
}
