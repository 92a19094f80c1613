/**
 * What every import parser produces (issue 8). The parsers are pure: bytes in,
 * drafts out, no vault access. The vault's import step (src-main/vault/item-import.ts)
 * previews these drafts, finds duplicates and seals the new ones.
 */
import type { ItemDraftInput } from '../../src-shared/domain/item.ts'
import { IMPORT_FILE_MAX_BYTES, IMPORT_FORMAT_NAMES } from '../../src-shared/ipc/transfer.ts'

/** One list for main and the window (src-shared/ipc/transfer.ts); 'vault-json' is this app's own export (vault-export.ts). */
export const IMPORT_FORMATS = IMPORT_FORMAT_NAMES
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

/** Where an item came from: a CSV line (1-based, the record's first line) or a JSON/XML entry path. */
export interface ImportSource {
  readonly line?: number
  readonly entry?: string
}

export interface ImportedItem {
  /** What vault.createItem() accepts; itemDraftSchema parses it unchanged. */
  readonly draft: ItemDraftInput
  readonly source: ImportSource
  /** The source's own id when it has one (Bitwarden id, 1Password uuid, KeePass UUID, Firefox guid). */
  readonly sourceId?: string
}

/** An entry that was read but not turned into an item; the reason never holds a value from the file. */
export interface SkippedEntry {
  readonly source: ImportSource
  readonly reason: string
}

export interface ImportResult {
  readonly format: ImportFormat
  readonly items: readonly ImportedItem[]
  readonly skipped: readonly SkippedEntry[]
}

/** For 'generic-csv': our field → the header of the column that holds it. Unmapped columns become custom text fields. */
export interface GenericCsvMapping {
  readonly title?: string
  readonly username?: string
  readonly password?: string
  readonly url?: string
  readonly notes?: string
  readonly totp?: string
  readonly tags?: string
}

export interface ImportInput {
  readonly fileName: string
  readonly bytes: Uint8Array
  readonly format: ImportFormat
  readonly mapping?: GenericCsvMapping
}

/** A file larger than this is refused before it is read: the window's limit (src-shared/ipc/transfer.ts), so both agree. */
export const MAX_IMPORT_BYTES = IMPORT_FILE_MAX_BYTES
/** A file holding more entries than this is refused. */
export const MAX_IMPORT_ITEMS = 100_000
/** The most a 1PUX archive's export.data may inflate to (a zip bomb stops here). */
export const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024
