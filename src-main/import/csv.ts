/**
 * CSV reading shared by every CSV format, with csv-parse's sync API: a
 * well-kept RFC 4180 parser (quotes, doubled quotes, commas and line breaks
 * inside quoted fields, CRLF or LF) is far safer than a hand-written split.
 *
 * - The text is decoded as strict UTF-8 first (text.ts); a byte order mark is dropped.
 * - The first record is the header. Rows may have fewer fields than the header
 *   (the missing ones are empty: Bitwarden's own sample does this), never more.
 * - Blank lines, and rows whose fields are all empty, are skipped.
 * - Each row carries the line its record starts on. csv-parse counts a CRLF
 *   inside a quoted field as two lines, so lines are counted here from the byte
 *   offsets it reports (\r\n, \r and \n each end one line).
 * - Errors name the line the broken record starts on and never quote its text.
 */
import { type CsvError, parse } from 'csv-parse/sync'
import { VaultError } from '../../src-shared/errors.ts'
import { assertItemCount, fileInvalid, importInvalid } from './failure.ts'
import { decodeUtf8 } from './text.ts'
import { MAX_IMPORT_ITEMS } from './types.ts'

export interface CsvRow {
  readonly line: number
  readonly values: readonly string[]
}

export interface CsvTable {
  readonly file: string
  readonly header: readonly string[]
  readonly headerLine: number
  readonly rows: readonly CsvRow[]
}

const PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field that starts in this record is never closed (is the file cut short?).',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'this record has more fields than the header has columns.',
  CSV_RECORD_INCONSISTENT_COLUMNS: 'this record has more fields than the header has columns.',
  INVALID_OPENING_QUOTE:
    'a field in this record has a quote where none may be (quote the whole field, doubling inner quotes).',
  CSV_INVALID_CLOSING_QUOTE: 'a quoted field in this record has text after its closing quote.',
}

export function readCsv(file: string, bytes: Uint8Array): CsvTable {
  const buffer = Buffer.from(decodeUtf8(file, bytes), 'utf8')
  const ends: number[] = []
  let records: string[][]
  try {
    records = parse(buffer, {
      relax_column_count_less: true,
      skip_empty_lines: true,
      on_record: (record: string[], context: { bytes: number }) => {
        ends.push(context.bytes)
        // Stop at once rather than hold millions of records in memory: the header plus the most allowed.
        assertItemCount(file, ends.length - 1, MAX_IMPORT_ITEMS)
        return record
      },
    }) as string[][]
  } catch (error) {
    if (error instanceof VaultError) throw error
    const start = ends.at(-1) ?? 0
    const code = (error as CsvError).code ?? ''
    throw importInvalid(file, { line: new LineCounter(buffer).lineOf(start) }, PROBLEMS[code] ?? 'it is not valid CSV.')
  }
  return toTable(file, buffer, records, ends)
}

function toTable(file: string, buffer: Buffer, records: readonly string[][], ends: readonly number[]): CsvTable {
  const counter = new LineCounter(buffer)
  const lines = records.map((_record, index) => counter.lineOf(index === 0 ? 0 : (ends[index - 1] ?? 0)))
  const [header, ...body] = records
  if (header === undefined) throw fileInvalid(file, 'it is empty.')
  const width = header.length
  const rows: CsvRow[] = []
  body.forEach((values, index) => {
    if (values.every((value) => value === '')) return
    const padded = values.length < width ? [...values, ...Array<string>(width - values.length).fill('')] : values
    rows.push({ line: lines[index + 1] ?? 0, values: padded })
  })
  return { file, header: header.map((name) => name.trim()), headerLine: lines[0] ?? 1, rows }
}

/** Line numbers of byte offsets, for offsets asked in increasing order. */
class LineCounter {
  private offset = 0
  private line = 1

  private readonly buffer: Buffer

  constructor(buffer: Buffer) {
    this.buffer = buffer
  }

  /** The line of the first byte at or after `start` that is not a line break. */
  lineOf(start: number): number {
    let target = start
    while (target < this.buffer.length && (this.buffer[target] === 10 || this.buffer[target] === 13)) target += 1
    for (; this.offset < target; this.offset++) {
      const byte = this.buffer[this.offset]
      if (byte === 10 || (byte === 13 && this.buffer[this.offset + 1] !== 10)) this.line += 1
    }
    return this.line
  }
}

/** The index of a column by header name, ignoring case and surrounding spaces; -1 when absent. */
export function columnIndex(table: CsvTable, name: string): number {
  const wanted = name.trim().toLowerCase()
  return table.header.findIndex((header) => header.toLowerCase() === wanted)
}

/** The indexes of columns a format must have; the error names the first missing one. */
export function requireColumns<const K extends string>(
  table: CsvTable,
  names: readonly K[],
  formatName: string,
): Record<K, number> {
  const found = {} as Record<K, number>
  for (const name of names) {
    const index = columnIndex(table, name)
    if (index === -1) {
      throw importInvalid(
        table.file,
        { line: table.headerLine },
        `the header has no "${name}" column; is this a ${formatName} export?`,
      )
    }
    found[name] = index
  }
  return found
}

/**
 * A reader of the named columns, each looked up in the header once for the
 * whole table rather than for every cell: reader(row)(name) is that row's
 * value, '' when the header lacks the column.
 */
export function columnReader<const K extends string>(
  table: CsvTable,
  names: readonly K[],
): (row: CsvRow) => (name: K) => string {
  const indexes = new Map<string, number>(names.map((name) => [name, columnIndex(table, name)]))
  return (row) => (name) => cell(row, indexes.get(name) ?? -1)
}

/** A row's value in a column, '' when the column is absent (-1). */
export function cell(row: CsvRow, index: number): string {
  return index < 0 ? '' : (row.values[index] ?? '')
}
