/**
 * Shape checks on records before they are written. A failure is a bug in
 * the caller, not a user-facing condition, so it is a TypeError (which the
 * IPC layer reports as INTERNAL) and names the field, never its value.
 */
import type { AccountRecord, ItemRecord, VaultRecord } from './types.ts'

export function assertId(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) throw new TypeError(`${field} must be a non-empty string`)
}

export function assertCount(value: unknown, field: string): asserts value is number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) {
    throw new TypeError(`${field} must be a non-negative safe integer`)
  }
}

function assertBytes(value: unknown, field: string): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) throw new TypeError(`${field} must be a Uint8Array`)
}

export function assertAccount(record: AccountRecord): void {
  assertId(record.accountId, 'accountId')
  if (typeof record.kdf !== 'string') throw new TypeError('kdf must be JSON text')
  assertCount(record.keysetRevision, 'keysetRevision')
  assertBytes(record.sealedKeyset, 'sealedKeyset')
  assertBytes(record.boxPublicKey, 'boxPublicKey')
  assertCount(record.metaRevision, 'metaRevision')
  assertBytes(record.sealedMeta, 'sealedMeta')
  assertCount(record.createdAt, 'createdAt')
  assertCount(record.updatedAt, 'updatedAt')
}

export function assertVault(record: VaultRecord): void {
  assertId(record.vaultId, 'vaultId')
  assertCount(record.revision, 'revision')
  assertBytes(record.sealedKey, 'sealedKey')
  assertBytes(record.sealedMeta, 'sealedMeta')
  assertCount(record.createdAt, 'createdAt')
  assertCount(record.updatedAt, 'updatedAt')
}

export function assertItem(record: ItemRecord): void {
  assertId(record.itemId, 'itemId')
  assertId(record.vaultId, 'vaultId')
  assertCount(record.revision, 'revision')
  assertBytes(record.sealed, 'sealed')
  assertCount(record.savedAt, 'savedAt')
}
