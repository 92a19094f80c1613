/**
 * Branded key types. Each key has exactly one job, and the compiler keeps it
 * to that job: a VaultKey cannot seal a keyset, an AuthSecret cannot open one.
 *
 *   master password ─┐
 *                    ├─ 2SKD root ─┬─ KeysetKey  (seals the keyset)
 *   Secret Key ──────┘             └─ AuthSecret (proves the account to the sync server)
 *   keyset = AccountKey (seals vault keys) + X25519 BoxSecretKey/BoxPublicKey (sharing, later)
 *   VaultKey (one per vault, sealed by the AccountKey) seals that vault's items.
 *   BackupKey (from a backup password, apart from all of the above) seals one backup file.
 *
 * Never log, serialise or send any of these to the renderer.
 */
import type { Brand } from '../../src-shared/brand.ts'
import { randomBytes } from './random.ts'

export const SYMMETRIC_KEY_BYTES = 32

/** Argon2id of the master password: half of 2SKD, never used as a key on its own. */
export type PasswordKey = Brand<Uint8Array, 'PasswordKey'>
export type KeysetKey = Brand<Uint8Array, 'KeysetKey'>
export type AuthSecret = Brand<Uint8Array, 'AuthSecret'>
export type AccountKey = Brand<Uint8Array, 'AccountKey'>
export type VaultKey = Brand<Uint8Array, 'VaultKey'>
export type BoxSecretKey = Brand<Uint8Array, 'BoxSecretKey'>
export type BoxPublicKey = Brand<Uint8Array, 'BoxPublicKey'>
/** Argon2id of a backup password, then crypto_kdf "VBACKUP1": seals one backup file's body (backup-cipher.ts). */
export type BackupKey = Brand<Uint8Array, 'BackupKey'>

/** Overwrites key material in place. Call it as soon as a key is no longer needed. */
export function zeroize(...buffers: readonly (Uint8Array | undefined)[]): void {
  for (const buffer of buffers) buffer?.fill(0)
}

export function generateAccountKey(): AccountKey {
  return randomBytes(SYMMETRIC_KEY_BYTES) as AccountKey
}

export function generateVaultKey(): VaultKey {
  return randomBytes(SYMMETRIC_KEY_BYTES) as VaultKey
}
