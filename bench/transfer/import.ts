/**
 * Import of the generated Bitwarden CSV, as `vault import` and the app do it:
 * parseImport() → candidates → previewImport() → applyImport() (dedupe
 * against the vault, then every new item sealed and stored in one
 * transaction) → listItems(), each round into a fresh empty vault; then the
 * same file again into that vault, where every entry is already there. Next
 * to it, the parse alone against csv-parse alone on the same bytes, and a
 * plain node:sqlite insert of the same sealed rows.
 */
import { parse as csvParse } from 'csv-parse/sync'
import { readCsv } from '../../src-main/import/csv.ts'
import { type ImportResult, parseImport } from '../../src-main/import/index.ts'
import type { ImportCandidate } from '../../src-main/vault/item-import.ts'
import { rotated } from '../vault/order.ts'
import { freshVault, Samples, timed } from './fresh-vault.ts'
import { readSealedRows, type SealedRow, sealedBytes, timeSqliteInsert } from './sqlite-reference.ts'

export const FILE_NAME = 'bitwarden_export_20261122.csv'

/** Keys of ImportRun.samples. */
export const IMPORT_KEYS = {
  parse: 'parse',
  preview: 'preview',
  apply: 'apply',
  list: 'list',
  total: 'total',
  createAccount: 'createAccount',
  reParse: 'reParse',
  rePreview: 'rePreview',
  reApply: 'reApply',
  reTotal: 'reTotal',
  sqlite: 'sqliteInsert',
  parseAlone: 'parseAlone',
  readCsv: 'readCsv',
  csvParse: 'csvParse',
} as const

export interface ImportRun {
  readonly rounds: number
  readonly parseRounds: number
  readonly samples: Samples
  readonly fileBytes: number
  readonly items: number
  readonly skipped: number
  readonly added: number
  readonly listed: number
  /** Re-import: what the preview called new and in the vault, and what apply added. */
  readonly reNew: number
  readonly reInVault: number
  readonly reAdded: number
  readonly sealedRows: number
  readonly sealedBytes: number
  readonly failures: readonly string[]
}

function candidatesOf(result: ImportResult): ImportCandidate[] {
  return result.items.map(({ draft, source }) => ({ draft, source }))
}

function parseFile(bytes: Uint8Array): ImportResult {
  return parseImport({ fileName: FILE_NAME, bytes, format: 'bitwarden-csv' })
}

/** The same options readCsv() gives csv-parse, on the raw bytes: no UTF-8 check, line numbers or mapping. */
function csvParseAlone(bytes: Uint8Array): number {
  const records = csvParse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    relax_column_count_less: true,
    skip_empty_lines: true,
  }) as string[][]
  return records.length
}

/** parseImport, readCsv and csv-parse alone, interleaved and rotated per round. */
function measureParse(samples: Samples, bytes: Uint8Array, rounds: number): void {
  const steps: readonly [string, () => number][] = [
    [IMPORT_KEYS.parseAlone, () => parseFile(bytes).items.length],
    [IMPORT_KEYS.readCsv, () => readCsv(FILE_NAME, bytes).rows.length],
    [IMPORT_KEYS.csvParse, () => csvParseAlone(bytes)],
  ]
  for (const [, step] of steps) step() // warm-up: the pipeline rounds below see the cold first call
  for (let r = 0; r < rounds; r += 1) {
    for (const [key, step] of rotated(steps, r)) samples.add(key, timed(step).ms)
  }
  console.error(`  transfer parse: ${rounds} rounds done`)
}

interface RoundOutcome {
  items: number
  skipped: number
  added: number
  listed: number
  reNew: number
  reInVault: number
  reAdded: number
}

async function importRound(samples: Samples, bytes: Uint8Array): Promise<{ outcome: RoundOutcome; rows: SealedRow[] }> {
  const vault = await freshVault('transfer-import-')
  try {
    const { service } = vault
    samples.add(IMPORT_KEYS.createAccount, vault.createAccountMs)
    const parsed = timed(() => {
      const result = parseFile(bytes)
      return { result, candidates: candidatesOf(result) }
    })
    const preview = timed(() => service.transfer.previewImport(parsed.value.candidates))
    const apply = timed(() => service.transfer.applyImport(parsed.value.candidates))
    const list = timed(() => service.listItems())
    const reParsed = timed(() => candidatesOf(parseFile(bytes)))
    const rePreview = timed(() => service.transfer.previewImport(reParsed.value))
    const reApply = timed(() => service.transfer.applyImport(reParsed.value))
    const phases: [string, number][] = [
      [IMPORT_KEYS.parse, parsed.ms],
      [IMPORT_KEYS.preview, preview.ms],
      [IMPORT_KEYS.apply, apply.ms],
      [IMPORT_KEYS.list, list.ms],
      [IMPORT_KEYS.total, parsed.ms + preview.ms + apply.ms + list.ms],
      [IMPORT_KEYS.reParse, reParsed.ms],
      [IMPORT_KEYS.rePreview, rePreview.ms],
      [IMPORT_KEYS.reApply, reApply.ms],
      [IMPORT_KEYS.reTotal, reParsed.ms + rePreview.ms],
    ]
    for (const [key, ms] of phases) samples.add(key, ms)
    vault.close()
    const outcome: RoundOutcome = {
      items: parsed.value.result.items.length,
      skipped: parsed.value.result.skipped.length,
      added: apply.value,
      listed: list.value.length,
      reNew: rePreview.value.toAdd,
      reInVault: rePreview.value.inVault,
      reAdded: reApply.value,
    }
    return { outcome, rows: readSealedRows(vault.file) }
  } finally {
    vault.remove()
  }
}

function outcomeFailures(outcome: RoundOutcome, expected: number): string[] {
  const failures: string[] = []
  if (outcome.items !== expected || outcome.skipped !== 0) {
    failures.push(`transfer import: parsed ${outcome.items} items and skipped ${outcome.skipped} of ${expected} rows`)
  }
  if (outcome.added !== expected) failures.push(`transfer import: applyImport added ${outcome.added} of ${expected}`)
  if (outcome.listed !== expected) failures.push(`transfer import: listItems() shows ${outcome.listed} of ${expected}`)
  if (outcome.reNew !== 0 || outcome.reInVault !== expected || outcome.reAdded !== 0) {
    failures.push(
      `transfer re-import: preview ${outcome.reNew} new, ${outcome.reInVault} in the vault; apply added ${outcome.reAdded}`,
    )
  }
  return failures
}

export async function measureImport(
  bytes: Uint8Array,
  expected: number,
  rounds: number,
  parseRounds: number,
): Promise<ImportRun> {
  const samples = new Samples()
  let last: RoundOutcome | null = null
  let rows: SealedRow[] = []
  const failures = new Set<string>()
  for (let r = 0; r < rounds; r += 1) {
    const round = await importRound(samples, bytes)
    last = round.outcome
    rows = round.rows
    for (const failure of outcomeFailures(round.outcome, expected)) failures.add(failure)
    samples.add(IMPORT_KEYS.sqlite, timeSqliteInsert(rows))
    console.error(
      `  transfer import: round ${r + 1}/${rounds} done (${Math.round(samples.get(IMPORT_KEYS.total).at(-1) ?? 0)} ms)`,
    )
  }
  if (last === null) throw new Error('transfer import: no round ran')
  measureParse(samples, bytes, parseRounds)
  return {
    rounds,
    parseRounds,
    samples,
    fileBytes: bytes.length,
    ...last,
    sealedRows: rows.length,
    sealedBytes: sealedBytes(rows),
    failures: [...failures],
  }
}
