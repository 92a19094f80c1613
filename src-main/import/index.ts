/**
 * Import parsers (issue 8): bytes of an export from another password manager
 * in, drafts for the vault out. Pure functions: no vault, no disk, no network.
 * Mapping tables: docs/import-formats.md and the comment at the top of each module.
 *
 * Failures are VaultError only: 'IMPORT_UNSUPPORTED' for a format this app
 * does not read, 'IMPORT_INVALID' for everything wrong with a file, with a
 * message naming the file and the line or entry and never a value from it.
 * An error a parser did not anticipate (a library's own) is caught here and
 * reported the same way, without its message.
 */
import { VaultError } from '../../src-shared/errors.ts'
import { parseBitwardenCsv } from './bitwarden-csv.ts'
import { parseBitwardenJson } from './bitwarden-json.ts'
import { parseChromeCsv } from './chrome-csv.ts'
import { displayName, fileInvalid } from './failure.ts'
import { parseFirefoxCsv } from './firefox-csv.ts'
import { type GenericCsvColumns, genericCsvColumns, parseGenericCsv } from './generic-csv.ts'
import { parseKeePassXml } from './keepass-xml.ts'
import { parseKeePassXcCsv } from './keepassxc-csv.ts'
import { parseOnePassword1pux } from './onepassword-1pux.ts'
import { parseOnePasswordCsv } from './onepassword-csv.ts'
import { IMPORT_FORMATS, type ImportFormat, type ImportInput, type ImportResult, MAX_IMPORT_BYTES } from './types.ts'
import { parseVaultJson } from './vault-export.ts'

export { detectFormat } from './detect.ts'
export type { GenericCsvColumns } from './generic-csv.ts'
export {
  type GenericCsvMapping,
  IMPORT_FORMATS,
  type ImportedItem,
  type ImportFormat,
  type ImportInput,
  type ImportResult,
  type ImportSource,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ITEMS,
  MAX_UNZIPPED_BYTES,
  type SkippedEntry,
} from './types.ts'
export { exportCsv, exportJson, type ItemToExport, VAULT_EXPORT_FORMAT } from './vault-export.ts'

const PARSERS: Record<ImportFormat, (file: string, input: ImportInput) => ImportResult> = {
  'bitwarden-json': (file, input) => parseBitwardenJson(file, input.bytes),
  'bitwarden-csv': (file, input) => parseBitwardenCsv(file, input.bytes),
  '1password-1pux': (file, input) => parseOnePassword1pux(file, input.bytes),
  '1password-csv': (file, input) => parseOnePasswordCsv(file, input.bytes),
  'keepassxc-csv': (file, input) => parseKeePassXcCsv(file, input.bytes),
  'keepass-xml': (file, input) => parseKeePassXml(file, input.bytes),
  'chrome-csv': (file, input) => parseChromeCsv(file, input.bytes),
  'firefox-csv': (file, input) => parseFirefoxCsv(file, input.bytes),
  'generic-csv': (file, input) => parseGenericCsv(file, input.bytes, input.mapping),
  'vault-json': (file, input) => parseVaultJson(file, input.bytes),
}

export function isImportFormat(value: unknown): value is ImportFormat {
  return typeof value === 'string' && (IMPORT_FORMATS as readonly string[]).includes(value)
}

export function parseImport(input: ImportInput): ImportResult {
  const file = displayName(typeof input.fileName === 'string' ? input.fileName : '')
  if (!isImportFormat(input.format)) {
    throw new VaultError('IMPORT_UNSUPPORTED', `Cannot import "${file}": this app does not read that format.`)
  }
  if (!(input.bytes instanceof Uint8Array)) throw fileInvalid(file, 'no file content was given.')
  assertImportSize(file, input.bytes)
  return guarded(file, input.format, () => PARSERS[input.format](file, input))
}

/** For the app's mapping step: a generic CSV's column names and the guessed mapping, with parseImport's checks. */
export function readGenericCsvColumns(fileName: string, bytes: Uint8Array): GenericCsvColumns {
  const file = displayName(fileName)
  assertImportSize(file, bytes)
  return guarded(file, 'generic-csv', () => genericCsvColumns(file, bytes))
}

function assertImportSize(file: string, bytes: Uint8Array): void {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw fileInvalid(file, `it is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB; no export is that big.`)
  }
}

function guarded<T>(file: string, format: ImportFormat, read: () => T): T {
  try {
    return read()
  } catch (error) {
    if (error instanceof VaultError && (error.code === 'IMPORT_INVALID' || error.code === 'IMPORT_UNSUPPORTED'))
      throw error
    // A library's own error (a stack overflow in a pathological file, say): its message may quote the file.
    throw fileInvalid(file, `it could not be read as ${format}.`)
  }
}
