/**
 * Tables and times for people. Scripts should use --json, whose shape is the
 * service's own (ItemSummary, ItemView, ItemRevisionInfo) and stays stable;
 * these layouts may change.
 */
import type { ItemRevisionInfo, ItemSummary } from '../../src-shared/domain/item.ts'
import { displayText } from './output.ts'

/** Eight hex digits tell apart tens of thousands of items; more are shown only when two listed ids share them. */
const SHORT_ID_LENGTH = 8

export function localTime(ms: number): string {
  const date = new Date(ms)
  const two = (value: number) => String(value).padStart(2, '0')
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`
  return `${day} ${two(date.getHours())}:${two(date.getMinutes())}`
}

/** Left-aligned columns, two spaces apart; the last column is not padded. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) =>
    Math.max([...title].length, ...rows.map((row) => [...(row[column] ?? '')].length)),
  )
  const render = (row: readonly string[]) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd()
  return [render(header), ...rows.map(render)]
}

/** The shortest prefix length (at least 8) that keeps every listed id distinct. */
export function shortIdLength(ids: readonly string[]): number {
  const sorted = [...ids].sort()
  let length = SHORT_ID_LENGTH
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] as string
    const b = sorted[i] as string
    let shared = 0
    while (shared < a.length && a[shared] === b[shared]) shared++
    length = Math.max(length, shared + 1)
  }
  return length
}

export function itemTable(items: readonly ItemSummary[]): string[] {
  const idLength = shortIdLength(items.map((item) => item.id))
  const rows = items.map((item) => [
    item.id.slice(0, idLength),
    item.damaged ? 'damaged' : item.type,
    displayText(item.title) + (item.favorite ? ' ★' : ''),
    displayText(item.damaged ? item.damaged.code : item.subtitle),
    displayText(item.tags.join(', ')),
  ])
  return table(['ID', 'TYPE', 'TITLE', 'DETAILS', 'TAGS'], rows)
}

export function historyTable(revisions: readonly ItemRevisionInfo[]): string[] {
  const current = Math.max(...revisions.map((revision) => revision.revision))
  const rows = revisions.map((revision) => [
    String(revision.revision),
    localTime(revision.savedAt),
    revision.damaged ? `(damaged: ${revision.damaged.code})` : displayText(revision.title),
    [revision.trashed ? 'in trash' : '', revision.revision === current ? 'current' : ''].filter(Boolean).join(', '),
  ])
  return table(['REV', 'SAVED', 'TITLE', 'STATE'], rows)
}
