/**
 * TOTP (RFC 6238) for login items. The item stores whatever the user pasted
 * (an otpauth:// URI or a bare base32 seed); normalizeTotp turns it into one
 * canonical URI so every later read parses the same way.
 *
 * Parsing is done here rather than by otpauth's URI.parse so that each kind of
 * mistake gets its own message; otpauth computes the codes and writes the URI.
 * No message ever contains the secret.
 */
import { Secret, TOTP } from 'otpauth'
import { VaultError } from '../../src-shared/errors.ts'

export const TOTP_ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'] as const
export type TotpAlgorithm = (typeof TOTP_ALGORITHMS)[number]

export const TOTP_MIN_DIGITS = 6
export const TOTP_MAX_DIGITS = 8
/** Seconds. Real issuers use 30 or 60; an hour leaves room without accepting nonsense. */
export const TOTP_MIN_PERIOD = 1
export const TOTP_MAX_PERIOD = 3600
/** 64 bits: below RFC 4226's 128, because some old issuers hand out short seeds, but a stray word is rejected. */
export const TOTP_MIN_SECRET_BYTES = 8

/** The Key URI format requires a label, and other apps reject an empty one. */
const DEFAULT_LABEL = 'TOTP'

export interface TotpParams {
  readonly issuer: string
  readonly account: string
  readonly secret: Uint8Array
  readonly algorithm: TotpAlgorithm
  readonly digits: number
  readonly period: number
}

export interface TotpCode {
  readonly code: string
  readonly secondsLeft: number
  readonly period: number
  readonly digits: number
}

function invalid(message: string, cause?: unknown): VaultError {
  return new VaultError('INVALID_TOTP', message, cause === undefined ? undefined : { cause })
}

/** Decodes a base32 seed, tolerating spaces, lower case and '=' padding (as authenticator apps do). */
export function decodeBase32Secret(raw: string): Uint8Array {
  const cleaned = raw.replace(/\s+/g, '').toUpperCase().replace(/=+$/, '')
  if (cleaned === '') throw invalid('The TOTP secret is empty.')
  if (!/^[A-Z2-7]+$/.test(cleaned)) {
    throw invalid('The TOTP secret is not valid base32: only the letters A–Z and the digits 2–7 may appear.')
  }
  const bytes = new Uint8Array(Secret.fromBase32(cleaned).bytes)
  if (bytes.length < TOTP_MIN_SECRET_BYTES) {
    throw invalid(`The TOTP secret is too short: at least ${Math.ceil((TOTP_MIN_SECRET_BYTES * 8) / 5)} characters.`)
  }
  return bytes
}

function parseAlgorithm(raw: string | null): TotpAlgorithm {
  if (raw === null) return 'SHA1'
  // 'SHA-256' shows up in some issuers' URIs; the hyphen carries no meaning.
  const name = raw.toUpperCase().replace('-', '')
  const known = TOTP_ALGORITHMS.find((algorithm) => algorithm === name)
  if (known === undefined) {
    throw invalid(`Unsupported TOTP algorithm "${raw.slice(0, 20)}": use SHA1, SHA256 or SHA512.`)
  }
  return known
}

function parseWholeNumber(raw: string | null, name: string, fallback: number, min: number, max: number): number {
  if (raw === null) return fallback
  const value = /^\d{1,6}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN
  if (!(value >= min && value <= max)) {
    throw invalid(`The TOTP ${name} must be a whole number from ${min} to ${max}.`)
  }
  return value
}

function decodeLabel(path: string): { issuer: string; account: string } {
  let label: string
  try {
    label = decodeURIComponent(path.replace(/^\//, ''))
  } catch (error) {
    throw invalid('The otpauth URI label is not valid percent-encoding.', error)
  }
  const colon = label.indexOf(':')
  if (colon === -1) return { issuer: '', account: label.trim() }
  return { issuer: label.slice(0, colon).trim(), account: label.slice(colon + 1).trim() }
}

/** Query parameters by lower-cased name: some issuers write SECRET= or Digits=. */
function lowerCaseParams(url: URL): (name: string) => string | null {
  const params = new Map<string, string>()
  for (const [name, value] of url.searchParams) params.set(name.toLowerCase(), value)
  return (name) => params.get(name) ?? null
}

function parseUri(input: string): TotpParams {
  let url: URL
  try {
    url = new URL(input)
  } catch (error) {
    throw invalid('The otpauth URI is malformed.', error)
  }
  const type = url.host.toLowerCase()
  if (type === 'hotp') throw invalid('HOTP (counter-based) codes are not supported; only TOTP (time-based) codes.')
  if (type !== 'totp') throw invalid('The otpauth URI must start with otpauth://totp/.')
  const param = lowerCaseParams(url)
  const secret = param('secret')
  if (secret === null) throw invalid('The otpauth URI has no secret parameter.')
  const label = decodeLabel(url.pathname)
  const issuerParam = param('issuer')?.trim() ?? ''
  return {
    // The issuer parameter wins over the label prefix, as Google's Key URI format says.
    issuer: issuerParam !== '' ? issuerParam : label.issuer,
    account: label.account,
    secret: decodeBase32Secret(secret),
    algorithm: parseAlgorithm(param('algorithm')),
    digits: parseWholeNumber(param('digits'), 'digits', 6, TOTP_MIN_DIGITS, TOTP_MAX_DIGITS),
    period: parseWholeNumber(param('period'), 'period', 30, TOTP_MIN_PERIOD, TOTP_MAX_PERIOD),
  }
}

/** Reads an otpauth://totp/ URI or a bare base32 seed; throws INVALID_TOTP saying what is wrong. */
export function parseTotp(input: string): TotpParams {
  const text = input.trim()
  if (/^otpauth-migration:/i.test(text)) {
    throw invalid('This is a Google Authenticator export (otpauth-migration://); export one account at a time instead.')
  }
  if (/^otpauth:/i.test(text)) return parseUri(text)
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    throw invalid('Expected an otpauth://totp/ URI or a base32 secret.')
  }
  return { issuer: '', account: '', secret: decodeBase32Secret(text), algorithm: 'SHA1', digits: 6, period: 30 }
}

function toTotp(params: TotpParams): TOTP {
  return new TOTP({
    issuer: params.issuer,
    label: params.account === '' ? DEFAULT_LABEL : params.account,
    issuerInLabel: true,
    secret: new Secret({ buffer: params.secret.slice().buffer }),
    algorithm: params.algorithm,
    digits: params.digits,
    period: params.period,
  })
}

/**
 * The canonical form: otpauth://totp/Issuer:account?issuer=…&secret=…&algorithm=…&digits=…&period=…
 * with the secret re-encoded as unpadded upper-case base32. Idempotent.
 */
export function normalizeTotp(input: string): string {
  return toTotp(parseTotp(input)).toString()
}

/** The code valid at nowMs, and how many whole seconds it has left. */
export function totpCode(input: string, nowMs: number = Date.now()): TotpCode {
  if (!Number.isFinite(nowMs) || nowMs < 0) throw new RangeError('totpCode needs a time at or after 1970')
  const params = parseTotp(input)
  const code = toTotp(params).generate({ timestamp: nowMs })
  const elapsed = Math.floor(nowMs / 1000) % params.period
  return { code, secondsLeft: params.period - elapsed, period: params.period, digits: params.digits }
}
