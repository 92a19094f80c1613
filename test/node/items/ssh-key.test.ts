import { createHash, generateKeyPairSync } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateSshKey, importSshKey } from '../../../src-main/items/index.ts'
import { expectCode } from '../support/expect-code.ts'
import { fingerprintLine, fingerprintOf, KeyDir, keygen, publicLineOf, requireSshKeygen } from './ssh-keygen.ts'

const PASSPHRASE = 'correct horse'
let dir: KeyDir

beforeAll(() => {
  requireSshKeygen()
  dir = new KeyDir()
})
afterAll(() => dir?.remove())

/** The OpenSSH wire form of an Ed25519 public key, built by hand from node:crypto's raw key. */
function ed25519PublicLine(raw: Buffer): { line: string; fingerprint: string } {
  const field = (bytes: Buffer): Buffer => Buffer.concat([Buffer.from([0, 0, 0, bytes.length]), bytes])
  const blob = Buffer.concat([field(Buffer.from('ssh-ed25519')), field(raw)])
  const fingerprint = `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`
  return { line: `ssh-ed25519 ${blob.toString('base64')}`, fingerprint }
}

describe('generateSshKey', () => {
  it('writes an OpenSSH Ed25519 key that ssh-keygen reads back to the same public key and fingerprint', () => {
    const start = performance.now()
    const key = generateSshKey({ comment: 'alice@laptop' })
    console.log(`generateSshKey: ${(performance.now() - start).toFixed(1)} ms (first call)`)
    expect(key.keyType).toBe('ed25519')
    expect(key.privateKey).toMatch(
      /^-----BEGIN OPENSSH PRIVATE KEY-----\n[\s\S]+\n-----END OPENSSH PRIVATE KEY-----\n$/,
    )
    expect(key.publicKey).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43} alice@laptop$/)
    expect(key.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/)
    const path = dir.write('generated', key.privateKey)
    expect(publicLineOf(path)).toBe(key.publicKey)
    expect(fingerprintLine(path)).toBe(`256 ${key.fingerprint} alice@laptop (ED25519)`)
  })

  it('parses back through importSshKey unchanged', () => {
    const key = generateSshKey({ comment: 'ci deploy key' })
    expect(importSshKey(key.privateKey)).toEqual(key)
  })

  it('works without a comment, and makes a new key every time', () => {
    const a = generateSshKey()
    const b = generateSshKey({ comment: '' })
    expect(a.publicKey).toMatch(/^ssh-ed25519 \S+$/)
    expect(a.publicKey).not.toBe(b.publicKey)
    expect(publicLineOf(dir.write('no-comment', a.privateKey))).toBe(a.publicKey)
  })

  it('refuses a comment that would break the public key line', () => {
    for (const comment of ['two\nlines', 'tab\there', 'x'.repeat(201)]) {
      expect(expectCode(() => generateSshKey({ comment }), 'INVALID_SSH_KEY').message).toMatch(/comment/)
    }
  })

  it('takes a few milliseconds', () => {
    const start = performance.now()
    for (let i = 0; i < 50; i++) generateSshKey({ comment: 'bench' })
    const perKey = (performance.now() - start) / 50
    console.log(`generateSshKey: ${perKey.toFixed(2)} ms per key`)
    expect(perKey).toBeLessThan(100)
  })
})

describe('importSshKey with ssh-keygen fixtures', () => {
  it.each([
    ['ed25519', ['-t', 'ed25519'], '', 'ed25519'],
    ['ed25519 encrypted', ['-t', 'ed25519'], PASSPHRASE, 'ed25519'],
    ['rsa openssh', ['-t', 'rsa', '-b', '3072'], '', 'rsa-3072'],
    ['rsa PKCS#1 PEM', ['-t', 'rsa', '-b', '2048', '-m', 'PEM'], '', 'rsa-2048'],
    ['rsa PKCS#1 PEM encrypted', ['-t', 'rsa', '-b', '2048', '-m', 'PEM'], PASSPHRASE, 'rsa-2048'],
    ['rsa PKCS#8 encrypted', ['-t', 'rsa', '-b', '3072', '-m', 'PKCS8'], PASSPHRASE, 'rsa-3072'],
    ['ecdsa p256 SEC1 PEM', ['-t', 'ecdsa', '-b', '256', '-m', 'PEM'], '', 'ecdsa-p256'],
    ['ecdsa p256 SEC1 PEM encrypted', ['-t', 'ecdsa', '-b', '256', '-m', 'PEM'], PASSPHRASE, 'ecdsa-p256'],
    ['ecdsa p384 PKCS#8', ['-t', 'ecdsa', '-b', '384', '-m', 'PKCS8'], '', 'ecdsa-p384'],
    ['ecdsa p521 openssh encrypted', ['-t', 'ecdsa', '-b', '521'], PASSPHRASE, 'ecdsa-p521'],
    ['ed25519 aes256-cbc', ['-t', 'ed25519', '-Z', 'aes256-cbc'], PASSPHRASE, 'ed25519'],
  ])('%s', (name, args, passphrase, keyType) => {
    const path = keygen(dir, name.replaceAll(' ', '-'), args, passphrase)
    const text = readFileSync(path, 'utf8')
    const key = importSshKey(text, passphrase === '' ? undefined : passphrase)
    const expected = publicLineOf(path, passphrase)
    expect(key.keyType).toBe(keyType)
    expect(key.privateKey).toBe(text)
    expect(key.publicKey).toBe(expected)
    expect(key.fingerprint).toBe(fingerprintOf(dir, expected))
  })

  it('finds the private key among other pasted text, such as its public key line', () => {
    const path = keygen(dir, 'with-pub', ['-t', 'ed25519'])
    const text = `my deploy key:\n${readFileSync(path, 'utf8')}\n${readFileSync(`${path}.pub`, 'utf8')}`
    expect(importSshKey(text).publicKey).toBe(publicLineOf(path))
  })

  it('keeps the comment of an OpenSSH key', () => {
    const path = keygen(dir, 'commented', ['-t', 'ed25519'])
    expect(importSshKey(readFileSync(path, 'utf8')).publicKey).toMatch(/ commented@test$/)
  })

  it('keeps the pasted text exactly, Windows line endings and surrounding blank lines included', () => {
    const text = `\r\n${readFileSync(keygen(dir, 'crlf', ['-t', 'ed25519']), 'utf8').replaceAll('\n', '\r\n')}\r\n`
    const key = importSshKey(text)
    expect(key.privateKey).toBe(text)
    expect(key.keyType).toBe('ed25519')
  })
})

describe('importSshKey with node:crypto fixtures', () => {
  const ed = generateKeyPairSync('ed25519')
  const raw = Buffer.from(ed.publicKey.export({ format: 'jwk' }).x as string, 'base64url')

  it('reads an Ed25519 PKCS#8 key, plain and encrypted', () => {
    const expected = ed25519PublicLine(raw)
    const plain = ed.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string
    const encrypted = ed.privateKey.export({
      format: 'pem',
      type: 'pkcs8',
      cipher: 'aes-256-cbc',
      passphrase: PASSPHRASE,
    }) as string
    for (const [text, passphrase] of [
      [plain, undefined],
      [encrypted, PASSPHRASE],
    ] as const) {
      const key = importSshKey(text, passphrase)
      expect(key).toEqual({
        privateKey: text,
        publicKey: expected.line,
        fingerprint: expected.fingerprint,
        keyType: 'ed25519',
      })
    }
  })

  it('reads an RSA PKCS#1 key', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const text = privateKey.export({ format: 'pem', type: 'pkcs1' }) as string
    const key = importSshKey(text)
    expect(key.keyType).toBe('rsa-2048')
    expect(key.publicKey).toBe(publicLineOf(dir.write('node-rsa', text)))
  })

  it('skips the EC PARAMETERS block that `openssl ecparam -genkey` writes before the key', () => {
    const sec1 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'sec1' })
    const text = `-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n${sec1}`
    const key = importSshKey(text)
    expect(key.keyType).toBe('ecdsa-p256')
    expect(key.publicKey).toBe(publicLineOf(dir.write('ec-params', sec1 as string)))
  })

  it('refuses keys that SSH cannot use', () => {
    const x25519 = generateKeyPairSync('x25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string
    const k256 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey.export({
      format: 'pem',
      type: 'pkcs8',
    }) as string
    expect(expectCode(() => importSshKey(x25519), 'INVALID_SSH_KEY').message).toMatch(/x25519 key cannot be used/)
    expect(expectCode(() => importSshKey(k256), 'INVALID_SSH_KEY').message).toMatch(/secp256k1 key cannot be used/)
  })
})
