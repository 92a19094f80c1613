/**
 * The vault at 10,000 realistic items: cold unlock-to-searchable in fresh
 * processes (with and without the pre-warmed worker), what unlock costs the
 * main thread and in RSS, bulk decrypt rates, and search latency per
 * keystroke at 10,000 and 100,000 items. Goals from shared/research/perf.md §7.
 *
 * The vault is built once per run (vault/build.ts) in a temp folder, removed
 * afterwards. Everything is generated from fixed seeds, so runs compare.
 */
import type { BenchModule, BenchOptions, BenchResult, BenchTable } from './lib/types.ts'
import { type BuiltVault, buildVault } from './vault/build.ts'
import { type GeneratedItem, generateItems } from './vault/content.ts'
import {
  type DecryptRun,
  decryptFailures,
  decryptGoals,
  decryptRecord,
  decryptTable,
  measureDecrypt,
} from './vault/decrypt.ts'
import { goalsRecord, goalsTable } from './vault/goals.ts'
import { measureSearch, type SearchRun, searchGoals, searchRecord, searchTable } from './vault/search.ts'
import { measureUnlock, type UnlockRun, unlockFailures } from './vault/unlock.ts'
import { mainThreadTable, rssTable, unlockGoals, unlockRecord, unlockTable } from './vault/unlock-report.ts'

const VAULT_ITEMS = 10_000
const LARGE_ITEMS = 100_000
const VAULT_SEED = 0x5eed
const LARGE_SEED = 0xb16
/** The first search after unlock: what a user looking for their GitHub login types first. */
const FIRST_QUERY = 'git'
const ROUNDS = {
  unlock: { full: 5, quick: 2 },
  decrypt: { full: 9, quick: 3 },
  search: { full: 30, quick: 5 },
  searchLarge: { full: 10, quick: 2 },
}

function roundsFor(options: BenchOptions, counts: { full: number; quick: number }): number {
  return options.rounds ?? (options.quick ? counts.quick : counts.full)
}

function buildNotes(vault: BuiltVault): string[] {
  const MiB = 1024 * 1024
  return [
    `Vault: ${vault.itemCount} items (78% logins; notes, cards, identities, SSH keys, API credentials), one`,
    `account made by VaultService.createAccount() without kdfCost: the app's default path, ${vault.kdf.memlimitBytes / MiB} MiB`,
    `with t calibrated to ~1 s here: t=${vault.kdf.opslimit}. createAccount ${Math.round(vault.createAccountMs)} ms;`,
    `${vault.itemCount} createItem() in one store.transaction() ${Math.round(vault.createItemsMs)} ms; file ` +
      `${(vault.fileBytes / MiB).toFixed(1)} MiB (every 10th item has 2 revisions).`,
  ]
}

interface Measured {
  readonly rounds: { readonly unlock: number; readonly decrypt: number; readonly search: readonly number[] }
  readonly decrypt: DecryptRun
  readonly search: readonly SearchRun[]
  readonly unlock: UnlockRun
}

/** In-process measurements first, then the fresh processes, which need this one quiet. */
async function measureAll(
  options: BenchOptions,
  vault: BuiltVault,
  items: readonly GeneratedItem[],
): Promise<Measured> {
  const rounds = {
    unlock: roundsFor(options, ROUNDS.unlock),
    decrypt: roundsFor(options, ROUNDS.decrypt),
    search: [roundsFor(options, ROUNDS.search), roundsFor(options, ROUNDS.searchLarge)],
  }
  const decrypt = await measureDecrypt(vault, rounds.decrypt)
  const search = [
    measureSearch(items, rounds.search[0] ?? 1),
    measureSearch(generateItems(LARGE_SEED, LARGE_ITEMS), rounds.search[1] ?? 1),
  ]
  const unlock = await measureUnlock(vault, rounds.unlock, FIRST_QUERY)
  return { rounds, decrypt, search, unlock }
}

function report(vault: BuiltVault, m: Measured): BenchResult {
  const goals = [...unlockGoals(m.unlock, vault.kdf.opslimit), ...decryptGoals(m.decrypt), ...searchGoals(m.search)]
  const tables: BenchTable[] = [
    unlockTable(m.unlock, `Unlock to searchable, ${VAULT_ITEMS} items, fresh process per run`, FIRST_QUERY),
    mainThreadTable(m.unlock, `Main thread during unlock, ${VAULT_ITEMS} items`),
    rssTable(m.unlock, `RSS around unlock, ${VAULT_ITEMS} items`),
    decryptTable(m.decrypt, `Bulk decrypt, ${VAULT_ITEMS} sealed records, ${m.rounds.decrypt} rounds`),
    searchTable(m.search, `Search per keystroke, ${m.rounds.search.join(' / ')} rounds`),
    goalsTable(goals, buildNotes(vault)),
  ]
  const record = {
    vault: { items: VAULT_ITEMS, seed: VAULT_SEED, kdf: { ...vault.kdf }, fileBytes: vault.fileBytes },
    build: { createAccountMs: Math.round(vault.createAccountMs), createItemsMs: Math.round(vault.createItemsMs) },
    rounds: { ...m.rounds, search: [...m.rounds.search] },
    unlock: unlockRecord(m.unlock),
    decrypt: decryptRecord(m.decrypt),
    search: searchRecord(m.search),
    goals: goalsRecord(goals),
  }
  return { tables, record, failures: [...unlockFailures(m.unlock, VAULT_ITEMS), ...decryptFailures(m.decrypt)] }
}

async function run(options: BenchOptions): Promise<BenchResult> {
  const items = generateItems(VAULT_SEED, VAULT_ITEMS)
  console.error(`  vault: building a ${VAULT_ITEMS}-item vault`)
  const vault = await buildVault(items)
  try {
    return report(vault, await measureAll(options, vault, items))
  } finally {
    vault.cleanup()
  }
}

export const vaultBench: BenchModule = {
  name: 'vault',
  description: 'unlock-to-searchable, bulk decrypt and search at 10,000 realistic items (100,000 for search)',
  run,
}
