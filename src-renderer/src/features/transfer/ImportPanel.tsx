import type { ItemType } from '@shared/domain/item.ts'
import { IMPORT_FORMAT_LABELS, IMPORT_FORMAT_NAMES } from '@shared/ipc/transfer.ts'
import type { ReactNode } from 'react'
import { Banner, Button, Select, type SelectOption, Spinner } from '../../ui/index.ts'
import { pluralize } from '../vault/model/format.ts'
import { ITEM_TYPES, TYPE_NAMES } from '../vault/model/item-types.ts'
import { ColumnMapping } from './ColumnMapping.tsx'
import { ImportEntries, placeOf } from './ImportEntries.tsx'
import { useColumnMapping } from './use-column-mapping.ts'
import { type ChosenFile, type ImportFormatChoice, useImport } from './use-import.ts'

const FORMAT_OPTIONS: readonly SelectOption<ImportFormatChoice>[] = [
  { value: 'auto', label: 'Detect automatically' },
  ...IMPORT_FORMAT_NAMES.map((format) => ({ value: format, label: IMPORT_FORMAT_LABELS[format] })),
]

/** Settings → Import & export → Import: a format, a file, its columns ("Other CSV"), its preview, then the import. */
export function ImportPanel() {
  const control = useImport()
  const { chosen, busy } = control
  const mapping = useColumnMapping(chosen, control.showRemapped)
  return (
    <div className="transfer-part" data-testid="import-panel">
      <p className="security-text">
        Bring in items from another password manager's export. You see what would be added first; items already in the
        vault are left out, so importing the same file twice adds nothing.
      </p>
      <div className="transfer-row">
        <Select
          label="Format"
          value={control.format}
          options={FORMAT_OPTIONS}
          disabled={busy !== null}
          onChange={control.setFormat}
        />
        <Button onClick={control.choose} disabled={busy !== null} aria-busy={busy === 'choosing'}>
          {busy === 'choosing' ? <Spinner /> : null} Choose file…
        </Button>
      </div>
      {control.error ? (
        <Banner tone="error" live="alert" testId="import-error">
          {control.error}
        </Banner>
      ) : null}
      {chosen ? (
        <ImportPreview
          chosen={chosen}
          busy={busy === 'importing'}
          // The preview is not what the mapping shows while a change is pending or refused.
          blocked={mapping !== null && (mapping.busy || mapping.error !== null)}
          onImport={control.apply}
        >
          {mapping ? <ColumnMapping control={mapping} /> : null}
        </ImportPreview>
      ) : null}
      <p className="transfer-status" role="status" data-testid="import-result">
        {control.added === null ? '' : `Imported ${pluralize(control.added, 'item')}.`}
      </p>
    </div>
  )
}

interface ImportPreviewProps {
  readonly chosen: ChosenFile
  readonly busy: boolean
  readonly blocked: boolean
  readonly onImport: () => void
  /** Shown between the file's name and the counts: the column mapping, for "Other CSV". */
  readonly children?: ReactNode
}

function ImportPreview({ chosen, busy, blocked, onImport, children }: ImportPreviewProps) {
  const { preview } = chosen
  const types = ITEM_TYPES.filter((type) => (preview.byType[type] ?? 0) > 0)
  return (
    <section className="transfer-preview" aria-label="Import preview" data-testid="import-preview">
      <p className="transfer-file">
        <strong>{chosen.fileName}</strong> ({IMPORT_FORMAT_LABELS[chosen.format]}):{' '}
        {pluralize(preview.total, 'entry', 'entries')}
      </p>
      {children}
      <dl className="transfer-counts">
        <dt>New</dt>
        <dd data-testid="import-new">
          {preview.toAdd}
          {types.length > 0 ? ` (${types.map((type) => typeCount(preview.byType[type] ?? 0, type)).join(', ')})` : ''}
        </dd>
        <dt>Already in the vault</dt>
        <dd data-testid="import-in-vault">{preview.inVault}</dd>
        <dt>Twice in the file</dt>
        <dd data-testid="import-in-file">{preview.inFile}</dd>
        <dt>Cannot be imported</dt>
        <dd data-testid="import-invalid">{preview.invalid}</dd>
        {chosen.skipped > 0 ? (
          <>
            <dt>Skipped (folders, empty rows)</dt>
            <dd>{chosen.skipped}</dd>
          </>
        ) : null}
      </dl>
      <InvalidEntries preview={preview} />
      <ImportEntries entries={preview.entries} total={preview.total} />
      <Button variant="primary" onClick={onImport} disabled={busy || blocked || preview.toAdd === 0} aria-busy={busy}>
        {busy ? <Spinner /> : null}
        {preview.toAdd === 0 ? 'Nothing new to import' : `Import ${pluralize(preview.toAdd, 'item')}`}
      </Button>
    </section>
  )
}

/** Where each entry that cannot be imported is, and why; main sends the first ones, the count says how many in all. */
function InvalidEntries({ preview }: { readonly preview: ChosenFile['preview'] }) {
  const invalid = preview.entries.filter((entry) => entry.status === 'invalid')
  if (invalid.length === 0) return null
  return (
    <>
      <ul className="transfer-problems" aria-label="Entries that cannot be imported">
        {invalid.map((entry) => (
          <li key={entry.index}>
            {placeOf(entry.source)}: {entry.problem ?? 'not a valid item'}
          </li>
        ))}
      </ul>
      {preview.invalid > invalid.length ? (
        <p className="muted" data-testid="import-invalid-more">
          The first {invalid.length} of {preview.invalid} entries that cannot be imported.
        </p>
      ) : null}
    </>
  )
}

/** "1 login", "2 secure notes". */
function typeCount(count: number, type: ItemType): string {
  const names = TYPE_NAMES[type]
  return pluralize(count, names.one.toLowerCase(), names.many.toLowerCase())
}
