/**
 * Realistic vault content, generated from a seed so every run measures the
 * same vault: mostly logins (1–3 URLs, a username, a 12–30 character
 * password, some with TOTP, notes of varying length, tags), and some secure
 * notes, cards, identities, SSH keys and API credentials. Drafts come out
 * complete (TOTP canonical, SSH key's public half and fingerprint filled in),
 * so createItem() keeps them as they are and toSummary()/haystackOf() can use
 * them without a store.
 */

import { generateSshKey, normalizeTotp, type SshKeyMaterial } from '../../src-main/items/index.ts'
import type { CustomField, ItemContent, ItemDraft } from '../../src-shared/domain/item.ts'
import * as W from './words.ts'

/** mulberry32: tiny, fast and good enough to spread generated content. */
export class Rng {
  #state: number

  constructor(seed: number) {
    this.#state = seed >>> 0
  }

  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0
    let t = this.#state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(list: readonly T[]): T {
    const value = list[Math.floor(this.next() * list.length)]
    if (value === undefined) throw new Error('pick() from an empty list')
    return value
  }

  chars(alphabet: string, length: number): string {
    let out = ''
    for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(this.next() * alphabet.length)]
    return out
  }
}

const PASSWORD_CHARS = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!@#$%^&*()-_=+[]{};:,.?/~'
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const DIGITS = '0123456789'
const TOKEN_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
const SSH_POOL_SIZE = 6
/** Cumulative shares of each item type, by count. */
const TYPE_SHARES: readonly (readonly [number, ItemDraft['type']])[] = [
  [0.78, 'login'],
  [0.86, 'note'],
  [0.9, 'card'],
  [0.93, 'identity'],
  [0.96, 'sshKey'],
  [1, 'apiCredential'],
]

export interface Site {
  readonly title: string
  readonly domain: string
}

export interface GeneratedItem {
  readonly draft: ItemDraft
  /** About 1 in 100 items sits in the trash, as in a real vault. */
  readonly trashed: boolean
}

let sshPool: SshKeyMaterial[] | null = null

function sshKeys(): SshKeyMaterial[] {
  sshPool ??= Array.from({ length: SSH_POOL_SIZE }, (_, i) => generateSshKey({ comment: `ada@host${i}` }))
  return sshPool
}

export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Two thirds well-known sites, a third the long tail of small shops, forums and local services. */
export function site(rng: Rng): Site {
  if (rng.chance(0.65)) {
    const [title, domain] = rng.pick(W.SITES)
    return { title: rng.chance(0.15) ? title + rng.pick(W.TITLE_QUALIFIERS) : title, domain }
  }
  const stem = Array.from({ length: rng.int(2, 3) }, () => rng.pick(W.SYLLABLES)).join('')
  return { title: capitalized(stem) + rng.pick(W.BRAND_SUFFIXES), domain: stem + rng.pick(W.TLDS) }
}

export function words(rng: Rng, count: number): string {
  const out: string[] = []
  for (let i = 0; i < count; i += 1) out.push(rng.pick(W.NOTE_WORDS))
  return capitalized(out.join(' '))
}

/** Most logins have no notes; some a line; a few a page of recovery instructions. */
function loginNotes(rng: Rng): string {
  const roll = rng.next()
  if (roll < 0.7) return ''
  if (roll < 0.94) return `${words(rng, rng.int(4, 20))}.`
  return `${words(rng, rng.int(40, 300))}.`
}

function tags(rng: Rng): string[] {
  if (rng.chance(0.5)) return []
  const chosen = new Set<string>()
  const count = rng.int(1, 3)
  while (chosen.size < count) chosen.add(rng.pick(W.TAGS))
  return [...chosen]
}

export function username(rng: Rng, domain: string): string {
  const roll = rng.next()
  if (roll < 0.6) return rng.pick(W.OWN_EMAILS)
  const first = rng.pick(W.FIRST_NAMES).toLowerCase()
  const last = rng.pick(W.LAST_NAMES).toLowerCase()
  if (roll < 0.85) return `${first}${rng.chance(0.5) ? '.' : '_'}${last}${rng.int(1, 999)}`
  return `${first}.${last}@${domain}`
}

function urls(rng: Rng, domain: string): string[] {
  const count = rng.chance(0.7) ? 1 : rng.chance(0.73) ? 2 : 3
  const all = [`https://${domain}/login`, `https://www.${domain}`, `https://app.${domain}/signin`]
  return all.slice(0, count)
}

function totp(rng: Rng, issuer: string, account: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`
  return normalizeTotp(`otpauth://totp/${label}?secret=${rng.chars(BASE32, 32)}&issuer=${encodeURIComponent(issuer)}`)
}

function customFields(rng: Rng): CustomField[] {
  if (!rng.chance(0.1)) return []
  const question = { id: 'q1', label: 'Security question', kind: 'hidden' as const, value: words(rng, 4) }
  const account = { id: 'acct', label: 'Account number', kind: 'text' as const, value: rng.chars(DIGITS, 10) }
  return rng.chance(0.5) ? [question] : [question, account]
}

function common(rng: Rng, title: string, notes: string) {
  return { title, favorite: rng.chance(0.04), tags: tags(rng), notes, customFields: customFields(rng) }
}

function login(rng: Rng): ItemDraft {
  const where = site(rng)
  const user = username(rng, where.domain)
  const fields = {
    username: user,
    password: rng.chars(PASSWORD_CHARS, rng.int(12, 30)),
    urls: urls(rng, where.domain),
    totp: rng.chance(0.15) ? totp(rng, where.title, user) : '',
  }
  return { type: 'login', ...common(rng, where.title, loginNotes(rng)), fields }
}

/** Secure notes: mostly a paragraph or two, a few long documents. */
function note(rng: Rng): ItemDraft {
  const length = rng.chance(0.05) ? rng.int(800, 2000) : rng.int(20, 400)
  const title = `${capitalized(rng.pick(W.NOTE_WORDS))} ${rng.pick(W.NOTE_WORDS)} ${rng.pick(W.SITES)[0]}`
  return { type: 'note', ...common(rng, title, `${words(rng, length)}.`), fields: {} }
}

function card(rng: Rng): ItemDraft {
  const brand = rng.pick(W.CARD_BRANDS)
  const bank = rng.pick(W.SITES)[0]
  const fields = {
    cardholder: `${rng.pick(W.FIRST_NAMES)} ${rng.pick(W.LAST_NAMES)}`,
    brand,
    number: rng.chars(DIGITS, 16),
    expiry: `${String(rng.int(1, 12)).padStart(2, '0')}/${rng.int(2026, 2032)}`,
    securityCode: rng.chars(DIGITS, 3),
    pin: rng.chars(DIGITS, 4),
  }
  return { type: 'card', ...common(rng, `${bank} ${brand}`, ''), fields }
}

function identity(rng: Rng): ItemDraft {
  const [city, region, country] = rng.pick(W.CITIES)
  const firstName = rng.pick(W.FIRST_NAMES)
  const lastName = rng.pick(W.LAST_NAMES)
  const fields = {
    firstName,
    lastName,
    email: rng.pick(W.OWN_EMAILS),
    phone: `+1 555 ${rng.chars(DIGITS, 7)}`,
    company: rng.chance(0.5) ? `${rng.pick(W.SITES)[0]} Inc.` : '',
    address1: `${rng.int(1, 999)} Main Street`,
    address2: '',
    city,
    region,
    postalCode: rng.chars(DIGITS, 5),
    country,
    birthDate: `${rng.int(1950, 2005)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`,
  }
  const title = `${firstName} ${lastName} (${rng.pick(['passport', 'home', 'work', 'driving licence'])})`
  return { type: 'identity', ...common(rng, title, ''), fields }
}

function sshKey(rng: Rng): ItemDraft {
  const key = rng.pick(sshKeys())
  const fields = { ...key, passphrase: '' }
  const title = `${rng.pick(['deploy', 'work ssh', 'home server', 'backup box', 'ci runner'])} ${rng.int(1, 99)}`
  return { type: 'sshKey', ...common(rng, title, ''), fields }
}

function apiCredential(rng: Rng): ItemDraft {
  const where = site(rng)
  const fields = {
    username: username(rng, where.domain),
    credential: `sk_live_${rng.chars(TOKEN_CHARS, rng.int(32, 64))}`,
    url: `https://api.${where.domain}`,
    expiresAt: rng.chance(0.3) ? `${rng.int(2026, 2028)}-12-31` : '',
  }
  return { type: 'apiCredential', ...common(rng, `${where.title} API key`, ''), fields }
}

const GENERATORS: Readonly<Record<ItemDraft['type'], (rng: Rng) => ItemDraft>> = {
  login,
  note,
  card,
  identity,
  sshKey,
  apiCredential,
}

export function generateItem(rng: Rng): GeneratedItem {
  const roll = rng.next()
  const type = TYPE_SHARES.find(([share]) => roll < share)?.[1] ?? 'login'
  return { draft: GENERATORS[type](rng), trashed: rng.chance(0.01) }
}

export function generateItems(seed: number, count: number): GeneratedItem[] {
  const rng = new Rng(seed)
  return Array.from({ length: count }, () => generateItem(rng))
}

/** The sealed form's plaintext for an item saved at `at`, without going through a store. */
export function contentOf(item: GeneratedItem, at: number): ItemContent {
  return { ...item.draft, v: 1, createdAt: at, updatedAt: at, trashedAt: item.trashed ? at : null }
}
