/**
 * SSH keys for sshKey items: generate an Ed25519 key, or import a pasted
 * private key and derive what the item shows (public key line, fingerprint,
 * key type).
 *
 * OpenSSH-format keys are read by sshpk, after openssh-envelope.ts has checked
 * them (see there why). PEM keys (PKCS#8, PKCS#1, SEC1, encrypted or not) are
 * read by node:crypto, whose errors are synchronous and whose decryption
 * covers both PKCS#8 PBES2 and the legacy "Proc-Type: 4,ENCRYPTED" form;
 * sshpk then only formats the decrypted key.
 */
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto'
import sshpk from 'sshpk'
import { readOpenSshEnvelope } from './openssh-envelope.ts'
import { classifyKeyText, invalidKey } from './ssh-key-text.ts'

export interface SshKeyMaterial {
  /** The private key text: OpenSSH format when generated, exactly as given when imported. */
  readonly privateKey: string
  /** One line, as in a .pub file: "ssh-ed25519 AAAA… comment". */
  readonly publicKey: string
  /** "SHA256:…", the form `ssh-keygen -l` prints. */
  readonly fingerprint: string
  /** 'ed25519', 'rsa-3072', 'ecdsa-p256', … */
  readonly keyType: string
}

export interface GeneratedSshKey extends SshKeyMaterial {
  readonly keyType: 'ed25519'
}

const MAX_COMMENT_LENGTH = 200
/** The curves OpenSSH accepts for ECDSA, as node:crypto names them. */
const SSH_CURVES = ['prime256v1', 'secp384r1', 'secp521r1']

/** sshpk names a key without a comment "(unnamed)" unless given a file name; an empty one leaves it blank. */
function parseWithSshpk(data: string | Buffer, format: 'pkcs8' | 'ssh-private', passphrase?: string): sshpk.PrivateKey {
  return sshpk.parsePrivateKey(data, format, passphrase === undefined ? { filename: '' } : { filename: '', passphrase })
}

function keyTypeName(key: sshpk.PrivateKey): string {
  switch (key.type) {
    case 'ed25519':
      return 'ed25519'
    case 'rsa':
    case 'dsa':
      return `${key.type}-${key.size}`
    case 'ecdsa':
      return `ecdsa-${String(key.curve).replace('nistp', 'p')}`
    default:
      throw invalidKey(`Keys of type ${String(key.type).slice(0, 20)} are not SSH keys.`)
  }
}

function describe(key: sshpk.PrivateKey, privateKey: string): SshKeyMaterial {
  return {
    privateKey,
    publicKey: key.toPublic().toString('ssh').trim(),
    fingerprint: key.fingerprint('sha256').toString(),
    keyType: keyTypeName(key),
  }
}

function checkComment(comment: unknown): string {
  // The comment ends the public key line, so a line break or control character would break the line.
  if (typeof comment !== 'string' || comment.length > MAX_COMMENT_LENGTH || /\p{C}/u.test(comment)) {
    throw invalidKey(`The key comment must be one line of at most ${MAX_COMMENT_LENGTH} characters.`)
  }
  return comment.trim()
}

/** A new Ed25519 key from node:crypto's generator, written in OpenSSH's format and unencrypted. */
export function generateSshKey(options: { readonly comment?: string } = {}): GeneratedSshKey {
  const comment = checkComment(options.comment ?? '')
  const { privateKey } = generateKeyPairSync('ed25519')
  const key = parseWithSshpk(privateKey.export({ format: 'pem', type: 'pkcs8' }), 'pkcs8')
  if (comment !== '') key.comment = comment
  return { ...describe(key, key.toString('openssh')), keyType: 'ed25519' }
}

function needsPassphrase(passphrase: string | undefined): passphrase is undefined {
  return passphrase === undefined || passphrase === ''
}

function importOpenSsh(block: string, body: Uint8Array, passphrase: string | undefined): sshpk.PrivateKey {
  const envelope = readOpenSshEnvelope(body)
  if (envelope.publicKeyType.startsWith('sk-')) {
    throw invalidKey('Security-key (FIDO) SSH keys are not supported: their private half stays on the device.')
  }
  if (envelope.encrypted && needsPassphrase(passphrase)) {
    throw invalidKey('This SSH key is encrypted: enter its passphrase.')
  }
  try {
    return parseWithSshpk(block, 'ssh-private', envelope.encrypted ? passphrase : undefined)
  } catch (error) {
    if (envelope.encrypted && /passphrase/i.test(String(error))) {
      throw invalidKey('The passphrase for this SSH key is wrong.', error)
    }
    throw invalidKey('The SSH key is damaged or of an unsupported type.', error)
  }
}

function decryptPem(block: string, encrypted: boolean, passphrase: string | undefined): KeyObject {
  if (encrypted && needsPassphrase(passphrase)) throw invalidKey('This SSH key is encrypted: enter its passphrase.')
  try {
    return createPrivateKey(encrypted ? { key: block, format: 'pem', passphrase } : { key: block, format: 'pem' })
  } catch (error) {
    // A wrong passphrase usually fails the padding check, but now and then yields garbage DER instead.
    if (encrypted) throw invalidKey('The passphrase for this SSH key is wrong, or the key is damaged.', error)
    throw invalidKey('The SSH key is damaged or of an unsupported type.', error)
  }
}

function importPem(block: string, encrypted: boolean, passphrase: string | undefined): sshpk.PrivateKey {
  const keyObject = decryptPem(block, encrypted, passphrase)
  const type = keyObject.asymmetricKeyType ?? 'unknown'
  const curve = keyObject.asymmetricKeyDetails?.namedCurve ?? ''
  if (!['rsa', 'ec', 'ed25519', 'dsa'].includes(type) || (type === 'ec' && !SSH_CURVES.includes(curve))) {
    throw invalidKey(`This ${type}${curve === '' ? '' : ` ${curve}`} key cannot be used with SSH.`)
  }
  const pkcs8 = keyObject.export({ format: 'pem', type: 'pkcs8' })
  try {
    return parseWithSshpk(pkcs8, 'pkcs8')
  } catch (error) {
    throw invalidKey('The SSH key is of an unsupported type.', error)
  }
}

/**
 * Reads a pasted private key (OpenSSH, PKCS#8, PKCS#1 or SEC1 PEM, encrypted or not)
 * and returns it with its public key, fingerprint and type. The private key text is
 * kept exactly as given; the passphrase is only used to check and read it.
 */
export function importSshKey(text: string, passphrase?: string): SshKeyMaterial {
  if (typeof text !== 'string') throw invalidKey('The SSH key must be text.')
  const parsed = classifyKeyText(text)
  const key =
    parsed.format === 'openssh'
      ? importOpenSsh(parsed.block, parsed.body, passphrase)
      : importPem(parsed.block, parsed.encrypted, passphrase)
  return describe(key, text)
}
