/**
 * Password health (issue 8): weak, reused and old passwords, logins without
 * a one-time password, and duplicate items. Pure: it is given the opened
 * items and the time, and reads no store and holds no key.
 *
 * The report names items by id only, with scores, times and counts: never a
 * password, username, title or URL, so it may go to the renderer, which maps
 * ids to titles. Passwords are compared through HMAC-SHA-256 digests under a
 * random key made for this report and wiped after it, so no map here is keyed
 * by a password and no digest can be compared with another report's.
 *
 * What counts, and what does not:
 * - Only logins are checked (a card's PIN, an SSH key's passphrase or an API
 *   credential are not passwords a person chose for a site). Items in the
 *   trash are skipped (the caller leaves them out; they are skipped here too).
 * - An empty password is never weak, reused, old, missing a TOTP or a
 *   duplicate: there is nothing to check.
 * - weak: zxcvbn score below 3 (MIN_STRONG_SCORE, the master password's bar),
 *   by the app's one estimator (items/strength.ts), with the username and the
 *   site names of the login's URLs as user inputs, so "github-ada" for ada at
 *   github.com scores as low as it should. Scores are remembered per password
 *   (and the user inputs found in it) in a StrengthScores: within one report,
 *   or for the unlocked session when the caller passes the session's, so a
 *   reused password is estimated once and a second report only estimates
 *   what changed. zxcvbn costs a few milliseconds a password here even with
 *   its prefix index (items/strength-dictionary-index.ts), so this is the
 *   slow part of a report.
 * - reused: two or more logins with exactly the same password, whatever their
 *   sites (duplicates are reuse too, and are also listed as duplicates).
 * - old: the password has not changed for more than OLD_PASSWORD_AGE_MS (365
 *   days) before `now`; an item whose change time is unknown (null) is not old.
 * - noTotp: a login with a password and at least one URL but no TOTP seed.
 *   Not every site offers one: this is a prompt to look, not a fault.
 * - duplicates: logins that share a site (site.ts: the registrable host of
 *   any of their URLs), the username (trimmed, case-insensitive) and the
 *   password; items linked through different URLs form one group. Logins
 *   without a URL have no site and are never duplicates.
 * - Groups hold at least two ids. Items and groups keep the input's order.
 * - counts: items affected per category (for reused and duplicates, every
 *   item of every group); total: the items checked (every type, not trashed).
 */
import type { ItemContent } from '../../src-shared/domain/item.ts'
import { VaultError } from '../../src-shared/errors.ts'
import { estimateStrength, MIN_MASTER_PASSWORD_SCORE, type StrengthScore } from '../items/strength.ts'
import { KeyedDigest } from './keyed-digest.ts'
import { siteOf } from './site.ts'
import { StrengthScores } from './strength-scores.ts'

export interface HealthInput {
  readonly id: string
  readonly content: ItemContent
  /** When the password took its current value (password-age.ts); null when unknown or not a login. */
  readonly passwordChangedAt: number | null
}

export type WeakScore = 0 | 1 | 2

export interface HealthReport {
  readonly checkedAt: number
  readonly counts: {
    readonly weak: number
    readonly reused: number
    readonly old: number
    readonly noTotp: number
    readonly duplicates: number
    readonly total: number
  }
  readonly weak: readonly { readonly id: string; readonly score: WeakScore }[]
  readonly reused: readonly { readonly ids: readonly string[] }[]
  readonly old: readonly { readonly id: string; readonly changedAt: number }[]
  readonly noTotp: readonly { readonly id: string }[]
  readonly duplicates: readonly { readonly ids: readonly string[] }[]
}

export interface HealthOptions {
  /** The strength estimator; items/strength.ts by default (tests count calls through this). */
  readonly estimate?: (password: string, userInputs: readonly string[]) => StrengthScore
  /** Scores kept from earlier reports (the unlocked session's); a new, report-only one by default. */
  readonly scores?: StrengthScores
  /** Asked at each pause of the estimates; false (the vault locked meanwhile) ends the report with VAULT_LOCKED. */
  readonly stillWanted?: () => boolean
}

/** How long the estimates run before letting other work in (IPC, timers). */
const SLICE_MS = 20

/** A score below this is weak: the bar the master password must clear too. */
export const MIN_STRONG_SCORE = MIN_MASTER_PASSWORD_SCORE
/** A password unchanged for longer than this is old. */
export const OLD_PASSWORD_AGE_MS = 365 * 24 * 60 * 60 * 1000

interface Login {
  readonly id: string
  readonly password: string
  readonly username: string
  readonly sites: readonly string[]
  readonly hasUrl: boolean
  readonly hasTotp: boolean
  readonly changedAt: number | null
}

type Digest = (...parts: string[]) => string

/**
 * Async because zxcvbn takes 30-70 ms a password on this hardware (docs/performance.md):
 * the estimates yield to the event loop every SLICE_MS, so a large vault's report keeps
 * the app's main process responsive instead of freezing it for minutes.
 */
export async function healthReport(
  items: readonly HealthInput[],
  now: number,
  options: HealthOptions = {},
): Promise<HealthReport> {
  const checked = items.filter((item) => item.content.trashedAt === null)
  const logins = checked.flatMap(loginOf).filter((login) => login.password !== '')
  const keyed = new KeyedDigest()
  const scores = options.scores ?? new StrengthScores()
  try {
    const digest: Digest = (...parts) => keyed.of(...parts)
    const weak = await weakPasswords(logins, scores, options)
    const reused = groups(logins.map((login) => ({ id: login.id, keys: [digest('password', login.password)] })))
    const old = logins.flatMap(({ id, changedAt }) =>
      changedAt !== null && now - changedAt > OLD_PASSWORD_AGE_MS ? [{ id, changedAt }] : [],
    )
    const noTotp = logins.filter((login) => login.hasUrl && !login.hasTotp).map(({ id }) => ({ id }))
    const duplicates = groups(logins.map((login) => ({ id: login.id, keys: duplicateKeys(login, digest) })))
    const counts = {
      weak: weak.length,
      reused: memberCount(reused),
      old: old.length,
      noTotp: noTotp.length,
      duplicates: memberCount(duplicates),
      total: checked.length,
    }
    return { checkedAt: now, counts, weak, reused, old, noTotp, duplicates }
  } finally {
    keyed.wipe()
    if (scores !== options.scores) scores.clear()
  }
}

/** Every item the report names, once each, in the order they first appear. */
export function namedIds(report: HealthReport): string[] {
  const groups = [...report.reused, ...report.duplicates].flatMap((group) => group.ids)
  const single = [...report.weak, ...report.old, ...report.noTotp].map((entry) => entry.id)
  return [...new Set([...single, ...groups])]
}

function loginOf(item: HealthInput): Login[] {
  const { content } = item
  if (content.type !== 'login') return []
  const { password, username, urls, totp } = content.fields
  return [
    {
      id: item.id,
      password,
      username: username.trim().toLowerCase(),
      sites: [...new Set(urls.map(siteOf).filter((site) => site !== ''))],
      hasUrl: urls.some((url) => url.trim() !== ''),
      hasTotp: totp.trim() !== '',
      changedAt: item.passwordChangedAt,
    },
  ]
}

async function weakPasswords(
  logins: readonly Login[],
  scores: StrengthScores,
  options: HealthOptions,
): Promise<{ id: string; score: WeakScore }[]> {
  const estimate = options.estimate ?? defaultEstimate
  const weak: { id: string; score: WeakScore }[] = []
  let sliceStart = performance.now()
  for (const login of logins) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve))
      if (options.stillWanted?.() === false) throw new VaultError('VAULT_LOCKED', 'The vault is locked.')
      sliceStart = performance.now()
    }
    const inputs = userInputsOf(login)
    const score = scores.scoreOf(login.password, inputs, () => estimate(login.password, inputs))
    if (isWeak(score)) weak.push({ id: login.id, score })
  }
  return weak
}

/**
 * The username and each site's name without its suffix ("github" for
 * github.com) that occur in the password, forwards or backwards (case
 * ignored), sorted: zxcvbn matches a user input only there, so leaving out
 * the others changes no score and lets a password reused across sites hit
 * the cache. (zxcvbn would also find an input written in l33t; that case is
 * left out for the cache's sake.)
 */
function userInputsOf(login: Login): string[] {
  const lower = login.password.toLowerCase()
  const reversed = [...lower].reverse().join('')
  const names = login.sites.map((site) => site.split('.')[0] ?? '')
  return [...new Set([login.username, ...names])]
    .filter((input) => input !== '' && (lower.includes(input) || reversed.includes(input)))
    .sort()
}

function isWeak(score: StrengthScore): score is WeakScore {
  return score < MIN_STRONG_SCORE
}

function defaultEstimate(password: string, userInputs: readonly string[]): StrengthScore {
  return estimateStrength(password, userInputs).score
}

function duplicateKeys(login: Login, digest: Digest): string[] {
  return login.sites.map((site) => digest('duplicate', site, login.username, login.password))
}

/**
 * Items that share any key, joined transitively (union-find), as groups of
 * two or more: in the order of each group's first item, ids in input order.
 */
function groups(entries: readonly { id: string; keys: readonly string[] }[]): { ids: string[] }[] {
  const parent = entries.map((_, index) => index)
  const root = (index: number): number => {
    let at = index
    while (parent[at] !== at) at = parent[at] as number
    parent[index] = at
    return at
  }
  const firstWithKey = new Map<string, number>()
  entries.forEach((entry, index) => {
    for (const key of entry.keys) {
      const first = firstWithKey.get(key)
      if (first === undefined) firstWithKey.set(key, index)
      else parent[Math.max(root(first), root(index))] = Math.min(root(first), root(index))
    }
  })
  const members = new Map<number, string[]>()
  entries.forEach((entry, index) => {
    const group = members.get(root(index)) ?? []
    group.push(entry.id)
    members.set(root(index), group)
  })
  return [...members.values()].filter((ids) => ids.length >= 2).map((ids) => ({ ids }))
}

function memberCount(found: readonly { ids: readonly string[] }[]): number {
  return found.reduce((sum, group) => sum + group.ids.length, 0)
}
