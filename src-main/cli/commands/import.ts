/**
 * `vault import`: items from another password manager's export (issue 8).
 * It shows a preview first (how many of each type, which entries the vault
 * already has or the file holds twice, which cannot be read and where), and
 * writes only after a yes (or --yes): only new items, in one transaction, so
 * importing the same file again adds nothing.
 */
import { existsSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { GENERIC_CSV_FIELDS } from '../../../src-shared/ipc/transfer.ts'
import { where } from '../../import/failure.ts'
import {
  detectFormat,
  type GenericCsvMapping,
  IMPORT_FORMATS,
  type ImportFormat,
  isImportFormat,
  MAX_IMPORT_BYTES,
  parseImport,
} from '../../import/index.ts'
import type { ImportPreview } from '../../vault/index.ts'
import { readSmallFile } from '../../window/open-file.ts'
import { flag, type Parsed, positionals, stringList, stringOption } from '../args.ts'
import { CliError, usageError } from '../cli-error.ts'
import { type Command, type CommandContext, GLOBAL_HELP, JSON_OPTION } from '../command.ts'
import { withUnlockedVault } from '../session.ts'

const MAPPABLE = GENERIC_CSV_FIELDS

export const importItems: Command = {
  name: 'import',
  summary: 'import items from another password manager, with a preview',
  options: {
    format: { type: 'string' },
    map: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean' },
    yes: { type: 'boolean' },
    ...JSON_OPTION,
  },
  help: `Usage: vault import FILE [--format FORMAT] [--map FIELD=COLUMN ...] [--dry-run] [--yes] [--json]

Reads FILE, shows what it would add (counts per type; entries already in the vault, twice in the
file, or unreadable, by line or entry), then asks before writing anything. Only new items are
added, all at once, so importing the same file twice adds nothing. A login is already in the vault
when one there has the same site, username and password.

--format FORMAT      one of: ${IMPORT_FORMATS.join(', ')}
                     (found from the file when left out)
--map FIELD=COLUMN   for generic-csv: which column holds FIELD (${MAPPABLE.join(', ')});
                     other columns become custom fields
--dry-run            show the preview and stop
--yes                import without asking (for scripts)
--json               print the preview (and the result) as JSON

docs/import-formats.md says how each format's fields map to items.

${GLOBAL_HELP}`,
  run,
}

async function run(context: CommandContext): Promise<void> {
  const { parsed } = context
  const [file] = positionals(parsed, ['FILE'])
  const path = resolve(file as string)
  if (!existsSync(path)) throw new CliError('FILE_NOT_FOUND', `Cannot read ${path}.`)
  // The size is checked on the open file before a byte is read.
  const { bytes } = await readSmallFile(path, MAX_IMPORT_BYTES, 'import')
  const format = formatOf(parsed, path, bytes)
  const mapping = mappingOf(parsed)
  const parsedFile = parseImport({ fileName: basename(path), bytes, format, ...(mapping ? { mapping } : {}) })
  const candidates = parsedFile.items.map(({ draft, source }) => ({ draft, source }))
  await withUnlockedVault(context.location, context.inputs, async (service) => {
    const preview = service.transfer.previewImport(candidates)
    report(context, format, preview, parsedFile.skipped.length)
    if (flag(parsed, 'dry-run') || preview.toAdd === 0) return
    if (!flag(parsed, 'yes')) await confirmImport(context, preview.toAdd)
    const added = service.transfer.applyImport(candidates)
    if (flag(parsed, 'json')) context.out.json({ added })
    else context.out.notice(`Imported ${added} item(s).`)
  })
}

function formatOf(parsed: Parsed, path: string, bytes: Uint8Array): ImportFormat {
  const given = stringOption(parsed, 'format')
  if (given !== undefined) {
    if (!isImportFormat(given)) throw usageError(`--format must be one of: ${IMPORT_FORMATS.join(', ')}.`, 'import')
    return given
  }
  const found = detectFormat(basename(path), bytes)
  if (found === null) throw usageError('Cannot tell which format this file is in; say it with --format.', 'import')
  return found
}

function mappingOf(parsed: Parsed): GenericCsvMapping | undefined {
  const pairs = stringList(parsed, 'map')
  if (pairs.length === 0) return undefined
  const mapping: Record<string, string> = {}
  for (const pair of pairs) {
    const [field, column] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]
    if (!pair.includes('=') || !(MAPPABLE as readonly string[]).includes(field) || column.trim() === '') {
      throw usageError(`--map takes FIELD=COLUMN, FIELD one of ${MAPPABLE.join(', ')}.`, 'import')
    }
    mapping[field] = column
  }
  return mapping
}

function report(context: CommandContext, format: ImportFormat, preview: ImportPreview, skipped: number): void {
  if (flag(context.parsed, 'json')) {
    context.out.json({ format, skipped, ...preview })
    return
  }
  const types = Object.entries(preview.byType).filter(([, count]) => count > 0)
  context.out.line(`Format: ${format}; ${preview.total} entries.`)
  context.out.line(
    `New: ${preview.toAdd}${types.length > 0 ? ` (${types.map(([t, n]) => `${n} ${t}`).join(', ')})` : ''}`,
  )
  context.out.line(`Already in the vault: ${preview.inVault}; twice in the file: ${preview.inFile}`)
  if (skipped > 0) context.out.line(`Skipped by the reader (not items, e.g. folders or empty rows): ${skipped}`)
  for (const entry of preview.entries.filter((e) => e.status === 'invalid')) {
    context.out.line(`Cannot import ${where(entry.source)}: ${entry.problem ?? 'not a valid item'}`)
  }
}

async function confirmImport(context: CommandContext, count: number): Promise<void> {
  const answer = await context.inputs.confirm(`Import ${count} new item(s)?`)
  if (answer === null)
    throw usageError('No terminal to ask on: add --yes to import, or --dry-run to look only.', 'import')
  if (!answer) throw new CliError('CANCELLED', 'Nothing was imported.')
}
