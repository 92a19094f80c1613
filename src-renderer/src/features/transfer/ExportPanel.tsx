import { EXPORT_FORMATS, type ExportFormat } from '@shared/ipc/transfer.ts'
import { useId, useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'
import { Banner, Button, Select, type SelectOption, Spinner } from '../../ui/index.ts'
import { ConfirmDialog } from '../vault/dialogs/ConfirmDialog.tsx'

const FORMAT_LABELS: Readonly<Record<ExportFormat, string>> = {
  json: 'JSON (every field; Vault reads it back)',
  csv: 'CSV (for spreadsheets and other apps)',
}
const FORMAT_OPTIONS: readonly SelectOption<ExportFormat>[] = EXPORT_FORMATS.map((format) => ({
  value: format,
  label: FORMAT_LABELS[format],
}))

/** Settings → Import & export → Export: every item in plain text, only after an explicit warning. */
export function ExportPanel() {
  const client = useVaultClient()
  const [format, setFormat] = useState<ExportFormat>('json')
  const [warning, setWarning] = useState(false)
  const [busy, setBusy] = useState(false)
  const [savedAs, setSavedAs] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function exportNow(): Promise<void> {
    setWarning(false)
    setBusy(true)
    setError(null)
    const result = await client.exportItems({ format, acknowledged: true })
    setBusy(false)
    if (!result.ok) return setError(result.error.message)
    if (result.data.saved) setSavedAs(result.data.fileName ?? 'the file you chose')
  }

  return (
    <div className="transfer-part" data-testid="export-panel">
      <p className="security-text">
        Writes every item, passwords included, to a file you choose, to move to another app. For a copy to keep, save an
        encrypted backup instead.
      </p>
      <div className="transfer-row">
        <Select label="Export format" value={format} options={FORMAT_OPTIONS} disabled={busy} onChange={setFormat} />
        <Button onClick={() => setWarning(true)} disabled={busy} aria-busy={busy}>
          {busy ? <Spinner /> : null} Export…
        </Button>
      </div>
      {error ? (
        <Banner tone="error" live="alert" testId="export-error">
          {error}
        </Banner>
      ) : null}
      <p className="transfer-status" role="status" data-testid="export-result">
        {savedAs === null ? '' : `Saved as ${savedAs}. Delete it as soon as you are done with it.`}
      </p>
      {warning ? <ExportWarning onExport={() => void exportNow()} onCancel={() => setWarning(false)} /> : null}
    </div>
  )
}

function ExportWarning({ onExport, onCancel }: { readonly onExport: () => void; readonly onCancel: () => void }) {
  const [understood, setUnderstood] = useState(false)
  const checkId = useId()
  return (
    <ConfirmDialog
      title="Export unencrypted?"
      confirmLabel="Export"
      danger
      confirmDisabled={!understood}
      onConfirm={onExport}
      onCancel={onCancel}
    >
      <div data-testid="export-warning">
        <p>
          The file will hold every password, card number and note in your vault <strong>unencrypted</strong>. Anyone or
          anything that can read it (a backup tool, a sync folder, malware) gets them all.
        </p>
        <p>Export only to move to another app, keep the file off shared and synced folders, and delete it after.</p>
        <label className="transfer-check" htmlFor={checkId}>
          <input
            id={checkId}
            type="checkbox"
            checked={understood}
            onChange={(event) => setUnderstood(event.target.checked)}
          />{' '}
          I understand
        </label>
      </div>
    </ConfirmDialog>
  )
}
