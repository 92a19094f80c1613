/**
 * The encrypted backup file (docs/backup-format.md): a plaintext header, then
 * the payload sealed under a key derived from a backup password. A pure codec:
 * bytes in, bytes out; the vault and the CLI decide what goes in and where the
 * file is written.
 *
 * Keys and plaintext buffers are zeroized after use, and libsodium's free heap
 * is scrubbed once per file (its wrappers leave copies of their arguments).
 * A given Argon2Worker is consumed: it runs the derivation, or is terminated
 * when a check fails before it.
 */
import { VaultError } from '../../src-shared/errors.ts'
import {
  type Argon2Worker,
  assertKdfParams,
  type BackupKey,
  backupPaddedLength,
  deriveBackupKey,
  KDF_ALGORITHM,
  KDF_DEFAULT_MEMLIMIT_BYTES,
  KDF_FLOOR,
  KDF_SALT_BYTES,
  type KdfCost,
  type KdfParams,
  openBackupBody,
  randomBytes,
  scrubFreeHeap,
  sealBackupBody,
  sealBackupBodyWithNonce,
  zeroize,
} from '../crypto/index.ts'
import { BACKUP_FORMAT_VERSION, decodeHeader, encodeHeader } from './header.ts'
import { type BackupPayload, decodePayload, encodePayload } from './payload.ts'

/**
 * The largest file the app or the CLI reads as a backup (1 GiB, some forty
 * times a 10,000-item vault with its history): a bigger one is refused before
 * a byte is read, so a hostile file cannot fill memory.
 */
export const MAX_BACKUP_BYTES = 1024 * 1024 * 1024

/** Used when the caller passes no cost; the vault passes the account's own (its KDF record's memory and passes). */
export const BACKUP_KDF_FALLBACK: KdfCost = { memlimitBytes: KDF_DEFAULT_MEMLIMIT_BYTES, opslimit: KDF_FLOOR.opslimit }

export interface WriteBackupOptions {
  /**
   * Argon2id memory and passes, within the floor and ceiling (KDF codes otherwise): the
   * account's own. Its KdfParams may be passed as they are; only the cost is taken, the salt is always new.
   */
  readonly kdf?: KdfCost
  /** A worker started ahead of time (warming while the password is typed). */
  readonly worker?: Argon2Worker
}

export interface ReadBackupOptions {
  readonly worker?: Argon2Worker
}

export interface BackupInfo {
  readonly version: number
  /** What the header claims; readBackup refuses a cost outside the floor and ceiling. */
  readonly kdf: { readonly algorithm: typeof KDF_ALGORITHM; readonly memlimitBytes: number; readonly opslimit: number }
  readonly createdAt: number
}

/** Seals every item and its history under the backup password. Throws BACKUP_INVALID, PASSWORD_EMPTY or a KDF code. */
export function writeBackup(
  payload: BackupPayload,
  password: string,
  options: WriteBackupOptions = {},
): Promise<Uint8Array> {
  return write(payload, password, options, randomBytes(KDF_SALT_BYTES), sealBackupBody)
}

/**
 * Only for known-answer tests (test/fixtures/backup/): fixed salt and stream
 * header make the file reproducible, and reusing them breaks its secrecy.
 */
export function writeBackupForTest(
  payload: BackupPayload,
  password: string,
  fixed: { readonly salt: Uint8Array; readonly streamHeader: Uint8Array },
  options: WriteBackupOptions = {},
): Promise<Uint8Array> {
  const seal = (key: BackupKey, header: Uint8Array, bytes: Uint8Array) =>
    sealBackupBodyWithNonce(key, header, bytes, fixed.streamHeader)
  return write(payload, password, options, fixed.salt, seal)
}

type SealBody = (key: BackupKey, header: Uint8Array, payload: Uint8Array) => Uint8Array

async function write(
  payload: BackupPayload,
  password: string,
  options: WriteBackupOptions,
  salt: Uint8Array,
  seal: SealBody,
): Promise<Uint8Array> {
  const { memlimitBytes, opslimit } = options.kdf ?? BACKUP_KDF_FALLBACK
  const kdf: KdfParams = { algorithm: KDF_ALGORITHM, memlimitBytes, opslimit, salt }
  const json = await beforeDerivation(options.worker, () => {
    assertPassword(password)
    assertKdfParams(kdf)
    return encodePayload(payload)
  })
  try {
    const header = encodeHeader({
      version: BACKUP_FORMAT_VERSION,
      kdf,
      createdAt: payload.createdAt,
      paddedLength: backupPaddedLength(json.length),
    })
    const key = await deriveBackupKey(password, kdf, options.worker)
    try {
      return withHeader(header, seal(key, header, json))
    } finally {
      zeroize(key)
      scrubFreeHeap()
    }
  } finally {
    zeroize(json)
  }
}

/**
 * Opens a backup. Every check of the header (BACKUP_INVALID, KDF_BELOW_FLOOR,
 * KDF_ABOVE_CEILING, PASSWORD_EMPTY) runs before the derivation; then a wrong
 * password or an altered file is BACKUP_WRONG_PASSWORD, and damage found after
 * the first chunk opened, or contents that are not a valid backup, BACKUP_INVALID.
 */
export async function readBackup(
  bytes: Uint8Array,
  password: string,
  options: ReadBackupOptions = {},
): Promise<BackupPayload> {
  const { header, headerBytes, body } = await beforeDerivation(options.worker, () => {
    const decoded = decodeHeader(bytes)
    assertKdfParams(decoded.header.kdf)
    assertPassword(password)
    return decoded
  })
  const key = await deriveBackupKey(password, header.kdf, options.worker)
  let plaintext: Uint8Array
  try {
    plaintext = openBackupBody(key, headerBytes, body)
  } finally {
    zeroize(key)
    scrubFreeHeap()
  }
  try {
    return decodePayload(plaintext, header.createdAt)
  } finally {
    zeroize(plaintext)
  }
}

/** The header alone, without the password: format version, KDF cost and creation time. Throws BACKUP_INVALID. */
export function inspectBackup(bytes: Uint8Array): BackupInfo {
  const { header } = decodeHeader(bytes)
  const { algorithm, memlimitBytes, opslimit } = header.kdf
  return { version: header.version, kdf: { algorithm, memlimitBytes, opslimit }, createdAt: header.createdAt }
}

async function beforeDerivation<T>(worker: Argon2Worker | undefined, checks: () => T): Promise<T> {
  try {
    return checks()
  } catch (error) {
    await worker?.terminate()
    throw error
  }
}

function withHeader(header: Uint8Array, body: Uint8Array): Uint8Array {
  const file = new Uint8Array(header.length + body.length)
  file.set(header)
  file.set(body, header.length)
  return file
}

function assertPassword(password: string): void {
  if (password.length === 0) throw new VaultError('PASSWORD_EMPTY', 'Enter the backup password.')
}
