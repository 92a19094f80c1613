/**
 * Import with a preview (issue 8), as `vault import` does it: main's own open
 * dialog picks the file, main reads and parses it, and the window only ever
 * sees the preview. For "Other CSV" the window also sees the header's column
 * names (never a cell) and may change which column holds which field
 * (remapImport): main keeps that file's bytes, so a new mapping needs no
 * second dialog, and each new mapping answers a new token (the old one stops
 * working, so an Import clicked against an older preview adds nothing).
 *
 * A preview's counts cover every entry, but its list of entries does not: a
 * file may hold 100,000, and the window shows the first 500
 * (ImportEntries.tsx). So only those cross IPC, with up to 500 more that
 * cannot be imported, for the window to say which and why.
 */
import { randomBytes } from 'node:crypto'
import { VaultError } from '../../../src-shared/errors.ts'
import { GENERIC_CSV_FIELDS } from '../../../src-shared/ipc/transfer.ts'
import {
  detectFormat,
  type GenericCsvMapping,
  type ImportFormat,
  MAX_IMPORT_BYTES,
  parseImport,
  readGenericCsvColumns,
} from '../../import/index.ts'
import type { ImportCandidate, ImportPreview, VaultService } from '../../vault/index.ts'
import type { OpenedFile } from '../../window/open-file.ts'
import type { HandlersFor } from '../dispatcher.ts'
import type { HandlerDeps } from './deps.ts'

type ImportMethod = 'chooseImportFile' | 'remapImport' | 'applyImport'

/** As many entries as the window lists (ImportEntries.tsx SHOWN_MAX). */
const ENTRIES_SENT = 500

/** The file read last, until it is imported, another is chosen, or the vault locks. */
interface PendingImport {
  readonly token: string
  readonly candidates: readonly ImportCandidate[]
  /** generic-csv only: the file as read and its column names, for remapImport. */
  readonly csv?: PendingCsv
}

interface PendingCsv {
  readonly file: OpenedFile
  readonly columns: readonly string[]
}

export function importHandlers(deps: HandlerDeps): HandlersFor<ImportMethod> {
  const { vault } = deps
  let pending: PendingImport | null = null
  vault.onLock(() => {
    pending = null
  })
  /** The pending import this token names; anything else is a stale or forged token. */
  const pendingFor = (token: string): PendingImport => {
    if (pending === null || pending.token !== token) {
      throw new VaultError('IMPORT_INVALID', 'That file is no longer open for import; choose it again.')
    }
    return pending
  }
  const keep = (next: PendingImport) => {
    pending = next
  }
  return {
    chooseImportFile: async ({ format: given }) => {
      // Locked? Say so before the dialog, not after the user picked a file.
      if (vault.status().state !== 'unlocked') throw new VaultError('VAULT_LOCKED', 'The vault is locked.')
      const file = await deps.openFile(MAX_IMPORT_BYTES)
      if (file === null) return { chosen: false }
      const format = given ?? formatOf(file)
      if (format !== 'generic-csv') return preview(vault, keep, file, format)
      // The guess goes in as a mapping, so a file where nothing could be guessed still
      // previews (every row a note) and the user picks the columns instead of being refused.
      const { columns, guessed } = readGenericCsvColumns(file.name, file.bytes)
      return preview(vault, keep, file, format, { csv: { file, columns }, mapping: guessed })
    },
    remapImport: ({ token, mapping }) => {
      const { csv } = pendingFor(token)
      if (csv === undefined) {
        throw new VaultError('IMPORT_INVALID', 'Only an "Other CSV" file has columns to choose.')
      }
      return preview(vault, keep, csv.file, 'generic-csv', { csv, mapping: definedFields(mapping) })
    },
    applyImport: ({ token }) => {
      const added = vault.transfer.applyImport(pendingFor(token).candidates)
      pending = null
      return { added }
    },
  }
}

type Keep = (pending: PendingImport) => void

function formatOf(file: OpenedFile): ImportFormat {
  const format = detectFormat(file.name, file.bytes)
  if (format === null) {
    throw new VaultError(
      'IMPORT_UNSUPPORTED',
      `Cannot tell which format "${file.name}" is in; choose it in the list and try again.`,
    )
  }
  return format
}
/** The chosen-file answer, readonly as handlers return it. */
type ImportChosenView = Exclude<ReturnType<HandlersFor<'remapImport'>['remapImport']>, Promise<unknown>>

/** "Other CSV" only: the file's columns, and the mapping to read it with (the guess, or the user's). */
interface CsvChoice {
  readonly csv: PendingCsv
  readonly mapping: GenericCsvMapping
}

/** Parses and previews a file; on success it becomes the pending import. */
function preview(
  vault: VaultService,
  keep: Keep,
  file: OpenedFile,
  format: ImportFormat,
  choice?: CsvChoice,
): ImportChosenView {
  const mapping = choice === undefined ? {} : { mapping: choice.mapping }
  const parsed = parseImport({ fileName: file.name, bytes: file.bytes, format, ...mapping })
  const candidates = parsed.items.map(({ draft, source }) => ({ draft, source }))
  const previewed = vault.transfer.previewImport(candidates)
  const token = randomBytes(16).toString('hex')
  keep({ token, candidates, ...(choice === undefined ? {} : { csv: choice.csv }) })
  return {
    chosen: true,
    token,
    fileName: file.name,
    format,
    skipped: parsed.skipped.length,
    preview: { ...previewed, entries: entriesToSend(previewed.entries) },
    ...(choice === undefined ? {} : { mapping: mappingView(choice) }),
  }
}

/** The first entries the window lists, then later ones that cannot be imported (the window names those). */
export function entriesToSend(entries: ImportPreview['entries']): ImportPreview['entries'] {
  const later = entries.slice(ENTRIES_SENT).filter((entry) => entry.status === 'invalid')
  return [...entries.slice(0, ENTRIES_SENT), ...later.slice(0, ENTRIES_SENT)]
}

function mappingView({ csv, mapping }: CsvChoice) {
  return { columns: [...csv.columns], fields: asListed(mapping, csv.columns) }
}

/** The request's mapping without absent fields (zod's output allows explicit undefined; the parser's type does not). */
function definedFields(mapping: Partial<Record<keyof GenericCsvMapping, string | undefined>>): GenericCsvMapping {
  const out: Record<string, string> = {}
  for (const field of GENERIC_CSV_FIELDS) {
    const column = mapping[field]
    if (column !== undefined) out[field] = column
  }
  return out
}

/** Each mapped column named as the header lists it (the parser matched it ignoring case and spaces). */
function asListed(mapping: GenericCsvMapping, columns: readonly string[]): GenericCsvMapping {
  const out: Record<string, string> = {}
  for (const field of GENERIC_CSV_FIELDS) {
    const wanted = mapping[field]?.trim().toLowerCase()
    const listed = columns.find((column) => column.toLowerCase() === wanted)
    if (listed !== undefined) out[field] = listed
  }
  return out
}
