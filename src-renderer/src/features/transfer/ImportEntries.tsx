import type { ImportPreviewView } from '@shared/ipc/views.ts'
import { TYPE_NAMES } from '../vault/model/item-types.ts'

type Entry = ImportPreviewView['entries'][number]

/**
 * More rows than this would slow the window for nothing: nobody reads 10,000
 * lines; the counts say the rest. Main sends no more than these (and the later
 * entries that cannot be imported): import-handlers.ts ENTRIES_SENT.
 */
const SHOWN_MAX = 500

const STATUS_WORDS: Readonly<Record<Entry['status'], string>> = {
  new: 'New',
  'in-vault': 'Already in the vault',
  'in-file': 'Twice in the file',
  invalid: 'Cannot be imported',
}

/**
 * What each entry of the file becomes, before anything is written: where it
 * is in the file, its title, the kind of item, and whether it will be added.
 * Titles only: the preview never carries a password or another field.
 * `total` is the file's count of entries: main sends only the first ones.
 */
export function ImportEntries({ entries, total }: { readonly entries: readonly Entry[]; readonly total: number }) {
  if (entries.length === 0) return null
  const shown = entries.slice(0, SHOWN_MAX)
  return (
    <details className="transfer-entries" data-testid="import-entries">
      <summary>Show each entry ({total})</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">In the file</th>
            <th scope="col">Title</th>
            <th scope="col">Becomes</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((entry) => (
            <tr key={entry.index} data-status={entry.status}>
              <td>{placeOf(entry.source)}</td>
              <td>{entry.title || '—'}</td>
              <td>{entry.type === null ? '—' : TYPE_NAMES[entry.type].one}</td>
              <td>{STATUS_WORDS[entry.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > shown.length ? (
        <p className="muted">
          The first {shown.length} of {total} entries; the counts above cover them all.
        </p>
      ) : null}
    </details>
  )
}

export function placeOf(source: Entry['source']): string {
  if (source.line !== undefined) return `Line ${source.line}`
  return source.entry !== undefined ? `Entry ${source.entry}` : 'An entry'
}
