import { PASSWORD_INPUT_MAX_LENGTH } from '@shared/ipc/limits.ts'
import { type FormEvent, useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'
import { Banner, Button, PasswordField, Spinner } from '../../ui/index.ts'
import { PasswordStrength } from '../onboarding/PasswordStrength.tsx'
import { useStrength } from '../onboarding/use-strength.ts'

/** Settings → Import & export → Encrypted backup: every item with its history, under a backup password. */
export function BackupPanel() {
  const client = useVaultClient()
  const [password, setPassword] = useState('')
  const [repeat, setRepeat] = useState('')
  const [busy, setBusy] = useState(false)
  const [savedAs, setSavedAs] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const strength = useStrength(password, '')
  const mismatch = repeat !== '' && repeat !== password
  const canSave = !busy && strength.estimate?.acceptable === true && repeat === password

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (!canSave) return
    setBusy(true)
    setError(null)
    const result = await client.saveBackup({ password })
    setBusy(false)
    if (!result.ok) return setError(result.error.message)
    if (!result.data.saved) return
    setSavedAs(result.data.fileName ?? 'the file you chose')
    setPassword('')
    setRepeat('')
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
          onChange={setPassword}
        />
        <PasswordStrength password={password} shown={strength.shown} />
      </div>
      <PasswordField
        label="Repeat backup password"
        name="backup-password-repeat"
        autoComplete="new-password"
        maxLength={PASSWORD_INPUT_MAX_LENGTH}
        disabled={busy}
        value={repeat}
        onChange={setRepeat}
        error={mismatch ? 'The two passwords do not match.' : undefined}
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
