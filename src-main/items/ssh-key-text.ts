/**
 * Recognises what a user pasted into an SSH key item before any parser sees
 * it, so that the common mistakes (a .pub file, a PuTTY file, half a key) get
 * a message that says what to do instead of a parser's internal error.
 */
import { VaultError } from '../../src-shared/errors.ts'

export type PrivateKeyText =
  | { readonly format: 'openssh'; readonly block: string; readonly body: Uint8Array }
  | { readonly format: 'pem'; readonly block: string; readonly encrypted: boolean }

/** The PEM labels of private keys: OpenSSH's own, PKCS#8 (plain and encrypted), PKCS#1 and SEC1. */
const PRIVATE_LABELS = [
  'OPENSSH PRIVATE KEY',
  'PRIVATE KEY',
  'ENCRYPTED PRIVATE KEY',
  'RSA PRIVATE KEY',
  'EC PRIVATE KEY',
  'DSA PRIVATE KEY',
]

const PUBLIC_KEY_LINE =
  /^(ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp\d+|sk-[a-z0-9-]+@openssh\.com|[a-z0-9-]+-cert-v01@openssh\.com)\s+AAAA/m
const PUBLIC_PEM = /-----BEGIN (PUBLIC KEY|RSA PUBLIC KEY|CERTIFICATE)-----|---- BEGIN SSH2 PUBLIC KEY ----/

export function invalidKey(message: string, cause?: unknown): VaultError {
  return new VaultError('INVALID_SSH_KEY', message, cause === undefined ? undefined : { cause })
}

/** Why text without a private key block is not a key: the likeliest mistake first. */
function notPrivate(text: string): VaultError {
  if (text === '') return invalidKey('The SSH key is empty.')
  if (PUBLIC_KEY_LINE.test(text) || PUBLIC_PEM.test(text)) {
    return invalidKey('This is a public key. Paste the private key: the key file without ".pub".')
  }
  if (/^PuTTY-User-Key-File-/m.test(text)) {
    return invalidKey('PuTTY .ppk keys are not supported. In PuTTYgen, use Conversions → Export OpenSSH key.')
  }
  return invalidKey('This is not an SSH private key: expected a block starting "-----BEGIN OPENSSH PRIVATE KEY-----".')
}

/** The base64 between the armour lines, or an error saying the key is damaged. */
function decodeArmouredBase64(body: string): Uint8Array {
  const base64 = body.replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) {
    throw invalidKey('The SSH key is damaged: its body holds characters that are not base64.')
  }
  if (base64.length === 0 || base64.length % 4 !== 0) {
    throw invalidKey('The SSH key is truncated or damaged: part of its body is missing.')
  }
  return new Uint8Array(Buffer.from(base64, 'base64'))
}

/** Finds the private key block in the pasted text and says which format it is in. */
export function classifyKeyText(input: string): PrivateKeyText {
  const text = input.replace(/\r\n?/g, '\n').trim()
  // Matches only private-key labels, so an "EC PARAMETERS" block before the key, or the
  // public key line pasted after it, is passed over.
  const begin = /-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY)-----/.exec(text)
  if (begin === null) throw notPrivate(text)
  const label = begin[1] as string
  if (!PRIVATE_LABELS.includes(label)) throw invalidKey(`Unsupported key block "${label.slice(0, 40)}".`)
  const endLine = `-----END ${label}-----`
  const end = text.indexOf(endLine, begin.index)
  if (end === -1) throw invalidKey(`The SSH key is truncated: the "${endLine}" line is missing.`)
  const block = text.slice(begin.index, end + endLine.length)
  if (label === 'OPENSSH PRIVATE KEY') {
    const body = decodeArmouredBase64(block.slice(begin[0].length, -endLine.length))
    return { format: 'openssh', block: `${block}\n`, body }
  }
  const headers = /^[A-Za-z-]+:.*$/gm
  decodeArmouredBase64(block.slice(begin[0].length, -endLine.length).replace(headers, ''))
  const encrypted = label === 'ENCRYPTED PRIVATE KEY' || /^Proc-Type:\s*4,\s*ENCRYPTED/m.test(block)
  return { format: 'pem', block: `${block}\n`, encrypted }
}
