/**
 * The first full pull: a fresh device B joins the account (SyncService.join:
 * prelogin, Argon2id for the login secret, sign-in, account and vault keys
 * copied down, unlock, then the first sync brings every item, each verified
 * against the vault history read before and after the rows), then lists its
 * items. Split by the trace's spans; next to it, the reference: the same rows
 * read straight from Postgres as superuser (one query), and base64-decoded;
 * and, apart, the BLAKE2b digest of every decoded record (what verification
 * computes per row).
 */
import pg from 'pg'
import { sealedDigest } from '../../src-main/sync/vault-history.ts'
import { UNLOCK_MEASURES } from '../../src-main/vault/index.ts'
import type { SupabaseStack } from '../../test/supabase/stack.ts'
import { configOf, type Devices, EMAIL, PASSWORD } from './devices.ts'
import { type Span, sumMs, type Trace } from './trace.ts'

export const JOIN_PHASES = [
  ['signIn', 'sign-in: prelogin, Argon2id (login secret), password grant'],
  ['copyKeys', 'account record and vault keys from the server'],
  ['unlock', 'unlock (Argon2id again; no items yet)'],
  ['beforeItems', 'device, session refresh, realtime, account/vault check'],
  ['historyBefore', 'vault history before the rows: pull_log, open and check its entries'],
  ['pages', 'item pages through PostgREST (HTTP, JSON, base64)'],
  ['verify', 'verification: BLAKE2b digest of each row, checked against the history'],
  ['apply', 'open, save (one SQLite commit per page), index'],
  [
    'historyAfter',
    'vault history after the rows: pull_log again (only if a row was newer), delivery check, history saved',
  ],
  ['afterItems', 'push check, touch_device'],
  ['firstList', 'first listItems() (sorts by title)'],
] as const
export type JoinPhase = (typeof JOIN_PHASES)[number][0]

export interface JoinSample {
  readonly totalMs: number
  readonly phasesMs: Readonly<Record<JoinPhase, number>>
  /** The unlock's vault.unlock.derive measure: one Argon2id run at the floor. */
  readonly deriveMs: number | null
  readonly pages: number
  readonly rowsPulled: number
  /** VaultHistory.check() calls during the pages: one per pulled row. */
  readonly rowsVerified: number
  /** pull_log() calls (before and after the rows), the history entries they returned, and their summed time. */
  readonly logCalls: number
  readonly logEntries: number
  readonly logMs: number
  /** listItems({}) (not in the trash) and listItems({ trash: true }) after the join. */
  readonly listed: number
  readonly trashed: number
  readonly requests: number
  readonly routes: readonly [string, number][]
}

export interface SqlRead {
  readonly readMs: number
  readonly decodeMs: number
  /** sealedDigest() of every decoded record, timed apart (not in decodeMs). */
  readonly digestMs: number
  readonly rows: number
  readonly base64Chars: number
  readonly sealedBytes: number
}

interface Window {
  readonly t0: number
  readonly joined: number
  readonly listed: number
}

function only(spans: readonly Span[], what: string): Span {
  const span = spans[0]
  if (span === undefined) throw new Error(`join: no ${what} call was traced`)
  return span
}

interface Phases {
  readonly phases: Record<JoinPhase, number>
  readonly pages: Span[]
  readonly checks: Span[]
}

/**
 * The first sync's pull, in order: history.load (pull_log, entries opened),
 * the item pages (each page's rows checked, then applied in one commit),
 * history.catchUp (pull_log again, only when a row newer than the history
 * arrived), then the delivery check and history.commit; every phase ends
 * where the next begins.
 */
function phasesOf(trace: Trace, w: Window): Phases {
  const firstAccount = only(trace.callsIn('pullAccount', w.t0, w.joined), 'pullAccount')
  const unlock = only(trace.callsIn('unlock', w.t0, w.joined), 'unlock')
  const load = only(trace.callsIn('history.load', unlock.end, w.joined), 'VaultHistory.load')
  const pages = trace.callsIn('pullItems', load.end, w.joined)
  const first = only(pages, 'pullItems')
  const catchUp =
    trace.callsIn('history.catchUp', first.end, w.joined)[0] ??
    only(trace.callsIn('history.expectDelivered', first.end, w.joined), 'VaultHistory.expectDelivered')
  const commit = only(trace.callsIn('history.commit', catchUp.end, w.joined), 'VaultHistory.commit')
  const inPages = pages.filter((s) => s.start < catchUp.start)
  const checks = trace.callsIn('history.check', first.start, catchUp.start)
  const pagesMs = sumMs(inPages)
  const verifyMs = sumMs(checks)
  const phases = {
    signIn: firstAccount.start - w.t0,
    copyKeys: unlock.start - firstAccount.start,
    unlock: unlock.end - unlock.start,
    beforeItems: load.start - unlock.end,
    historyBefore: first.start - load.start,
    pages: pagesMs,
    verify: verifyMs,
    apply: catchUp.start - first.start - pagesMs - verifyMs,
    historyAfter: commit.end - catchUp.start,
    afterItems: w.joined - commit.end,
    firstList: w.listed - w.joined,
  }
  return { phases, pages: inPages, checks }
}

/** Joins with a fresh device and lists its items; the device stays open for the caller. */
export async function joinOnce(stack: SupabaseStack, devices: Devices, trace: Trace, secretKey: string) {
  const device = devices.create()
  performance.clearMeasures(UNLOCK_MEASURES.derive)
  const t0 = performance.now()
  await device.sync.join({ config: configOf(stack), email: EMAIL, secretKey, password: PASSWORD })
  const joined = performance.now()
  const visible = device.vault.listItems({})
  const listed = performance.now()
  const { phases, pages, checks } = phasesOf(trace, { t0, joined, listed })
  const logs = trace.callsIn('pullLog', t0, joined)
  const sample: JoinSample = {
    totalMs: listed - t0,
    phasesMs: phases,
    deriveMs: performance.getEntriesByName(UNLOCK_MEASURES.derive, 'measure').at(-1)?.duration ?? null,
    pages: pages.length,
    rowsPulled: pages.reduce((sum, s) => sum + s.rows, 0),
    rowsVerified: checks.length,
    logCalls: logs.length,
    logEntries: logs.reduce((sum, s) => sum + s.rows, 0),
    logMs: sumMs(logs),
    listed: visible.length,
    trashed: device.vault.listItems({ trash: true }).length,
    requests: trace.requestCount(t0, joined),
    routes: trace.routesIn(t0, joined),
  }
  return { device, sample }
}

/** The reference's connection: superuser, behind the API, so no RLS, no HTTP, no JSON. */
export async function connectSql(
  stack: SupabaseStack,
  accountId: string,
): Promise<{ client: pg.Client; userId: string }> {
  const client = new pg.Client({ connectionString: stack.dbUrl, application_name: 'sync bench reference' })
  await client.connect()
  const { rows } = await client.query<{ user_id: string }>(
    'select user_id from public.accounts where account_id = $1',
    [accountId],
  )
  const userId = rows[0]?.user_id
  if (userId === undefined) throw new Error(`no server account ${accountId}`)
  return { client, userId }
}

export async function sqlReadAll(client: pg.Client, userId: string): Promise<SqlRead> {
  const started = performance.now()
  const { rows } = await client.query<{ sealed: string | null }>(
    'select * from public.items where user_id = $1 order by seq',
    [userId],
  )
  const read = performance.now()
  let base64Chars = 0
  let sealedBytes = 0
  const decoded: Buffer[] = []
  for (const row of rows) {
    if (row.sealed === null) continue
    base64Chars += row.sealed.length
    const sealed = Buffer.from(row.sealed, 'base64')
    sealedBytes += sealed.length
    decoded.push(sealed)
  }
  const decodedAt = performance.now()
  for (const sealed of decoded) sealedDigest(sealed)
  const digestMs = performance.now() - decodedAt
  return {
    readMs: read - started,
    decodeMs: decodedAt - started,
    digestMs,
    rows: rows.length,
    base64Chars,
    sealedBytes,
  }
}

export function joinFailures(samples: readonly JoinSample[], expected: number, trashed: number): string[] {
  return samples.flatMap((s, i) => {
    const at = `sync join ${i + 1}`
    const out: string[] = []
    if (s.rowsPulled !== expected) out.push(`${at}: pulled ${s.rowsPulled} items, expected ${expected}`)
    if (s.rowsVerified !== s.rowsPulled) out.push(`${at}: ${s.rowsVerified} rows verified of ${s.rowsPulled} pulled`)
    if (s.listed + s.trashed !== expected) out.push(`${at}: ${s.listed} listed + ${s.trashed} in trash ≠ ${expected}`)
    if (s.trashed !== trashed) out.push(`${at}: ${s.trashed} in the trash, expected ${trashed}`)
    return out
  })
}
