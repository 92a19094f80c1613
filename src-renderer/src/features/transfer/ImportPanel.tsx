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
        {control.added === null ? '' : `Imported ${countOf(control.added, 'item')}.`}
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
  const invalid = preview.entries.filter((entry) => entry.status === 'invalid')
  return (
    <section className="transfer-preview" aria-label="Import preview" data-testid="import-preview">
      <p className="transfer-file">
        <strong>{chosen.fileName}</strong> ({IMPORT_FORMAT_LABELS[chosen.format]}): {countOf(preview.total, 'entry')}
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
      {invalid.length > 0 ? (
        <ul className="transfer-problems" aria-label="Entries that cannot be imported">
          {invalid.map((entry) => (
            <li key={entry.index}>
              {placeOf(entry.source)}: {entry.problem ?? 'not a valid item'}
            </li>
          ))}
        </ul>
      ) : null}
      <ImportEntries entries={preview.entries} />
      <Button variant="primary" onClick={onImport} disabled={busy || blocked || preview.toAdd === 0} aria-busy={busy}>
        {busy ? <Spinner /> : null}
        {preview.toAdd === 0 ? 'Nothing new to import' : `Import ${countOf(preview.toAdd, 'item')}`}
      </Button>
    </section>
  )
}

/** "1 login", "2 secure notes". */
function typeCount(count: number, type: ItemType): string {
  const names = TYPE_NAMES[type]
  return pluralize(count, names.one.toLowerCase(), names.many.toLowerCase())
}

export function countOf(count: number, noun: 'item' | 'entry'): string {
  if (count === 1) return `1 ${noun}`
  return `${count} ${noun === 'entry' ? 'entries' : 'items'}`
}
