/**
 * The only way the app opens a link in the user's browser. An item's URL is
 * user data (and could arrive by import or sync), and the OS opener would
 * happily run file:, smb:, ms-settings: or a custom scheme that starts a
 * program, so only plain https links are let through (Electron's security
 * checklist, item 15; Bitwarden's SafeShell does the same).
 */
import { VaultError } from '../../src-shared/errors.ts'

/** Longer URLs are almost always data smuggled in a link; browsers cap around here too. */
export const MAX_EXTERNAL_URL_LENGTH = 2048

/** Schemes longer than this are not named in the message: it should not echo arbitrary text. */
const MAX_SCHEME_SHOWN = 16

/**
 * Opens url with open when it is an absolute https: URL without user name or
 * password. Refuses everything else with VaultError('INVALID_REQUEST'); the
 * message names at most the scheme, never the URL.
 * open receives the URL as parsed and serialised, so what it opens is exactly
 * what was checked.
 */
export async function safeOpenExternal(url: string, open: (url: string) => Promise<void>): Promise<void> {
  await open(checkedHttpsUrl(url))
}

function checkedHttpsUrl(url: string): string {
  if (typeof url !== 'string' || url.length === 0) refuse('There is no link to open.')
  // Checked before parsing (no work on huge input) and after (percent-encoding can lengthen it).
  if (url.length > MAX_EXTERNAL_URL_LENGTH) refuseTooLong()
  const parsed = URL.parse(url)
  if (parsed === null) refuse('This is not a complete web address, so it does not open from the vault.')
  if (parsed.protocol !== 'https:') {
    refuse(`Only https:// links open from the vault; this one is ${describeScheme(parsed.protocol)}.`)
  }
  if (parsed.username !== '' || parsed.password !== '') {
    refuse('Links with a user name or password in them do not open from the vault.')
  }
  if (parsed.href.length > MAX_EXTERNAL_URL_LENGTH) refuseTooLong()
  return parsed.href
}

function refuseTooLong(): never {
  refuse(`This link is too long to open from the vault (over ${MAX_EXTERNAL_URL_LENGTH} characters).`)
}

function describeScheme(protocol: string): string {
  return protocol.length <= MAX_SCHEME_SHOWN ? protocol : 'another kind of link'
}

function refuse(message: string): never {
  throw new VaultError('INVALID_REQUEST', message)
}
