/**
 * The committed backup file (test/fixtures/backup/kat-v1.vaultbak) pins format
 * 1: this app must open it, must write the same bytes from the same inputs,
 * and a decrypter written from docs/backup-format.md alone must open it too.
 */
import { readFileSync } from 'node:fs'
import argon2 from 'argon2'
import { beforeAll, describe, expect, it } from 'vitest'
import { writeBackupForTest } from '../../../src-main/backup/backup-file.ts'
import { inspectBackup, readBackup } from '../../../src-main/backup/index.ts'
import { deriveBackupKey } from '../../../src-main/crypto/backup-cipher.ts'
import { toHex } from '../../../src-main/crypto/encoding.ts'
import { initCrypto, sodium } from '../../../src-main/crypto/sodium.ts'
import values from '../../fixtures/backup/kat-v1.json' with { type: 'json' }
import { FIXTURE_FILE, FIXTURE_INPUTS, FIXTURE_PAYLOAD, fixtureSecrets } from './fixture.ts'

const file = new Uint8Array(readFileSync(FIXTURE_FILE))

beforeAll(() => initCrypto())

describe('known-answer backup, format 1', () => {
  it('has the fixed header and length', () => {
    expect(file.length).toBe(values.fileBytes)
    expect(toHex(file.subarray(0, 50))).toBe(values.headerHex)
    expect(inspectBackup(file)).toEqual({
      version: 1,
      kdf: { algorithm: 'argon2id13', ...FIXTURE_INPUTS.kdf },
      createdAt: FIXTURE_PAYLOAD.createdAt,
    })
  })

  it('derives the fixed BackupKey', async () => {
    const kdf = { algorithm: 'argon2id13', ...FIXTURE_INPUTS.kdf, salt: fixtureSecrets().salt } as const
    expect(toHex(await deriveBackupKey(FIXTURE_INPUTS.password, kdf))).toBe(values.backupKeyHex)
  })

  it('opens to the fixed payload', async () => {
    expect(await readBackup(file, FIXTURE_INPUTS.password)).toEqual(FIXTURE_PAYLOAD)
  })

  it('is written byte for byte from the same inputs', async () => {
    const again = await writeBackupForTest(FIXTURE_PAYLOAD, FIXTURE_INPUTS.password, fixtureSecrets(), {
      kdf: FIXTURE_INPUTS.kdf,
    })
    expect(toHex(again)).toBe(toHex(file))
  })

  it('opens with a decrypter written from the format document alone', async () => {
    expect(JSON.parse(await independentDecrypt(file, FIXTURE_INPUTS.password))).toEqual({ v: 1, ...FIXTURE_PAYLOAD })
  })
})

/**
 * docs/backup-format.md §6, step by step: native Argon2id (not the app's
 * worker), then libsodium's crypto_kdf and secretstream called directly.
 */
async function independentDecrypt(bytes: Uint8Array, password: string): Promise<string> {
  const s = sodium()
  const header = bytes.subarray(0, 50)
  const view = new DataView(header.buffer, header.byteOffset, 50)
  expect(new TextDecoder().decode(header.subarray(0, 8))).toBe('VAULTBAK')
  expect([header[8], header[9]]).toEqual([1, 1])
  const stretched = await argon2.hash(Buffer.from(password.normalize('NFKD'), 'utf8'), {
    type: argon2.argon2id,
    version: 0x13,
    timeCost: view.getUint32(10),
    memoryCost: view.getUint32(14) / 1024,
    parallelism: 1,
    hashLength: 32,
    salt: Buffer.from(header.subarray(18, 34)),
    raw: true,
  })
  expect(stretched.toString('hex')).toBe(values.argon2idHex)
  const key = s.crypto_kdf_derive_from_key(32, 1, 'VBACKUP1', stretched)
  expect(toHex(key)).toBe(values.backupKeyHex)
  const padded = Number(view.getBigUint64(42))
  const state = s.crypto_secretstream_xchacha20poly1305_init_pull(bytes.subarray(50, 74), key)
  const plaintext: number[] = []
  let offset = 74
  for (let remaining = padded; remaining > 0; remaining -= 65_536) {
    const size = Math.min(remaining, 65_536) + 17
    const chunk = s.crypto_secretstream_xchacha20poly1305_pull(state, bytes.subarray(offset, offset + size), header)
    if (chunk === false) throw new Error('chunk failed to open')
    expect(chunk.tag).toBe(remaining <= 65_536 ? s.crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0)
    plaintext.push(...chunk.message)
    offset += size
  }
  expect(offset).toBe(bytes.length)
  const end = plaintext.lastIndexOf(0x80)
  expect(plaintext.slice(end + 1).every((byte) => byte === 0)).toBe(true)
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(plaintext.slice(0, end)))
}
