import { generateKeyPairSync } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importSshKey } from '../../../src-main/items/index.ts'
import { expectCode } from '../support/expect-code.ts'
import { KeyDir, keygen, requireSshKeygen } from './ssh-keygen.ts'

const PASSPHRASE = 'correct horse'
let dir: KeyDir
const keys: Record<string, string> = {}

beforeAll(() => {
  requireSshKeygen()
  dir = new KeyDir()
  const read = (name: string, args: string[], passphrase = ''): string =>
    readFileSync(keygen(dir, name, args, passphrase), 'utf8')
  keys.ed25519 = read('ed', ['-t', 'ed25519'])
  keys.ed25519Encrypted = read('ed-enc', ['-t', 'ed25519'], PASSPHRASE)
  keys.pkcs8Encrypted = read('ec-p8-enc', ['-t', 'ecdsa', '-m', 'PKCS8'], PASSPHRASE)
  keys.pemEncrypted = read('rsa-pem-enc', ['-t', 'rsa', '-b', '2048', '-m', 'PEM'], PASSPHRASE)
  keys.cbcEncrypted = read('ed-cbc', ['-t', 'ed25519', '-Z', 'aes256-cbc'], PASSPHRASE)
  keys.gcmEncrypted = read('ed-gcm', ['-t', 'ed25519', '-Z', 'aes256-gcm@openssh.com'], PASSPHRASE)
  keys.publicLine = readFileSync(`${keygen(dir, 'pub', ['-t', 'ed25519'])}.pub`, 'utf8')
})
afterAll(() => dir?.remove())

function rejects(text: string, message: RegExp, passphrase?: string): void {
  const error = expectCode(() => importSshKey(text, passphrase), 'INVALID_SSH_KEY')
  expect(error.message).toMatch(message)
  if (passphrase !== undefined && passphrase !== '') expect(error.message).not.toContain(passphrase)
}

function armour(body: Buffer): string {
  const lines = body.toString('base64').match(/.{1,70}/g) ?? []
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines.join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`
}

/** Shortens the encrypted private part of an OpenSSH key by `cut` bytes, keeping the envelope consistent. */
function shortenPrivatePart(text: string, cut: number): string {
  const body = Buffer.from(text.replace(/-----[^-]+-----|\s/g, ''), 'base64')
  let offset = 'openssh-key-v1\0'.length
  const skipString = (): void => {
    offset += 4 + body.readUInt32BE(offset)
  }
  skipString() // cipher
  skipString() // kdf
  skipString() // kdf options
  offset += 4 // number of keys
  skipString() // public key
  const length = body.readUInt32BE(offset)
  const shorter = Buffer.from(body.subarray(0, offset + 4 + length - cut))
  shorter.writeUInt32BE(length - cut, offset)
  return armour(shorter)
}

describe('importSshKey refuses', () => {
  it('an encrypted key without a passphrase', () => {
    for (const text of [keys.ed25519Encrypted, keys.pkcs8Encrypted, keys.pemEncrypted] as string[]) {
      rejects(text, /encrypted: enter its passphrase/)
      rejects(text, /encrypted: enter its passphrase/, '')
    }
  })

  it('an encrypted key with a wrong passphrase', () => {
    rejects(keys.ed25519Encrypted as string, /passphrase for this SSH key is wrong\.$/, 'wrong horse')
    rejects(keys.cbcEncrypted as string, /passphrase for this SSH key is wrong\.$/, 'wrong horse')
    rejects(keys.pkcs8Encrypted as string, /passphrase for this SSH key is wrong, or the key is damaged/, 'wrong horse')
    rejects(keys.pemEncrypted as string, /passphrase for this SSH key is wrong, or the key is damaged/, 'wrong horse')
  })

  it('a public key pasted instead of the private one', () => {
    const spki = generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }) as string
    const rsaPublic = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
      format: 'pem',
      type: 'pkcs1',
    }) as string
    for (const text of [keys.publicLine as string, spki, rsaPublic, `# my key\n${keys.publicLine}`]) {
      rejects(text, /This is a public key\. Paste the private key/)
    }
  })

  it('garbage, empty text and other formats', () => {
    rejects('', /empty/)
    rejects('   \n', /empty/)
    rejects('hello world', /not an SSH private key/)
    rejects('-----BEGIN PGP PRIVATE KEY BLOCK-----\nabc\n-----END PGP PRIVATE KEY BLOCK-----', /not an SSH private key/)
    rejects('PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n', /PuTTY .ppk keys are not supported/)
  })

  it('a key cut short or damaged', () => {
    const text = keys.ed25519 as string
    const lines = text.trim().split('\n')
    rejects(lines.slice(0, 3).join('\n'), /truncated: the "-----END OPENSSH PRIVATE KEY-----" line is missing/)
    rejects([lines[0], lines[1], lines.at(-1)].join('\n'), /truncated/)
    rejects([...lines.slice(0, -2), lines.at(-1)].join('\n'), /truncated|damaged/)
    rejects(text.replace(/\n(.)/, '\n!$1'), /not base64/)
    rejects(armour(Buffer.from('not an openssh key at all')), /does not start like an OpenSSH private key/)
    const pem = keys.pemEncrypted as string
    rejects(pem.replace(/\n[^\n]+\n-----END/, '\n-----END'), /wrong, or the key is damaged|truncated/, PASSPHRASE)
    const plainPem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
      format: 'pem',
      type: 'sec1',
    }) as string
    rejects(plainPem.replace(/\n[^\n]+\n-----END/, '\n-----END'), /damaged|truncated/)
  })

  it('an encrypted part whose length does not fit its cipher, without crashing the process', () => {
    // sshpk would throw this from a stream event, out of reach of try/catch.
    rejects(shortenPrivatePart(keys.cbcEncrypted as string, 5), /wrong length/, PASSPHRASE)
    rejects(shortenPrivatePart(keys.ed25519Encrypted as string, 5), /wrong length/, PASSPHRASE)
    rejects(shortenPrivatePart(keys.ed25519 as string, 3), /wrong length/)
  })

  it('ciphers it cannot decrypt safely, naming the fix', () => {
    rejects(keys.gcmEncrypted as string, /aes256-gcm@openssh\.com, which is not supported.*ssh-keygen -p/, PASSPHRASE)
  })

  it('text that is not a string', () => {
    expectCode(() => importSshKey(42 as unknown as string), 'INVALID_SSH_KEY')
  })
})
