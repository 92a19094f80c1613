/**
 * The Secret Key: the second secret of two-secret key derivation. Generated on
 * the device, never sent anywhere, kept in the OS keychain and on the printed
 * Emergency Kit.
 *
 *   K1-ACCTID-SSSSSS-SSSSSS-SSSSSS-SSSSS-SSSCC   (6-6-6-5-5 after the account id)
 *   └┘ └────┘ └─────────────────────────────┘
 *   version   account id (6, not secret)   26 secret symbols + 2 check symbols
 *
 * Symbols come from a 31-letter alphabet without 0, 1, I, O and U, so no two
 * are easy to confuse on paper. 26 symbols carry 26·log2(31) ≈ 128.8 bits.
 * The two check symbols make every position vector satisfy, over GF(31),
 *   Σ v_i = 0   and   Σ (i mod 31)·v_i = 0,
 * which catches every single substitution (first sum) and every swap of two
 * neighbours (second sum, as neighbouring weights differ by 1), before any
 * slow key derivation runs.
 */
import type { Brand } from '../../src-shared/brand.ts'
import { VaultError } from '../../src-shared/errors.ts'
import { randomBelow } from './random.ts'
import { sodium } from './sodium.ts'

export const SECRET_KEY_VERSION = 'K1'
export const SECRET_KEY_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTVWXYZ'
export const ACCOUNT_ID_LENGTH = 6
export const SECRET_SYMBOLS = 26
const CHECK_SYMBOLS = 2
const BODY_LENGTH = ACCOUNT_ID_LENGTH + SECRET_SYMBOLS + CHECK_SYMBOLS
const GROUPS = [6, 6, 6, 5, 5] as const
const RADIX = SECRET_KEY_ALPHABET.length

/** The 26 secret symbols as ASCII bytes, kept as bytes so they can be zeroized. */
export type SecretKeyMaterial = Brand<Uint8Array, 'SecretKeyMaterial'>
export type AccountId = Brand<string, 'AccountId'>

export interface SecretKey {
  readonly version: typeof SECRET_KEY_VERSION
  readonly accountId: AccountId
  readonly secret: SecretKeyMaterial
}

const ACCOUNT_ID_PATTERN = new RegExp(`^[${SECRET_KEY_ALPHABET}]{${ACCOUNT_ID_LENGTH}}$`)

export function isAccountId(value: string): value is AccountId {
  return ACCOUNT_ID_PATTERN.test(value)
}

export function generateAccountId(): AccountId {
  return randomSymbols(ACCOUNT_ID_LENGTH) as AccountId
}

export function generateSecretKey(accountId: AccountId): SecretKey {
  const secret = new Uint8Array(SECRET_SYMBOLS) as SecretKeyMaterial
  for (let i = 0; i < SECRET_SYMBOLS; i++) {
    secret[i] = SECRET_KEY_ALPHABET.charCodeAt(randomBelow(RADIX))
  }
  return { version: SECRET_KEY_VERSION, accountId, secret }
}

/** The printable form, grouped with dashes. Only for the keychain, the kit and the one-time display. */
export function formatSecretKey(key: SecretKey): string {
  const body = key.accountId + String.fromCharCode(...key.secret)
  const full = body + checkSymbols(body)
  const groups: string[] = [SECRET_KEY_VERSION, full.slice(0, ACCOUNT_ID_LENGTH)]
  let offset = ACCOUNT_ID_LENGTH
  for (const size of GROUPS) {
    groups.push(full.slice(offset, offset + size))
    offset += size
  }
  return groups.join('-')
}

/**
 * Parses what a user typed or pasted. Case, spaces and any kind of dash are
 * ignored. Errors name the position as typed but never echo the key.
 */
export function parseSecretKey(input: string): SecretKey {
  const { compact, typedPositions } = compactInput(input)
  if (/^K[0-9]/.test(compact) && !compact.startsWith(SECRET_KEY_VERSION)) {
    throw new VaultError(
      'UNSUPPORTED_VERSION',
      `This is a version ${compact.slice(0, 2)} Secret Key; this app reads ${SECRET_KEY_VERSION} keys. Update the app.`,
    )
  }
  if (!compact.startsWith(SECRET_KEY_VERSION)) throw typo(`A Secret Key starts with ${SECRET_KEY_VERSION}.`)
  const body = compact.slice(SECRET_KEY_VERSION.length)
  if (body.length !== BODY_LENGTH) {
    throw typo(
      `A Secret Key has ${BODY_LENGTH} characters after ${SECRET_KEY_VERSION}, not counting dashes; this one has ${body.length}.`,
    )
  }
  const foreign = [...body].findIndex((symbol) => !SECRET_KEY_ALPHABET.includes(symbol))
  if (foreign >= 0) {
    const position = typedPositions[foreign + SECRET_KEY_VERSION.length]
    throw typo(`Character ${position} is not used in Secret Keys (they never contain 0, 1, I, O or U).`)
  }
  if (!checksumHolds(body)) {
    throw typo('The Secret Key does not check out: a character is mistyped or two are swapped.')
  }
  return {
    version: SECRET_KEY_VERSION,
    accountId: body.slice(0, ACCOUNT_ID_LENGTH) as AccountId,
    secret: asciiBytes(body.slice(ACCOUNT_ID_LENGTH, ACCOUNT_ID_LENGTH + SECRET_SYMBOLS)),
  }
}

const IGNORED_IN_INPUT = /[\s\-\u2010-\u2015\u2212]/

/** Upper-cases and drops separators, remembering where each kept character stood (1-based) in the input. */
function compactInput(input: string): { compact: string; typedPositions: number[] } {
  let compact = ''
  const typedPositions: number[] = []
  for (let i = 0; i < input.length; i++) {
    const character = input.charAt(i)
    if (IGNORED_IN_INPUT.test(character)) continue
    compact += character.toUpperCase()
    typedPositions.push(i + 1)
  }
  return { compact, typedPositions }
}

function randomSymbols(count: number): string {
  let out = ''
  for (let i = 0; i < count; i++) out += SECRET_KEY_ALPHABET.charAt(randomBelow(RADIX))
  return out
}

function asciiBytes(text: string): SecretKeyMaterial {
  const out = new Uint8Array(text.length) as SecretKeyMaterial
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i)
  return out
}

function symbolValue(symbol: string): number {
  return SECRET_KEY_ALPHABET.indexOf(symbol)
}

function mod(value: number): number {
  return ((value % RADIX) + RADIX) % RADIX
}

/** The two sums of the check equations over the given symbols, starting at position 0. */
function checkSums(symbols: string): [number, number] {
  let plain = 0
  let weighted = 0
  for (let i = 0; i < symbols.length; i++) {
    const value = symbolValue(symbols.charAt(i))
    plain = mod(plain + value)
    weighted = mod(weighted + (i % RADIX) * value)
  }
  return [plain, weighted]
}

/**
 * Solves for the check symbols c1, c2 at positions n and n+1 so that both sums
 * become zero: c1 + c2 = -S0 and w1·c1 + w2·c2 = -S1, where w2 = w1 + 1 (mod 31).
 */
function checkSymbols(body: string): string {
  const [s0, s1] = checkSums(body)
  const w1 = body.length % RADIX
  const c2 = mod(w1 * s0 - s1)
  const c1 = mod(-s0 - c2)
  return SECRET_KEY_ALPHABET.charAt(c1) + SECRET_KEY_ALPHABET.charAt(c2)
}

function checksumHolds(fullBody: string): boolean {
  const [plain, weighted] = checkSums(fullBody)
  return plain === 0 && weighted === 0
}

function typo(message: string): VaultError {
  return new VaultError('SECRET_KEY_TYPO', message)
}

/** Constant-time comparison of two Secret Keys (for "verify my kit": the stored key is never shown). */
export function secretKeysEqual(a: SecretKey, b: SecretKey): boolean {
  const sameLength = a.secret.length === b.secret.length
  const secretsEqual = sameLength && sodium().memcmp(a.secret, b.secret)
  return a.version === b.version && a.accountId === b.accountId && secretsEqual
}
