/**
 * Import, export and backup facts the window and main share: the formats the
 * importer reads (src-main/import/types.ts takes this list) and what the user
 * sees them called. Dependency-free.
 */

export const IMPORT_FORMAT_NAMES = [
  'bitwarden-json',
  'bitwarden-csv',
  '1password-1pux',
  '1password-csv',
  'keepassxc-csv',
  'keepass-xml',
  'chrome-csv',
  'firefox-csv',
  'generic-csv',
  'vault-json',
] as const

export type ImportFormatName = (typeof IMPORT_FORMAT_NAMES)[number]

export const IMPORT_FORMAT_LABELS: Readonly<Record<ImportFormatName, string>> = {
  'bitwarden-json': 'Bitwarden (JSON)',
  'bitwarden-csv': 'Bitwarden (CSV)',
  '1password-1pux': '1Password (1PUX)',
  '1password-csv': '1Password (CSV)',
  'keepassxc-csv': 'KeePassXC (CSV)',
  'keepass-xml': 'KeePass (XML)',
  'chrome-csv': 'Chrome (CSV)',
  'firefox-csv': 'Firefox (CSV)',
  'generic-csv': 'Other CSV',
  'vault-json': 'Vault export (JSON)',
}

export const EXPORT_FORMATS = ['json', 'csv'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** The largest file the import reads (main's MAX_IMPORT_BYTES). */
export const IMPORT_FILE_MAX_BYTES = 64 * 1024 * 1024

/** Our fields an "Other CSV" (generic-csv) column can be mapped to, in the order the mapping step shows them. */
export const GENERIC_CSV_FIELDS = ['title', 'username', 'password', 'url', 'notes', 'totp', 'tags'] as const
export type GenericCsvField = (typeof GENERIC_CSV_FIELDS)[number]

export const GENERIC_CSV_FIELD_LABELS: Readonly<Record<GenericCsvField, string>> = {
  title: 'Title',
  username: 'Username',
  password: 'Password',
  url: 'Website',
  notes: 'Notes',
  totp: 'One-time password (TOTP)',
  tags: 'Tags',
}

/** The mapping step offers at most this many columns, each name at most this long; a wider header is refused. */
export const CSV_COLUMNS_MAX = 500
export const CSV_COLUMN_NAME_MAX_LENGTH = 200
