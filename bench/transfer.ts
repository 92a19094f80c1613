/**
 * Ways in and out of the vault at 10,000 items (issue 8): importing a
 * generated Bitwarden CSV (parse alone; parse → preview → import → listed
 * into an empty vault; the same file again, where dedupe finds everything
 * already there), and an encrypted backup of a vault whose items have about
 * three revisions each, written and restored into a fresh vault with
 * Argon2id at the floor (64 MiB, t=3). Each phase is reported next to a
 * reference measured in the same run: csv-parse alone, a plain node:sqlite
 * insert of the same sealed rows, JSON.stringify/parse of the same payload.
 *
 * Vaults live in temp folders, removed afterwards; everything is generated
 * from fixed seeds, so runs compare.
 */
import { initCrypto } from '../src-main/crypto/index.ts'
import type { BenchModule, BenchOptions, BenchResult } from './lib/types.ts'
import { buildHistoryVault, measureBackup, measureRestore } from './transfer/backup.ts'
import { generateBitwardenCsv } from './transfer/csv.ts'
import { measureImport } from './transfer/import.ts'
import { backupTable, importTable, parseTable, reimportTable, restoreTable, transferRecord } from './transfer/report.ts'
import { generateItems } from './vault/content.ts'

const ITEMS = 10_000
const CSV_SEED = 0xb17a
const VAULT_SEED = 0x5eed
const ROUNDS = {
  import: { full: 5, quick: 2 },
  parse: { full: 9, quick: 3 },
  backup: { full: 5, quick: 2 },
  restore: { full: 5, quick: 2 },
}

function roundsFor(options: BenchOptions, counts: { full: number; quick: number }): number {
  return options.rounds ?? (options.quick ? counts.quick : counts.full)
}

async function run(options: BenchOptions): Promise<BenchResult> {
  await initCrypto()
  const csv = generateBitwardenCsv(CSV_SEED, ITEMS)
  console.error(`  transfer: importing a ${ITEMS}-row Bitwarden CSV (${csv.bytes.length} bytes)`)
  const imported = await measureImport(
    csv.bytes,
    ITEMS,
    roundsFor(options, ROUNDS.import),
    roundsFor(options, ROUNDS.parse),
  )
  console.error(`  transfer: building a ${ITEMS}-item vault with history`)
  const history = await buildHistoryVault(generateItems(VAULT_SEED, ITEMS))
  try {
    const backup = await measureBackup(history, roundsFor(options, ROUNDS.backup))
    history.vault.close()
    const restore = await measureRestore(backup, history.trashed, roundsFor(options, ROUNDS.restore))
    return {
      tables: [
        parseTable(imported, csv),
        importTable(imported),
        reimportTable(imported),
        backupTable(backup),
        restoreTable(restore, backup),
      ],
      record: transferRecord(csv, { csv: CSV_SEED, vault: VAULT_SEED }, imported, history, backup, restore),
      failures: [...imported.failures, ...backup.failures, ...restore.failures],
    }
  } finally {
    history.vault.remove()
  }
}

export const transferBench: BenchModule = {
  name: 'transfer',
  description: 'import of a 10,000-item Bitwarden CSV, and an encrypted backup of 10,000 items written and restored',
  run,
}
