/**
 * The Setup Code: what the Emergency Kit's QR code holds, and what a user
 * pastes on a new computer to skip typing the sign-in details.
 *
 *   vault-setup:v1?url=<project URL>&key=<public anon key>&email=<email>&sk=<Secret Key>
 *
 * It carries the sign-in address, the email and the Secret Key, never the
 * master password, so the kit alone opens nothing. It is not single-use: it
 * stays valid until the Secret Key changes. `url` and `key` are both present
 * for a synced account and both absent for a local-only one.
 */
import { z } from 'zod'
import { VaultError } from '../../src-shared/errors.ts'
import { formatSecretKey, parseSecretKey, zeroize } from '../crypto/index.ts'

export const SETUP_CODE_SCHEME = 'vault-setup:'
export const SETUP_CODE_VERSION = 'v1'
/** Far above a real code (about 400 characters) yet small enough to fit any QR code. */
export const SETUP_CODE_MAX_LENGTH = 2000

export interface SetupCodeServer {
  readonly url: string
  readonly anonKey: string
}

export interface SetupCode {
  readonly server: SetupCodeServer | null
  readonly email: string
  /** The printed form, e.g. K1-ABCDEF-23456H-JKLMNP-QRSTVW-XYZ23-456AB. */
  readonly secretKey: string
}

const PARAMETERS = ['url', 'key', 'email', 'sk'] as const

const NO_EMAIL = 'The setup code has no email address.'
// Local part, @, domain: no spaces or control characters. Deliverability is the server's concern.
const EMAIL_SHAPE = /^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+$/u
const emailSchema = z
  .string({ error: NO_EMAIL })
  .min(1, { error: NO_EMAIL })
  .max(254, { error: 'The email address in the setup code is too long.' })
  .regex(EMAIL_SHAPE, { error: 'The email address in the setup code is not valid.' })

// A Supabase anon key is a JWT (base64url parts joined by dots); newer publishable keys use underscores.
const anonKeySchema = z
  .string()
  .min(1, { error: 'The setup code has an empty sync project key.' })
  .max(1000, { error: 'The sync project key in the setup code is too long.' })
  .regex(/^[A-Za-z0-9._-]+$/, { error: 'The sync project key in the setup code is not valid.' })

export function formatSetupCode(code: SetupCode): string {
  const checked = checkSetupCode(code)
  const params = new URLSearchParams()
  if (checked.server !== null) {
    params.set('url', checked.server.url)
    params.set('key', checked.server.anonKey)
  }
  params.set('email', checked.email)
  params.set('sk', checked.secretKey)
  const text = `${SETUP_CODE_SCHEME}${SETUP_CODE_VERSION}?${params.toString()}`
  if (text.length > SETUP_CODE_MAX_LENGTH) throw invalid('The setup code would be too long to print.')
  return text
}

/** Reads a scanned or pasted code. Errors say what is wrong but never repeat the Secret Key. */
export function parseSetupCode(text: string): SetupCode {
  const trimmed = text.trim()
  if (trimmed.length > SETUP_CODE_MAX_LENGTH) throw invalid('This is too long to be a setup code.')
  if (trimmed.slice(0, SETUP_CODE_SCHEME.length).toLowerCase() !== SETUP_CODE_SCHEME) {
    throw invalid(`This is not a setup code: it should start with ${SETUP_CODE_SCHEME}`)
  }
  const rest = trimmed.slice(SETUP_CODE_SCHEME.length)
  const query = rest.indexOf('?')
  checkVersion(query < 0 ? rest : rest.slice(0, query))
  if (query < 0) throw invalid('The setup code is cut short: it has no address, email or Secret Key.')
  const params = readParameters(rest.slice(query + 1))
  const url = params.get('url')
  const anonKey = params.get('key')
  if ((url === undefined) !== (anonKey === undefined)) {
    throw invalid('The setup code has only one of url and key: a synced account needs both, a local one neither.')
  }
  const server = url !== undefined && anonKey !== undefined ? { url, anonKey } : null
  const secretKey = params.get('sk')
  if (secretKey === undefined) throw invalid('The setup code has no Secret Key.')
  return checkSetupCode({ server, email: params.get('email') ?? '', secretKey })
}

function checkVersion(version: string): void {
  if (version.toLowerCase() === SETUP_CODE_VERSION) return
  if (/^v[0-9]{1,6}$/i.test(version)) {
    throw new VaultError(
      'UNSUPPORTED_VERSION',
      `This setup code is version ${version.toLowerCase()}; this app reads ${SETUP_CODE_VERSION} codes. Update the app.`,
    )
  }
  throw invalid(`The setup code has no version: it should start with ${SETUP_CODE_SCHEME}${SETUP_CODE_VERSION}?`)
}

/** Each known parameter at most once; anything else means the code is damaged or not ours. */
function readParameters(query: string): Map<string, string> {
  const found = new Map<string, string>()
  for (const [name, value] of new URLSearchParams(query)) {
    if (!(PARAMETERS as readonly string[]).includes(name)) {
      // Names are shown only when short and plain, so a pasted secret is never echoed.
      const shown = /^[a-z_]{1,16}$/i.test(name) ? ` (${name})` : ''
      throw invalid(`The setup code has a part this app does not know${shown}; it may be damaged.`)
    }
    if (found.has(name)) throw invalid(`The setup code has ${name} twice; it may be damaged.`)
    found.set(name, value)
  }
  return found
}

/** Validates every field and returns the canonical form (origin URL, printed Secret Key). */
function checkSetupCode(code: SetupCode): SetupCode {
  const email = emailSchema.safeParse(code.email)
  if (!email.success) throw invalid(firstMessage(email.error))
  const server = code.server === null ? null : checkServer(code.server)
  return { server, email: email.data, secretKey: canonicalSecretKey(code.secretKey) }
}

function checkServer(server: SetupCodeServer): SetupCodeServer {
  const anonKey = anonKeySchema.safeParse(server.anonKey)
  if (!anonKey.success) throw invalid(firstMessage(anonKey.error))
  return { url: checkServerUrl(server.url), anonKey: anonKey.data }
}

/** Same rule as the sync settings: https, or plain http to this computer for a local Supabase. */
function checkServerUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw invalid('The sign-in address in the setup code is not a URL.')
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]'
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw invalid('The sign-in address in the setup code must start with https:// (plain http only for this computer).')
  }
  if (url.username !== '' || url.password !== '' || url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw invalid('The sign-in address in the setup code should be just the project address, without a path.')
  }
  return url.origin
}

/** parseSecretKey's own errors (SECRET_KEY_TYPO, UNSUPPORTED_VERSION) pass through: they never echo the key. */
function canonicalSecretKey(typed: string): string {
  const parsed = parseSecretKey(typed)
  try {
    return formatSecretKey(parsed)
  } finally {
    zeroize(parsed.secret)
  }
}

function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'The setup code is not valid.'
}

function invalid(message: string): VaultError {
  return new VaultError('SETUP_CODE_INVALID', message)
}
