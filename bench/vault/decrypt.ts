/**
 * Bulk decrypt over the built vault's 10,000 sealed records, in this process:
 * openItem() (AEAD open, UTF-8 decode, JSON.parse and the zod schema), the
 * steps below it for attribution, and indexRecord() (openItem plus summary,
 * haystack and index insertion), which is what unlock's index phase does per
 * item. The keys come from one real openAccount() (one KDF).
 */
import { associatedData } from '../../src-main/crypto/envelope.ts'
import { initCrypto, open, parseSecretKey } from '../../src-main/crypto/index.ts'
import { type ItemRecord, VaultStore } from '../../src-main/store/index.ts'
import { openAccount } from '../../src-main/vault/account.ts'
import { openItem } from '../../src-main/vault/item-codec.ts'
import { indexRecord } from '../../src-main/vault/items.ts'
import { UnlockedSession } from '../../src-main/vault/session.ts'
import { median, round, summarize } from '../lib/stats.ts'
import { fmtMs } from '../lib/table.ts'
import type { BenchTable, Json } from '../lib/types.ts'
import { type BuiltVault, PASSWORD } from './build.ts'
import { type Goal, goal } from './goals.ts'
import { rotated } from './order.ts'

/** perf.md §7.3. */
export const DECRYPT_GOAL_ITEMS_PER_S = 80_000
const OPEN_ITEM_ID = 'openItem'
const decoder = new TextDecoder('utf-8', { fatal: true })

interface Step {
  readonly id: string
  readonly label: string
  /** Runs the step over every record; returns a checksum so that nothing is optimized away. */
  run(session: UnlockedSession, records: readonly ItemRecord[]): number
}

function addressOf(session: UnlockedSession, record: ItemRecord) {
  return { accountId: session.accountId, vaultId: record.vaultId, itemId: record.itemId, revision: record.revision }
}

function sumOver(records: readonly ItemRecord[], each: (record: ItemRecord) => number): number {
  let sum = 0
  for (const record of records) sum += each(record)
  return sum
}

const STEPS: readonly Step[] = [
  {
    id: 'associatedData',
    label: 'associatedData() alone (a part of open())',
    run: (session, records) =>
      sumOver(records, (r) => associatedData({ purpose: 'item', ...addressOf(session, r) }).length),
  },
  {
    id: 'open',
    label: 'open() only: XChaCha20-Poly1305 + unpad',
    run: (session, records) =>
      sumOver(records, (r) => {
        const plain = open(session.vaultKey(r.vaultId), { purpose: 'item', ...addressOf(session, r) }, r.sealed)
        plain.fill(0)
        return plain.length
      }),
  },
  {
    id: 'openParse',
    label: '+ UTF-8 decode + JSON.parse',
    run: (session, records) =>
      sumOver(records, (r) => {
        const plain = open(session.vaultKey(r.vaultId), { purpose: 'item', ...addressOf(session, r) }, r.sealed)
        const parsed = JSON.parse(decoder.decode(plain)) as { title: string }
        plain.fill(0)
        return parsed.title.length
      }),
  },
  {
    id: OPEN_ITEM_ID,
    label: 'openItem(): + zod schema (the goal)',
    run: (session, records) =>
      sumOver(records, (r) => openItem(session.vaultKey(r.vaultId), addressOf(session, r), r.sealed).title.length),
  },
  {
    id: 'indexRecord',
    label: 'indexRecord(): + summary, haystack, index.put',
    run: (session, records) => {
      session.index.clear()
      for (const record of records) indexRecord(session, record)
      return session.index.size
    },
  },
]

export interface DecryptRun {
  readonly itemCount: number
  readonly sealedBytes: number
  /** store.listCurrentItems(): the SQLite read at the start of unlock's index phase. */
  readonly readMs: readonly number[]
  /** step id → ms for all records: the first (cold JIT) call, then one per round. */
  readonly firstMs: Readonly<Record<string, number>>
  readonly ms: Readonly<Record<string, number[]>>
  /** Items indexRecord() listed as damaged: any is a failure. */
  readonly damaged: number
}

async function openVault(vault: BuiltVault): Promise<{ session: UnlockedSession; store: VaultStore }> {
  await initCrypto()
  const store = VaultStore.open(vault.file)
  const account = store.getAccount()
  if (account === null) throw new Error('the built vault has no account')
  const secretKey = parseSecretKey(vault.secretKey)
  const opened = await openAccount({ account, vaults: store.listVaults(), password: PASSWORD, secretKey })
  return { session: new UnlockedSession(account.accountId, opened.keyset, opened.vaultKeys, opened.meta), store }
}

function timed(work: () => void): number {
  const started = performance.now()
  work()
  return performance.now() - started
}

export async function measureDecrypt(vault: BuiltVault, rounds: number): Promise<DecryptRun> {
  const { session, store } = await openVault(vault)
  try {
    const readMs: number[] = []
    let records: ItemRecord[] = []
    for (let r = 0; r < Math.max(rounds, 2); r += 1) readMs.push(timed(() => (records = store.listCurrentItems())))
    const firstMs = Object.fromEntries(STEPS.map((step) => [step.id, timed(() => step.run(session, records))]))
    const ms: Record<string, number[]> = Object.fromEntries(STEPS.map((step) => [step.id, [] as number[]]))
    for (let r = 0; r < rounds; r += 1) {
      for (const step of rotated(STEPS, r)) ms[step.id]?.push(timed(() => step.run(session, records)))
    }
    const sealedBytes = records.reduce((sum, record) => sum + record.sealed.length, 0)
    const damaged = [...session.index.all()].filter((item) => item.summary.damaged !== undefined).length
    console.error(`  vault decrypt: ${rounds} rounds done`)
    return { itemCount: records.length, sealedBytes, readMs, firstMs, ms, damaged }
  } finally {
    session.lock()
    store.close()
  }
}

function rate(items: number, ms: number): number {
  return (items / ms) * 1000
}

function fmtRate(perSecond: number): string {
  return Math.round(perSecond).toLocaleString('en-US')
}

function stepMs(run: DecryptRun, id: string): number[] {
  const values = run.ms[id]
  if (values === undefined || values.length === 0) throw new Error(`no decrypt samples for ${id}`)
  return values
}

export function decryptTable(run: DecryptRun, title: string): BenchTable {
  const n = run.itemCount
  const row = (label: string, values: readonly number[], first: number | null) => {
    const s = summarize(values)
    const range = `${fmtRate(rate(n, s.max))}–${fmtRate(rate(n, s.min))}`
    const firstCall = first === null ? '' : fmtMs(first)
    return [label, s.n, fmtMs(s.median), fmtMs(s.min), fmtMs(s.max), fmtRate(rate(n, s.median)), range, firstCall]
  }
  const openItemRate = rate(n, median(stepMs(run, OPEN_ITEM_ID)))
  return {
    title,
    columns: [
      'What is timed',
      'n',
      'median ms',
      'min ms',
      'max ms',
      'median items/s',
      'items/s range',
      'first call ms',
    ],
    rows: [
      row('store.listCurrentItems() (SQLite read)', run.readMs, null),
      ...STEPS.map((step) => row(step.label, stepMs(run, step.id), run.firstMs[step.id] ?? null)),
    ],
    notes: [
      `Goal (perf.md §7.3): openItem ≥ ${fmtRate(DECRYPT_GOAL_ITEMS_PER_S)} items/s: ` +
        `${openItemRate >= DECRYPT_GOAL_ITEMS_PER_S ? 'MET' : 'NOT MET'} (${fmtRate(openItemRate)}/s).`,
      'Each row below open() includes the one above it; associatedData() is a part of open(), timed alone.',
      `${n} records, ${Math.round(run.sealedBytes / n)} B sealed on average; steps interleaved, order rotated per round.`,
      '"first call" is the first pass in this process (cold JIT), not counted in the median: the unlock driver sees that one.',
    ],
  }
}

export function decryptFailures(run: DecryptRun): string[] {
  return run.damaged === 0 ? [] : [`vault decrypt: indexRecord() found ${run.damaged} damaged items`]
}

export function decryptGoals(run: DecryptRun): Goal[] {
  const openRate = rate(run.itemCount, median(stepMs(run, OPEN_ITEM_ID)))
  const target = `≥ ${fmtRate(DECRYPT_GOAL_ITEMS_PER_S)} items/s`
  const figure = `${fmtRate(openRate)} items/s`
  return [goal('Bulk decrypt: openItem, median', target, figure, openRate >= DECRYPT_GOAL_ITEMS_PER_S)]
}

export function decryptRecord(run: DecryptRun): Json {
  const entry = (values: readonly number[], firstMs: number | undefined): Json => ({
    ms: values.map((v) => round(v)),
    itemsPerSecondMedian: Math.round(rate(run.itemCount, median(values))),
    firstMs: firstMs === undefined ? null : round(firstMs),
  })
  const steps = Object.fromEntries(STEPS.map((step) => [step.id, entry(stepMs(run, step.id), run.firstMs[step.id])]))
  return {
    itemCount: run.itemCount,
    sealedBytes: run.sealedBytes,
    goalItemsPerSecond: DECRYPT_GOAL_ITEMS_PER_S,
    steps: { listCurrentItems: entry(run.readMs, undefined), ...steps },
  }
}
