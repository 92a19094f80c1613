/**
 * A Bitwarden CSV export of a realistic vault, generated from a seed so every
 * run imports the same bytes: Bitwarden's personal-vault header, 92% logins
 * (one URL, or two joined by a comma as Bitwarden writes them; a username; a
 * 12–30 character password that may hold commas and quotes; some TOTP, as an
 * otpauth URI or a bare base32 seed), 8% secure notes, folders, favourites,
 * custom fields as "name: value" lines, and notes with commas, quotes and line
 * breaks. Fields are quoted where they must be (a comma, a quote, a line
 * break) and records end with CRLF, as Bitwarden's export (papaparse) writes them.
 */
import { stringify } from 'csv-stringify/sync'
import { BITWARDEN_CSV_COLUMNS } from '../../src-main/import/bitwarden-csv.ts'
import { capitalized, Rng, site, username, words } from '../vault/content.ts'
import * as W from '../vault/words.ts'

/** With a comma and a double quote among them, so passwords exercise CSV quoting. */
const PASSWORD_CHARS = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!@#$%^&*()-_=+[]{};:,.?/~"'
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const DIGITS = '0123456789'
const FOLDERS = ['', '', '', 'Work', 'Personal', 'Finance', 'Shopping', 'Social', 'Work/Email', 'Family', 'Travel']

export interface GeneratedCsv {
  readonly bytes: Uint8Array
  readonly rows: number
  readonly logins: number
  readonly notes: number
  readonly twoUrls: number
  readonly withTotp: number
  /** Rows whose notes hold a comma, a quote or a line break (quoted fields across lines). */
  readonly trickyNotes: number
  readonly withFields: number
}

/** 70% none; then a line with commas; a few several lines with commas and a quoted phrase. */
function loginNotes(rng: Rng): string {
  const roll = rng.next()
  if (roll < 0.7) return ''
  if (roll < 0.9) return `${words(rng, rng.int(3, 8))}, ${words(rng, rng.int(3, 10)).toLowerCase()}.`
  const lines = Array.from({ length: rng.int(2, 6) }, () => `${words(rng, rng.int(4, 14))}, ${rng.pick(W.NOTE_WORDS)}.`)
  return `${lines.join('\n')}\nRecovery: "${words(rng, 3).toLowerCase()}", code ${rng.chars(DIGITS, 8)}`
}

function fields(rng: Rng): string {
  if (!rng.chance(0.1)) return ''
  const pin = `PIN: ${rng.chars(DIGITS, 4)}`
  return rng.chance(0.5) ? pin : `${pin}\nAccount number: ${rng.chars(DIGITS, 10)}`
}

function totp(rng: Rng, issuer: string, account: string): string {
  if (!rng.chance(0.15)) return ''
  const secret = rng.chars(BASE32, 32)
  if (rng.chance(0.5)) return secret
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}`
}

interface Counts {
  logins: number
  notes: number
  twoUrls: number
  withTotp: number
  trickyNotes: number
  withFields: number
}

function loginRow(rng: Rng, counts: Counts): string[] {
  const where = site(rng)
  const user = username(rng, where.domain)
  const urls = rng.chance(0.7)
    ? [`https://${where.domain}/login`]
    : [`https://${where.domain}/login`, `https://www.${where.domain}`]
  const notes = loginNotes(rng)
  const custom = fields(rng)
  const code = totp(rng, where.title, user)
  counts.logins += 1
  counts.twoUrls += urls.length === 2 ? 1 : 0
  counts.withTotp += code === '' ? 0 : 1
  counts.trickyNotes += /[,"\n]/.test(notes) ? 1 : 0
  counts.withFields += custom === '' ? 0 : 1
  const favorite = rng.chance(0.04) ? '1' : ''
  const password = rng.chars(PASSWORD_CHARS, rng.int(12, 30))
  return [rng.pick(FOLDERS), favorite, 'login', where.title, notes, custom, '0', urls.join(','), user, password, code]
}

/** Secure notes: a few lines to a few paragraphs, with commas and line breaks. */
function noteRow(rng: Rng, counts: Counts): string[] {
  const paragraphs = Array.from({ length: rng.int(1, 4) }, () => `${words(rng, rng.int(10, 60))}, ${words(rng, 5)}.`)
  const title = `${capitalized(rng.pick(W.NOTE_WORDS))} ${rng.pick(W.NOTE_WORDS)} ${rng.pick(W.SITES)[0]}`
  const notes = paragraphs.join('\n\n')
  counts.notes += 1
  counts.trickyNotes += 1
  return [rng.pick(FOLDERS), rng.chance(0.04) ? '1' : '', 'note', title, notes, fields(rng), '0', '', '', '', '']
}

export function generateBitwardenCsv(seed: number, count: number): GeneratedCsv {
  const rng = new Rng(seed)
  const counts: Counts = { logins: 0, notes: 0, twoUrls: 0, withTotp: 0, trickyNotes: 0, withFields: 0 }
  const rows = Array.from({ length: count }, () => (rng.chance(0.92) ? loginRow(rng, counts) : noteRow(rng, counts)))
  // csv-stringify quotes a field holding the record delimiter (CRLF) but not a bare LF; papaparse quotes both.
  const text = stringify([[...BITWARDEN_CSV_COLUMNS], ...rows], { record_delimiter: 'windows', quoted_match: /[\r\n]/ })
  return { bytes: new TextEncoder().encode(text), rows: count, ...counts }
}
