/**
 * Tables printed as Markdown, so that figures can be pasted into the research
 * notes as they are. Text columns come first and are left-aligned; figures are right-aligned.
 */
import type { BenchTable, Cell } from './types.ts'

const MiB = 1024 * 1024

/** Whole milliseconds above 100 ms: the noise on this machine is larger than that. */
export function fmtMs(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1)
}

export function fmtRatio(value: number): string {
  return `${value.toFixed(2)}×`
}

/** Whole MiB; String() rather than toFixed() so that a tiny negative prints as 0, not -0. */
export function fmtMiB(bytes: number): string {
  return String(Math.round(bytes / MiB))
}

function cellText(cell: Cell): string {
  if (cell === null) return '–'
  return typeof cell === 'number' ? String(cell) : cell
}

export function renderTable(table: BenchTable): string {
  const rows = table.rows.map((row) => table.columns.map((_, i) => cellText(row[i] ?? null)))
  const widths = table.columns.map((title, i) => Math.max(title.length, 3, ...rows.map((row) => (row[i] ?? '').length)))
  const isText = (i: number): boolean => i < (table.textColumns ?? 1)
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, i) => (isText(i) ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`
  const rule = `|${widths.map((w, i) => (isText(i) ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|')}|`
  const notes = (table.notes ?? []).map((note) => `  ${note}`)
  return [`### ${table.title}`, '', line(table.columns), rule, ...rows.map(line), '', ...notes].join('\n')
}
