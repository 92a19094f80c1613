/**
 * The plaintext header of a backup file (docs/backup-format.md §2), 50 bytes,
 * big-endian, and all of it the associated data of every chunk of the body:
 *
 *   offset  size  field
 *   0       8     magic "VAULTBAK"
 *   8       1     format version (1)
 *   9       1     KDF id (1 = Argon2id v1.3, p = 1, 32-byte output)
 *   10      4     opslimit (Argon2 passes)
 *   14      4     memlimit in bytes (a whole number of KiB)
 *   18      16    Argon2id salt (random)
 *   34      8     created at, ms since the Unix epoch
 *   42      8     P, the padded payload's length
 *   50            body (backup-cipher.ts): backupBodyLength(P) bytes, to the end of the file
 *
 * decodeHeader() checks the structure only; the KDF floor and ceiling are
 * checked by the reader (assertKdfParams), so inspectBackup can still show a
 * file's cost.
 */
import { VaultError } from '../../src-shared/errors.ts'
import {
  BACKUP_MIN_PADDED_BYTES,
  backupBodyLength,
  KDF_ALGORITHM,
  KDF_SALT_BYTES,
  type KdfParams,
} from '../crypto/index.ts'

export const BACKUP_MAGIC = 'VAULTBAK'
export const BACKUP_FORMAT_VERSION = 1
export const BACKUP_HEADER_BYTES = 50
const KDF_ID_ARGON2ID13 = 1
const MAGIC_BYTES = new TextEncoder().encode(BACKUP_MAGIC)

export interface BackupHeader {
  readonly version: typeof BACKUP_FORMAT_VERSION
  readonly kdf: KdfParams
  readonly createdAt: number
  readonly paddedLength: number
}

export interface DecodedFile {
  readonly header: BackupHeader
  /** Bytes 0–49 exactly as read: the associated data. */
  readonly headerBytes: Uint8Array
  readonly body: Uint8Array
}

export function encodeHeader(header: BackupHeader): Uint8Array {
  const out = new Uint8Array(BACKUP_HEADER_BYTES)
  const view = new DataView(out.buffer)
  out.set(MAGIC_BYTES, 0)
  out[8] = BACKUP_FORMAT_VERSION
  out[9] = KDF_ID_ARGON2ID13
  view.setUint32(10, header.kdf.opslimit)
  view.setUint32(14, header.kdf.memlimitBytes)
  out.set(header.kdf.salt, 18)
  view.setBigUint64(34, BigInt(header.createdAt))
  view.setBigUint64(42, BigInt(header.paddedLength))
  return out
}

/** Throws BACKUP_INVALID: not a backup, another version, truncated or extended, or a malformed field. */
export function decodeHeader(bytes: Uint8Array): DecodedFile {
  if (bytes.length < MAGIC_BYTES.length + 1 || !MAGIC_BYTES.every((byte, index) => bytes[index] === byte)) {
    throw invalid('This is not a backup file from this app.')
  }
  const version = bytes[8] as number
  if (version !== BACKUP_FORMAT_VERSION) {
    throw invalid(`Backup format ${version} is not supported (this app reads format ${BACKUP_FORMAT_VERSION}).`)
  }
  if (bytes.length < BACKUP_HEADER_BYTES) throw invalid('The backup file is truncated.')
  const view = new DataView(bytes.buffer, bytes.byteOffset, BACKUP_HEADER_BYTES)
  const header: BackupHeader = {
    version: BACKUP_FORMAT_VERSION,
    kdf: readKdf(bytes, view),
    createdAt: readSafeInteger(view, 34, 'creation time'),
    paddedLength: readSafeInteger(view, 42, 'payload length'),
  }
  assertFileLength(bytes.length, header.paddedLength)
  return {
    header,
    headerBytes: bytes.subarray(0, BACKUP_HEADER_BYTES),
    body: bytes.subarray(BACKUP_HEADER_BYTES),
  }
}

function readKdf(bytes: Uint8Array, view: DataView): KdfParams {
  if (bytes[9] !== KDF_ID_ARGON2ID13) {
    throw invalid(`The backup uses key derivation ${bytes[9]}, which this app does not know.`)
  }
  const opslimit = view.getUint32(10)
  const memlimitBytes = view.getUint32(14)
  if (opslimit === 0 || memlimitBytes === 0 || memlimitBytes % 1024 !== 0) {
    throw invalid('The backup header holds malformed key derivation parameters.')
  }
  const salt = bytes.slice(18, 18 + KDF_SALT_BYTES)
  return { algorithm: KDF_ALGORITHM, opslimit, memlimitBytes, salt }
}

function readSafeInteger(view: DataView, offset: number, what: string): number {
  const value = view.getBigUint64(offset)
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw invalid(`The backup header holds a malformed ${what}.`)
  return Number(value)
}

function assertFileLength(actual: number, paddedLength: number): void {
  if (paddedLength < BACKUP_MIN_PADDED_BYTES) throw invalid('The backup header holds a malformed payload length.')
  const expected = BACKUP_HEADER_BYTES + backupBodyLength(paddedLength)
  if (actual < expected) throw invalid('The backup file is truncated.')
  if (actual > expected) throw invalid('The backup file has unexpected data after its end.')
}

function invalid(message: string): VaultError {
  return new VaultError('BACKUP_INVALID', message)
}
