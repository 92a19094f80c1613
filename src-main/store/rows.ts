/**
 * Converts result rows to records. The tables are STRICT, so a wrong type
 * here means the file was altered outside the app: that is STORE_CORRUPT,
 * not a crash deep inside the caller.
 */
import type { SQLOutputValue } from 'node:sqlite'
import { storeCorrupt } from './sqlite-errors.ts'
import {
  type AccountRecord,
  type ItemRecord,
  OUTBOX_KINDS,
  type OutboxEntry,
  type OutboxKind,
  type VaultRecord,
} from './types.ts'

export type Row = Record<string, SQLOutputValue>

export function text(row: Row, column: string, filePath: string): string {
  const value = row[column]
  if (typeof value !== 'string') throw storeCorrupt(filePath)
  return value
}

export function int(row: Row, column: string, filePath: string): number {
  const value = row[column]
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw storeCorrupt(filePath)
  return value
}

export function bytes(row: Row, column: string, filePath: string): Uint8Array {
  const value = row[column]
  if (!(value instanceof Uint8Array)) throw storeCorrupt(filePath)
  return value
}

export function accountFromRow(row: Row, filePath: string): AccountRecord {
  return {
    accountId: text(row, 'account_id', filePath),
    kdf: text(row, 'kdf', filePath),
    keysetRevision: int(row, 'keyset_revision', filePath),
    sealedKeyset: bytes(row, 'sealed_keyset', filePath),
    boxPublicKey: bytes(row, 'box_public_key', filePath),
    metaRevision: int(row, 'meta_revision', filePath),
    sealedMeta: bytes(row, 'sealed_meta', filePath),
    createdAt: int(row, 'created_at', filePath),
    updatedAt: int(row, 'updated_at', filePath),
  }
}

export function vaultFromRow(row: Row, filePath: string): VaultRecord {
  return {
    vaultId: text(row, 'vault_id', filePath),
    revision: int(row, 'revision', filePath),
    sealedKey: bytes(row, 'sealed_key', filePath),
    sealedMeta: bytes(row, 'sealed_meta', filePath),
    createdAt: int(row, 'created_at', filePath),
    updatedAt: int(row, 'updated_at', filePath),
  }
}

export function itemFromRow(row: Row, filePath: string): ItemRecord {
  return {
    itemId: text(row, 'item_id', filePath),
    vaultId: text(row, 'vault_id', filePath),
    revision: int(row, 'revision', filePath),
    sealed: bytes(row, 'sealed', filePath),
    savedAt: int(row, 'saved_at', filePath),
  }
}

export function outboxFromRow(row: Row, filePath: string): OutboxEntry {
  const kind = text(row, 'kind', filePath)
  if (!(OUTBOX_KINDS as readonly string[]).includes(kind)) throw storeCorrupt(filePath)
  return {
    seq: int(row, 'seq', filePath),
    kind: kind as OutboxKind,
    recordId: text(row, 'record_id', filePath),
    revision: int(row, 'revision', filePath),
    queuedAt: int(row, 'queued_at', filePath),
  }
}
