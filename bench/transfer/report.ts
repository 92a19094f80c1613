/**
 * Tables and record for the transfer benchmark: parse, import, re-import,
 * backup and restore, each phase with its median over the rounds, its share
 * of the total and its ratio to the reference measured in the same run.
 */
import { median, round, summarize } from '../lib/stats.ts'
import { fmtMs, fmtRatio } from '../lib/table.ts'
import type { BenchTable, Cell, Json } from '../lib/types.ts'
import { BACKUP_KEYS, type BackupRun, type HistoryVault, RESTORE_KEYS, type RestoreRun } from './backup.ts'
import type { GeneratedCsv } from './csv.ts'
import type { Samples } from './fresh-vault.ts'
import { IMPORT_KEYS, type ImportRun } from './import.ts'

const MiB = 1024 * 1024
const PHASE_COLUMNS = ['What is timed', 'n', 'median ms', 'min ms', 'max ms', 'first round ms', 'share']

function mib(bytes: number): string {
  return (bytes / MiB).toFixed(1)
}

function count(n: number): string {
  return n.toLocaleString('en-US')
}

interface RowOptions {
  /** Median of the total the share is of; no share when absent. */
  readonly total?: number
  /** Median of the reference the ratio is to, and its tag when a table has several. */
  readonly reference?: number
  readonly tag?: string
}

function phaseRow(label: string, values: readonly number[], options: RowOptions = {}): Cell[] {
  const s = summarize(values)
  const share = options.total === undefined ? null : `${Math.round((s.median / options.total) * 100)}%`
  const ratio =
    options.reference === undefined
      ? null
      : `${fmtRatio(s.median / options.reference)}${options.tag === undefined ? '' : ` ${options.tag}`}`
  return [label, s.n, fmtMs(s.median), fmtMs(s.min), fmtMs(s.max), fmtMs(values[0] ?? 0), share, ratio]
}

export function parseTable(run: ImportRun, csv: GeneratedCsv): BenchTable {
  const reference = median(run.samples.get(IMPORT_KEYS.csvParse))
  const row = (label: string, key: string, ratio: boolean): Cell[] => {
    const values = run.samples.get(key)
    const s = summarize(values)
    const perRow = ((s.median / csv.rows) * 1000).toFixed(1)
    return [
      label,
      s.n,
      fmtMs(s.median),
      fmtMs(s.min),
      fmtMs(s.max),
      perRow,
      ratio ? fmtRatio(s.median / reference) : null,
    ]
  }
  return {
    title: `Parse a ${count(csv.rows)}-row Bitwarden CSV (${mib(csv.bytes.length)} MiB), ${run.parseRounds} rounds`,
    columns: ['What is timed', 'n', 'median ms', 'min ms', 'max ms', 'µs per row', 'vs csv-parse'],
    rows: [
      row("parseImport('bitwarden-csv'): readCsv + mapping + draft schema per row", IMPORT_KEYS.parseAlone, true),
      row('  of which readCsv(): strict UTF-8 decode, csv-parse, line numbers', IMPORT_KEYS.readCsv, true),
      row('reference: csv-parse alone on the same bytes, same options', IMPORT_KEYS.csvParse, true),
    ],
    notes: [
      `The file: ${count(csv.logins)} logins, ${count(csv.notes)} secure notes; ${count(csv.twoUrls)} logins with two URLs,`,
      `${count(csv.withTotp)} with TOTP (half otpauth URIs, half bare seeds), ${count(csv.trickyNotes)} rows whose notes hold commas,`,
      `quotes or line breaks, ${count(csv.withFields)} with custom fields; passwords may hold commas and quotes; CRLF records.`,
      'Warm: one call of each before the rounds, then the three interleaved, order rotated per round.',
    ],
  }
}

export function importTable(run: ImportRun): BenchTable {
  const get = (key: string) => run.samples.get(key)
  const total = median(get(IMPORT_KEYS.total))
  const reference = median(get(IMPORT_KEYS.sqlite))
  const n = count(run.added)
  return {
    title: `Import into an empty vault: CSV file → ${n} items listed, ${run.rounds} rounds`,
    columns: [...PHASE_COLUMNS, 'vs SQLite insert'],
    rows: [
      phaseRow('parseImport() + candidates', get(IMPORT_KEYS.parse), { total }),
      phaseRow(`previewImport(): draft check + dedupe keys, ${n} new`, get(IMPORT_KEYS.preview), { total }),
      phaseRow(`applyImport(): seal ${n}, one transaction, index`, get(IMPORT_KEYS.apply), {
        total,
        reference,
      }),
      phaseRow('listItems()', get(IMPORT_KEYS.list), { total }),
      phaseRow(`TOTAL: CSV bytes → ${n} items listed`, get(IMPORT_KEYS.total), { total, reference }),
      phaseRow(`reference: node:sqlite insert of the same ${n} sealed rows, one transaction`, get(IMPORT_KEYS.sqlite), {
        total,
        reference,
      }),
      phaseRow('apart: createAccount() of the empty vault (Argon2id at the floor)', get(IMPORT_KEYS.createAccount)),
    ],
    notes: [
      `Each round a fresh vault on disk (VaultStore + VaultService, KDF at the floor: 64 MiB, t=3), then the`,
      'steps `vault import` takes: parse, preview, import, list. "first round" is the first in this process (cold JIT);',
      `it is counted in the median. share = of the TOTAL median. ${count(run.sealedRows)} rows, ` +
        `${mib(run.sealedBytes)} MiB sealed (${Math.round(run.sealedBytes / Math.max(run.sealedRows, 1))} B each).`,
      "Reference: the same sealed rows, in the vault's order, into one plain table (bench/transfer/sqlite-reference.ts)",
      "with the store's connection settings (WAL, synchronous=FULL); no current pointer, outbox or savepoint per row.",
    ],
  }
}

export function reimportTable(run: ImportRun): BenchTable {
  const get = (key: string) => run.samples.get(key)
  const total = median(get(IMPORT_KEYS.reTotal))
  const reference = median(get(IMPORT_KEYS.preview))
  const n = count(run.reInVault)
  return {
    title: `Re-import of the same file into the ${count(run.added)}-item vault, ${run.rounds} rounds`,
    columns: [...PHASE_COLUMNS, 'vs preview into the empty vault'],
    rows: [
      phaseRow('parseImport() + candidates', get(IMPORT_KEYS.reParse), { total }),
      phaseRow(`previewImport(): ${run.reNew} new, ${n} already in the vault`, get(IMPORT_KEYS.rePreview), {
        total,
        reference,
      }),
      phaseRow('TOTAL: CSV bytes → preview (where `vault import` stops: nothing to add)', get(IMPORT_KEYS.reTotal), {
        total,
        reference,
      }),
      phaseRow(`apart: applyImport() after it (adds ${run.reAdded})`, get(IMPORT_KEYS.reApply), { reference }),
      phaseRow('reference: previewImport() of the same file into the empty vault', get(IMPORT_KEYS.preview), {
        reference,
      }),
    ],
    notes: [
      "The dedupe against the vault looks up each entry's same-item keys (SHA-256 of site, username and password for",
      "logins) among the vault's. Those are kept for the unlocked session's index until it changes otherwise: the",
      'import just added its own, so this preview opens no stored item (difference to the empty-vault preview: ' +
        `${fmtMs(median(get(IMPORT_KEYS.rePreview)) - reference)} ms). After any other change, a preview opens every`,
      `current item again; applyImport() after an unchanged preview or remap reuses the keys too.`,
    ],
  }
}

export function backupTable(run: BackupRun): BenchTable {
  const get = (key: string) => run.samples.get(key)
  const total = median(get(BACKUP_KEYS.backupTotal))
  const reference = median(get(BACKUP_KEYS.stringify))
  const n = count(run.revisions)
  return {
    title: `Encrypted backup of ${count(run.items)} items, ${n} revisions, Argon2id at the floor, ${run.rounds} rounds`,
    columns: [...PHASE_COLUMNS, 'vs JSON.stringify'],
    rows: [
      phaseRow(`itemsWithHistory(): read and open ${n} revisions`, get(BACKUP_KEYS.itemsWithHistory), { total }),
      phaseRow('writeBackup(payload, password, { kdf: 64 MiB, t=3 })', get(BACKUP_KEYS.write), { total }),
      phaseRow('  of which Argon2id (a fresh worker: start, derive, exit)', get(BACKUP_KEYS.deriveWrite), { total }),
      phaseRow('  of which the rest: checks, zod, JSON, pad, seal', get(BACKUP_KEYS.writeCodec), {
        total,
        reference,
      }),
      phaseRow('    apart: encodePayload(): zod check, JSON.stringify, UTF-8', get(BACKUP_KEYS.encode), {
        total,
        reference,
      }),
      phaseRow('    apart: sealBackupBody(): pad, secretstream, 64 KiB chunks', get(BACKUP_KEYS.seal), { total }),
      phaseRow('TOTAL: vault → backup bytes', get(BACKUP_KEYS.backupTotal), { total, reference }),
      phaseRow('reference: JSON.stringify + UTF-8 encode of the same payload', get(BACKUP_KEYS.stringify), {
        total,
        reference,
      }),
    ],
    notes: [
      `The vault: ${count(run.items)} generated items (the vault benchmark's content), each created then edited`,
      `1–3 times (2–4 revisions), 1% trashed; payload ${mib(run.payloadBytes)} MiB of JSON, file ${mib(run.fileBytes)} MiB.`,
      'Argon2id is timed inside the writeBackup() call (the codec starts a worker for it, as without one); the rest',
      'is the call minus that. "apart" rows: two of its steps run once more on their own in the same round, order',
      'rotated with the whole call and the reference; attribution only, not in the TOTAL.',
    ],
  }
}

export function restoreTable(run: RestoreRun, backup: BackupRun): BenchTable {
  const get = (key: string) => run.samples.get(key)
  const total = median(get(RESTORE_KEYS.total))
  const json = median(get(RESTORE_KEYS.jsonParse))
  const sqlite = median(get(RESTORE_KEYS.sqlite))
  const n = count(run.sealedRows)
  const vsJson = { total, reference: json, tag: '(a)' }
  const vsSqlite = { total, reference: sqlite, tag: '(b)' }
  return {
    title: `Restore of that backup into a fresh vault: file → ${count(run.restored)} items listed, ${run.rounds} rounds`,
    columns: [...PHASE_COLUMNS, 'vs reference'],
    rows: [
      phaseRow('readBackup(bytes, password)', get(RESTORE_KEYS.read), { total }),
      phaseRow('  of which Argon2id (a fresh worker: start, derive, exit)', get(RESTORE_KEYS.deriveRead), { total }),
      phaseRow('  of which decrypt + parse + validate (the rest)', get(RESTORE_KEYS.readCodec), vsJson),
      phaseRow('    apart: openBackupBody(): secretstream, unpad', get(RESTORE_KEYS.open), { total }),
      phaseRow('    apart: decodePayload(): UTF-8, JSON.parse, zod', get(RESTORE_KEYS.decode), vsJson),
      phaseRow(
        `restoreItems(): check, seal ${n} revisions, one transaction, index`,
        get(RESTORE_KEYS.restore),
        vsSqlite,
      ),
      phaseRow('listItems()', get(RESTORE_KEYS.list), { total }),
      phaseRow(`TOTAL: backup bytes → ${count(run.restored)} items listed`, get(RESTORE_KEYS.total), { total }),
      phaseRow('reference (a): UTF-8 decode + JSON.parse of the same plaintext', get(RESTORE_KEYS.jsonParse), vsJson),
      phaseRow(`reference (b): node:sqlite insert of the same ${n} sealed rows`, get(RESTORE_KEYS.sqlite), vsSqlite),
      phaseRow('apart: createAccount() of the fresh vault (Argon2id at the floor)', get(RESTORE_KEYS.createAccount)),
    ],
    notes: [
      'Each round a fresh vault (KDF at the floor), then what `vault restore-backup` does after createAccount():',
      `readBackup, restoreItems, then listItems (${count(run.listed)} not in the trash).`,
      `${n} rows stored, ${mib(run.sealedBytes)} MiB sealed; the backup file ${mib(backup.fileBytes)} MiB.`,
      'Argon2id is timed inside the readBackup() call; the rest is the call minus that. "apart" rows: its steps run',
      'once more on their own in the same round, order rotated; attribution only, not in the TOTAL.',
    ],
  }
}

function summary(values: readonly number[]): Json {
  return Object.fromEntries(Object.entries(summarize(values)).map(([k, v]) => [k, round(v)]))
}

function samplesRecord(samples: Samples): Json {
  return Object.fromEntries(
    samples
      .entries()
      .map(([key, values]) => [key, { ...(summary(values) as object), ms: values.map((v) => round(v)) }]),
  )
}

export function transferRecord(
  csv: GeneratedCsv,
  seeds: { csv: number; vault: number },
  imported: ImportRun,
  history: HistoryVault,
  backup: BackupRun,
  restore: RestoreRun,
): Json {
  const ratio = (samples: Samples, key: string, reference: string) =>
    round(median(samples.get(key)) / median(samples.get(reference)), 2)
  const { bytes: _bytes, ...file } = csv
  return {
    kdf: 'KDF_FLOOR (64 MiB, t=3)',
    seeds,
    csv: { ...file, bytes: csv.bytes.length },
    import: {
      rounds: imported.rounds,
      parseRounds: imported.parseRounds,
      items: imported.items,
      skipped: imported.skipped,
      added: imported.added,
      listed: imported.listed,
      reimport: { new: imported.reNew, inVault: imported.reInVault, added: imported.reAdded },
      sealedRows: imported.sealedRows,
      sealedBytes: imported.sealedBytes,
      ratios: {
        parseToCsvParse: ratio(imported.samples, IMPORT_KEYS.parseAlone, IMPORT_KEYS.csvParse),
        applyToSqlite: ratio(imported.samples, IMPORT_KEYS.apply, IMPORT_KEYS.sqlite),
        totalToSqlite: ratio(imported.samples, IMPORT_KEYS.total, IMPORT_KEYS.sqlite),
        rePreviewToPreview: ratio(imported.samples, IMPORT_KEYS.rePreview, IMPORT_KEYS.preview),
      },
      ms: samplesRecord(imported.samples),
    },
    backup: {
      rounds: backup.rounds,
      items: history.items,
      revisions: history.revisions,
      trashed: history.trashed,
      buildMs: round(history.buildMs),
      payloadBytes: backup.payloadBytes,
      fileBytes: backup.fileBytes,
      ratios: {
        codecToStringify: ratio(backup.samples, BACKUP_KEYS.writeCodec, BACKUP_KEYS.stringify),
        encodeToStringify: ratio(backup.samples, BACKUP_KEYS.encode, BACKUP_KEYS.stringify),
        totalToStringify: ratio(backup.samples, BACKUP_KEYS.backupTotal, BACKUP_KEYS.stringify),
      },
      ms: samplesRecord(backup.samples),
    },
    restore: {
      rounds: restore.rounds,
      restored: restore.restored,
      listed: restore.listed,
      sealedRows: restore.sealedRows,
      sealedBytes: restore.sealedBytes,
      ratios: {
        codecToJsonParse: ratio(restore.samples, RESTORE_KEYS.readCodec, RESTORE_KEYS.jsonParse),
        decodeToJsonParse: ratio(restore.samples, RESTORE_KEYS.decode, RESTORE_KEYS.jsonParse),
        restoreToSqlite: ratio(restore.samples, RESTORE_KEYS.restore, RESTORE_KEYS.sqlite),
      },
      ms: samplesRecord(restore.samples),
    },
  }
}
