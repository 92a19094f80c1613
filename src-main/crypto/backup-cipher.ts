/**
 * The cryptography of a backup file (docs/backup-format.md). The layout of the
 * file is src-main/backup/'s business; this module only sees the header as
 * associated data.
 *
 *   stretched = Argon2id v1.3(NFKD(backup password), salt, t, m, p = 1) → 32 B   [worker thread]
 *   BackupKey = crypto_kdf_derive_from_key(32, id 1, "VBACKUP1", stretched)
 *   body      = secretstream header (24 B) ‖ chunk 1 ‖ … ‖ chunk n
 *
 * The payload is padded (padding.ts) to P bytes, cut into chunks of 64 KiB
 * (the last one shorter), and each chunk is one crypto_secretstream_xchacha20poly1305
 * message (17 bytes longer than its plaintext) with the whole file header as
 * associated data: tag MESSAGE, and FINAL on the last. A stream rather than one
 * AEAD call keeps libsodium's heap (which never shrinks) at a few chunks
 * whatever the vault's size; the stream also authenticates the order and the
 * end of the chunks.
 *
 * libsodium-wrappers leaves unwiped copies of keys and chunks in its heap;
 * callers run scrubFreeHeap() once they are done (src-main/backup does).
 */
import { VaultError } from '../../src-shared/errors.ts'
import type { Argon2Worker } from './argon2.ts'
import type { KdfParams } from './kdf-params.ts'
import { type BackupKey, SYMMETRIC_KEY_BYTES, zeroize } from './keys.ts'
import { MIN_PADDED_BYTES, PAD_MARKER, paddedLength, unpad } from './padding.ts'
import { randomBytes } from './random.ts'
import { disposeStreamState, sodium } from './sodium.ts'
import { stretchPassword } from './two-secret.ts'

export const BACKUP_KDF_CONTEXT = 'VBACKUP1'
export const BACKUP_KDF_SUBKEY_ID = 1
/** Plaintext bytes per chunk; every chunk but the last is exactly this long. */
export const BACKUP_CHUNK_BYTES = 64 * 1024
export const BACKUP_STREAM_HEADER_BYTES = 24
/** crypto_secretstream_xchacha20poly1305_ABYTES: one encrypted tag byte and the 16-byte Poly1305 tag. */
export const BACKUP_CHUNK_OVERHEAD = 17
const TAG_MESSAGE = 0
const TAG_FINAL = 3

/**
 * Argon2id of the backup password on the worker thread, then its own subkey.
 * Throws PASSWORD_EMPTY, or the KDF codes before any derivation.
 */
export async function deriveBackupKey(password: string, kdf: KdfParams, worker?: Argon2Worker): Promise<BackupKey> {
  const stretched = await stretchPassword(password, kdf, 'Enter the backup password.', worker)
  try {
    return sodium().crypto_kdf_derive_from_key(
      SYMMETRIC_KEY_BYTES,
      BACKUP_KDF_SUBKEY_ID,
      BACKUP_KDF_CONTEXT,
      stretched,
    ) as BackupKey
  } finally {
    zeroize(stretched)
  }
}

/** The smallest P: padding always brings a payload to at least this many bytes. */
export const BACKUP_MIN_PADDED_BYTES = MIN_PADDED_BYTES

/** P: the padded size of a payload of this many bytes (the header records it). */
export function backupPaddedLength(payloadBytes: number): number {
  return paddedLength(payloadBytes)
}

/** The exact length of the body that holds a padded payload of P bytes. */
export function backupBodyLength(padded: number): number {
  return BACKUP_STREAM_HEADER_BYTES + padded + BACKUP_CHUNK_OVERHEAD * Math.ceil(padded / BACKUP_CHUNK_BYTES)
}

/** Pads and seals a payload; associatedData is the file header. Returns the body. */
export function sealBackupBody(key: BackupKey, associatedData: Uint8Array, payload: Uint8Array): Uint8Array {
  return sealBackupBodyWithNonce(key, associatedData, payload, randomBytes(BACKUP_STREAM_HEADER_BYTES))
}

/**
 * Only for known-answer tests: a reused stream header under one key breaks the
 * stream's confidentiality. Use sealBackupBody().
 *
 * The push state is set up with init_pull: in libsodium both init functions
 * compute exactly the same state from (key, header), and init_push only adds
 * drawing the header from randombytes_buf, which this app does not use (random.ts).
 */
export function sealBackupBodyWithNonce(
  key: BackupKey,
  associatedData: Uint8Array,
  payload: Uint8Array,
  streamHeader: Uint8Array,
): Uint8Array {
  assertKey(key)
  const s = sodium()
  const padded = paddedLength(payload.length)
  const count = Math.ceil(padded / BACKUP_CHUNK_BYTES)
  const body = new Uint8Array(backupBodyLength(padded))
  body.set(streamHeader)
  const state = s.crypto_secretstream_xchacha20poly1305_init_pull(streamHeader, key)
  try {
    for (let index = 0; index < count; index++) {
      const chunk = paddedChunk(payload, padded, index)
      const tag = index === count - 1 ? TAG_FINAL : TAG_MESSAGE
      const sealed = s.crypto_secretstream_xchacha20poly1305_push(state, chunk, associatedData, tag)
      body.set(sealed, BACKUP_STREAM_HEADER_BYTES + index * (BACKUP_CHUNK_BYTES + BACKUP_CHUNK_OVERHEAD))
      chunk.fill(0)
    }
    return body
  } finally {
    disposeStreamState(state)
  }
}

/** Chunk `index` of payload ‖ 0x80 ‖ 0x00… (P bytes), without building the padded copy. */
function paddedChunk(payload: Uint8Array, padded: number, index: number): Uint8Array {
  const start = index * BACKUP_CHUNK_BYTES
  const end = Math.min(start + BACKUP_CHUNK_BYTES, padded)
  const chunk = new Uint8Array(end - start)
  if (start < payload.length) chunk.set(payload.subarray(start, Math.min(end, payload.length)))
  if (payload.length >= start && payload.length < end) chunk[payload.length - start] = PAD_MARKER
  return chunk
}

/**
 * Opens a body sealed with this header as associated data and returns the
 * payload (a view of a buffer the caller should zeroize). A failure on the
 * first chunk is BACKUP_WRONG_PASSWORD (the key cannot be told from an altered
 * file); anything after a chunk opened is BACKUP_INVALID.
 */
export function openBackupBody(key: BackupKey, associatedData: Uint8Array, body: Uint8Array): Uint8Array {
  assertKey(key)
  const layout = chunkLayout(body.length)
  const s = sodium()
  const out = new Uint8Array(layout.plaintextBytes)
  const state = s.crypto_secretstream_xchacha20poly1305_init_pull(body.subarray(0, BACKUP_STREAM_HEADER_BYTES), key)
  try {
    for (let index = 0; index < layout.count; index++) {
      const start = BACKUP_STREAM_HEADER_BYTES + index * (BACKUP_CHUNK_BYTES + BACKUP_CHUNK_OVERHEAD)
      const sealed = body.subarray(start, start + BACKUP_CHUNK_BYTES + BACKUP_CHUNK_OVERHEAD)
      const opened = s.crypto_secretstream_xchacha20poly1305_pull(state, sealed, associatedData)
      if (opened === false) throw index === 0 ? wrongPassword() : damaged(`part ${index + 1} of ${layout.count}`)
      out.set(opened.message, index * BACKUP_CHUNK_BYTES)
      opened.message.fill(0)
      assertTag(opened.tag, index === layout.count - 1)
    }
    return unpadPayload(out)
  } catch (error) {
    out.fill(0)
    throw error
  } finally {
    disposeStreamState(state)
  }
}

/** Chunk boundaries follow from the body's length alone: full chunks, then a shorter last one. */
function chunkLayout(bodyLength: number): { count: number; plaintextBytes: number } {
  const sealedBytes = bodyLength - BACKUP_STREAM_HEADER_BYTES
  const count = Math.ceil(sealedBytes / (BACKUP_CHUNK_BYTES + BACKUP_CHUNK_OVERHEAD))
  const last = sealedBytes - (count - 1) * (BACKUP_CHUNK_BYTES + BACKUP_CHUNK_OVERHEAD)
  if (sealedBytes <= BACKUP_CHUNK_OVERHEAD || last <= BACKUP_CHUNK_OVERHEAD) {
    throw damaged('it is truncated')
  }
  return { count, plaintextBytes: sealedBytes - count * BACKUP_CHUNK_OVERHEAD }
}

function assertTag(tag: number, last: boolean): void {
  if (last && tag !== TAG_FINAL) throw damaged('it is truncated')
  if (!last && tag !== TAG_MESSAGE) throw damaged('it has data after its end')
}

function unpadPayload(padded: Uint8Array): Uint8Array {
  try {
    return unpad(padded)
  } catch {
    throw damaged('its padding is invalid')
  }
}

function assertKey(key: Uint8Array): void {
  if (key.length !== SYMMETRIC_KEY_BYTES) {
    throw new VaultError('INVALID_KEY', `A backup key must be ${SYMMETRIC_KEY_BYTES} bytes.`)
  }
}

function wrongPassword(): VaultError {
  return new VaultError('BACKUP_WRONG_PASSWORD', 'Wrong backup password, or the file was altered.')
}

function damaged(detail: string): VaultError {
  return new VaultError('BACKUP_INVALID', `The backup file is damaged or was altered: ${detail}.`)
}
