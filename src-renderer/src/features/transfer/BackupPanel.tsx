import { PASSWORD_INPUT_MAX_LENGTH } from '@shared/ipc/limits.ts'
import { type FormEvent, useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'
import { Banner, Button, PasswordField, Spinner } from '../../ui/index.ts'
import { PasswordStrength } from '../onboarding/PasswordStrength.tsx'
import { useNewPassword } from '../onboarding/use-new-password.ts'

/** Settings → Import & export → Encrypted backup: every item with its history, under a backup password. */
export function BackupPanel() {
  const client = useVaultClient()
  const fresh = useNewPassword('')
  const { password } = fresh
  const [busy, setBusy] = useState(false)
  const [savedAs, setSavedAs] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const canSave = !busy && fresh.ready

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault()
    fresh.revealErrors()
    if (!canSave) return
    setBusy(true)
    setError(null)
    const result = await client.saveBackup({ password })
    setBusy(false)
    if (!result.ok) return setError(result.error.message)
    if (!result.data.saved) return
    setSavedAs(result.data.fileName ?? 'the file you chose')
    fresh.forget()
  }

  return (
    <form
      className="transfer-part"
      onSubmit={(event) => void save(event)}
      noValidate
      aria-busy={busy}
      aria-label="Encrypted backup"
      data-testid="backup-panel"
    >
      <p className="security-text">
        Saves every item, with its history and the trash, encrypted with a backup password you choose now. You need that
        password to restore it: keep it with the backup. <code>vault restore-backup</code> makes a vault from it and{' '}
        <code>vault decrypt-backup</code> reads it on any computer.
      </p>
      <div className="password-group">
        <PasswordField
          label="Backup password"
          name="backup-password"
          autoComplete="new-password"
          maxLength={PASSWORD_INPUT_MAX_LENGTH}
          disabled={busy}
          value={password}
          onChange={fresh.setPassword}
        />
        <PasswordStrength password={password} shown={fresh.strength.shown} />
      </div>
      <PasswordField
        label="Repeat backup password"
        name="backup-password-repeat"
        autoComplete="new-password"
        maxLength={PASSWORD_INPUT_MAX_LENGTH}
        disabled={busy}
        value={fresh.confirm}
        onChange={fresh.setConfirm}
        onBlur={fresh.leaveConfirm}
        error={fresh.confirmError}
      />
      {error ? (
        <Banner tone="error" live="alert" testId="backup-error">
          {error}
        </Banner>
      ) : null}
      <div className="transfer-row">
        <Button type="submit" variant="primary" disabled={!canSave}>
          {busy ? <Spinner /> : null} Save backup…
        </Button>
        <p className="transfer-status" role="status" data-testid="backup-result">
          {busy ? 'Encrypting the backup…' : savedAs === null ? '' : `Saved as ${savedAs}.`}
        </p>
      </div>
    </form>
  )
}
