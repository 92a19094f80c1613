/** The backup body: a chunked secretstream under the BackupKey, with the file header as associated data. */
import argon2 from 'argon2'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { Argon2Worker } from '../../../src-main/crypto/argon2.ts'
import {
  BACKUP_CHUNK_BYTES,
  backupBodyLength,
  backupPaddedLength,
  deriveBackupKey,
  openBackupBody,
  sealBackupBody,
  sealBackupBodyWithNonce,
} from '../../../src-main/crypto/backup-cipher.ts'
import { toHex } from '../../../src-main/crypto/encoding.ts'
import type { KdfParams } from '../../../src-main/crypto/kdf-params.ts'
import type { BackupKey } from '../../../src-main/crypto/keys.ts'
import { disposeStreamState, heapContains, initCrypto, scrubFreeHeap, sodium } from '../../../src-main/crypto/sodium.ts'
import { VaultError } from '../../../src-shared/errors.ts'
import { expectCode, expectCodeAsync } from '../support/expect-code.ts'

const CHUNK = BACKUP_CHUNK_BYTES
const key = new Uint8Array(32).fill(0x42) as BackupKey
const header = new TextEncoder().encode('a header standing in for the 50 bytes of a file')

function payloadOf(length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, index) => (index * 7 + 3) % 251)
}

beforeAll(() => initCrypto())

afterEach(() => {
  vi.restoreAllMocks()
})

describe('sealBackupBody and openBackupBody', () => {
  it.each([0, 1, 255, 600, CHUNK - 1, CHUNK, 3 * CHUNK + 5000])('round-trips %i bytes', (length) => {
    const payload = payloadOf(length)
    const body = sealBackupBody(key, header, payload)
    const padded = backupPaddedLength(length)
    expect(body.length).toBe(backupBodyLength(padded))
    expect(body.length).toBe(24 + padded + 17 * Math.ceil(padded / CHUNK))
    expect(toHex(openBackupBody(key, header, body))).toBe(toHex(payload))
  })

  it('pads to a whole chunk exactly when P is a multiple of 64 KiB', () => {
    expect(backupPaddedLength(CHUNK - 1)).toBe(CHUNK)
    expect(backupBodyLength(CHUNK)).toBe(24 + CHUNK + 17)
    expect(backupPaddedLength(CHUNK)).toBeGreaterThan(CHUNK)
  })

  it('is byte-identical to libsodium init_push with the same stream header', () => {
    const s = sodium()
    const { state, header: streamHeader } = s.crypto_secretstream_xchacha20poly1305_init_push(key)
    const payload = payloadOf(100)
    const padded = new Uint8Array(256)
    padded.set(payload)
    padded[100] = 0x80
    const reference = s.crypto_secretstream_xchacha20poly1305_push(state, padded, header, 3)
    const ours = sealBackupBodyWithNonce(key, header, payload, streamHeader)
    expect(toHex(ours)).toBe(toHex(streamHeader) + toHex(reference))
  })

  it('says BACKUP_WRONG_PASSWORD for another key or another header', () => {
    const body = sealBackupBody(key, header, payloadOf(1000))
    const other = new Uint8Array(32).fill(0x43) as BackupKey
    expectCode(() => openBackupBody(other, header, body), 'BACKUP_WRONG_PASSWORD')
    expectCode(() => openBackupBody(key, header.subarray(1), body), 'BACKUP_WRONG_PASSWORD')
  })

  it('refuses every single flipped byte of a small body, and of its header', () => {
    const body = sealBackupBody(key, header, payloadOf(300))
    for (let offset = 0; offset < body.length; offset++) {
      const copy = Uint8Array.from(body)
      copy[offset] = (copy[offset] as number) ^ 0x01
      expectCode(() => openBackupBody(key, header, copy), 'BACKUP_WRONG_PASSWORD')
    }
    for (let offset = 0; offset < header.length; offset++) {
      const copy = Uint8Array.from(header)
      copy[offset] = (copy[offset] as number) ^ 0x80
      expectCode(() => openBackupBody(key, copy, body), 'BACKUP_WRONG_PASSWORD')
    }
  })

  it('says BACKUP_INVALID for damage after the first chunk opened', () => {
    const body = sealBackupBody(key, header, payloadOf(3 * CHUNK))
    const sealedChunk = CHUNK + 17
    const second = Uint8Array.from(body)
    second[24 + sealedChunk + 10] = (second[24 + sealedChunk + 10] as number) ^ 1
    expect(expectCode(() => openBackupBody(key, header, second), 'BACKUP_INVALID').message).toMatch(/part 2 of 4/)
    const swapped = Uint8Array.from(body)
    swapped.set(body.subarray(24 + 2 * sealedChunk, 24 + 3 * sealedChunk), 24 + sealedChunk)
    swapped.set(body.subarray(24 + sealedChunk, 24 + 2 * sealedChunk), 24 + 2 * sealedChunk)
    expectCode(() => openBackupBody(key, header, swapped), 'BACKUP_INVALID')
    const dropped = new Uint8Array([...body.subarray(0, 24 + sealedChunk), ...body.subarray(24 + 2 * sealedChunk)])
    expectCode(() => openBackupBody(key, header, dropped), 'BACKUP_INVALID')
  })

  it('says BACKUP_INVALID for a body cut at a chunk boundary or inside the tag', () => {
    const body = sealBackupBody(key, header, payloadOf(2 * CHUNK))
    const error = expectCode(() => openBackupBody(key, header, body.subarray(0, 24 + CHUNK + 17)), 'BACKUP_INVALID')
    expect(error.message).toMatch(/truncated/)
    for (const length of [0, 23, 24, 24 + 17]) {
      expectCode(() => openBackupBody(key, header, body.subarray(0, length)), 'BACKUP_INVALID')
    }
  })

  it('refuses a key that is not 32 bytes before anything else', () => {
    const body = sealBackupBody(key, header, payloadOf(10))
    expectCode(() => openBackupBody(key.subarray(1) as BackupKey, header, body), 'INVALID_KEY')
    expectCode(() => sealBackupBody(new Uint8Array(16) as BackupKey, header, body), 'INVALID_KEY')
  })

  it("wipes the stream's subkey, and leaves nothing after scrubFreeHeap", () => {
    const s = sodium()
    const canary = new TextEncoder().encode('backup-canary-9c1e7d')
    const payload = new Uint8Array([...payloadOf(5000), ...canary])
    const unique = Uint8Array.from(key, (byte, index) => byte ^ index) as BackupKey
    const streamHeader = Uint8Array.from({ length: 24 }, (_, index) => 0xa0 + index)
    const subkey = s.crypto_core_hchacha20(streamHeader.subarray(0, 16), unique, null)
    const state = s.crypto_secretstream_xchacha20poly1305_init_pull(streamHeader, unique)
    scrubFreeHeap()
    expect(heapContains(subkey)).toBe(true) // in the live state, which libsodium-wrappers never frees
    disposeStreamState(state)
    expect(heapContains(subkey)).toBe(false)
    openBackupBody(unique, header, sealBackupBodyWithNonce(unique, header, payload, streamHeader))
    expect(heapContains(subkey)).toBe(false) // both states were wiped, not just freed
    expect(heapContains(canary)).toBe(true) // the wrappers' unwiped copies, until the scrub
    scrubFreeHeap()
    expect(heapContains(unique)).toBe(false)
    expect(heapContains(canary)).toBe(false)
  })
})

describe('deriveBackupKey', () => {
  const kdf: KdfParams = {
    algorithm: 'argon2id13',
    memlimitBytes: 64 * 1024 * 1024,
    opslimit: 3,
    salt: Uint8Array.from({ length: 16 }, (_, index) => index),
  }

  it('is crypto_kdf "VBACKUP1", subkey 1, of native Argon2id (p=1) of the NFKD password', async () => {
    const native = await argon2.hash(Buffer.from('\ufb01 e\u0301'.normalize('NFKD')), {
      type: argon2.argon2id,
      memoryCost: kdf.memlimitBytes / 1024,
      timeCost: kdf.opslimit,
      parallelism: 1,
      hashLength: 32,
      salt: Buffer.from(kdf.salt),
      raw: true,
    })
    const expected = sodium().crypto_kdf_derive_from_key(32, 1, 'VBACKUP1', native)
    expect(toHex(await deriveBackupKey('\ufb01 \u00e9', kdf))).toBe(toHex(expected))
  })

  it('checks the password and the cost before starting a worker', async () => {
    const start = vi.spyOn(Argon2Worker, 'start')
    await expectCodeAsync(deriveBackupKey('', kdf), 'PASSWORD_EMPTY')
    await expectCodeAsync(deriveBackupKey('pw', { ...kdf, opslimit: 2 }), 'KDF_BELOW_FLOOR')
    await expectCodeAsync(deriveBackupKey('pw', { ...kdf, memlimitBytes: 2048 * 1024 * 1024 }), 'KDF_ABOVE_CEILING')
    expect(start).not.toHaveBeenCalled()
    await expect(deriveBackupKey('pw', { ...kdf, salt: new Uint8Array(8) })).rejects.toBeInstanceOf(VaultError)
  })
})
