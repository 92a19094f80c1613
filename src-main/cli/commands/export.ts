import { EXPORT_FORMATS, type ExportFormat } from '../../../src-shared/ipc/transfer.ts'
import { exportCsv, exportJson } from '../../import/index.ts'
import { flag, positionals, stringOption } from '../args.ts'
import { CliError, usageError } from '../cli-error.ts'
import { type Command, type CommandContext, GLOBAL_HELP } from '../command.ts'
import { outFilePath, writeOutFile } from '../out-file.ts'
import { withUnlockedVault } from '../session.ts'

export const exportItems: Command = {
  name: 'export',
  summary: 'export every item in plain text (JSON or CSV), after a warning',
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    yes: { type: 'boolean' },
  },
  help: `Usage: vault export --format json|csv --out FILE [--force] [--yes]

WARNING: the file holds every password, card number and note of the vault in plain text. Anyone or
anything that can read it (a backup tool, a sync folder, malware) gets them all. Prefer
\`vault backup\`, which is encrypted; export only to move to another app, and delete the file after.

json   every item as the app holds it (type, fields, custom fields, tags, notes, times); \`vault import
       --format vault-json\` reads it back without loss
csv    one row per item: type, title, username, password, urls (one per line), totp, notes, tags,
       favorite, and the other fields as JSON, for spreadsheets and other managers

The trash is left out. Asks before writing unless --yes; written readable by you only.

${GLOBAL_HELP}`,
  run,
}

async function run(context: CommandContext): Promise<void> {
  const { parsed } = context
  positionals(parsed, [])
  const format = formatOf(stringOption(parsed, 'format'))
  const path = outFilePath(parsed)
  const text = await withUnlockedVault(context.location, context.inputs, async (service) => {
    const items = service.transfer.exportItems()
    if (!flag(parsed, 'yes')) await confirmPlaintext(context, path, items.length)
    return format === 'json' ? exportJson(items, Date.now()) : exportCsv(items)
  })
  await writeOutFile(parsed, path, text)
  context.out.notice(`Wrote every item in plain text to ${path}. Delete it as soon as you are done with it.`)
}

function formatOf(value: string | undefined): ExportFormat {
  if (value === undefined || !(EXPORT_FORMATS as readonly string[]).includes(value)) {
    throw usageError(`--format must be ${EXPORT_FORMATS.join(' or ')}.`, 'export')
  }
  return value as ExportFormat
}

async function confirmPlaintext(context: CommandContext, path: string, count: number): Promise<void> {
  context.out.notice(`This writes ${count} item(s), every password included, in PLAIN TEXT to ${path}.`)
  const answer = await context.inputs.confirm('Write the unencrypted file?')
  if (answer === null) throw usageError('No terminal to ask on: add --yes if you mean it.', 'export')
  if (!answer) throw new CliError('CANCELLED', 'Nothing was written.')
}
