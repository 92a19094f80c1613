/** `vault add`: a new item from flags, prompts, the generator and/or a JSON draft on stdin. */
import { ITEM_TYPES, type ItemType } from '../../../src-shared/domain/item.ts'
import { flag, type Parsed, positionals } from '../args.ts'
import { CliError, usageError } from '../cli-error.ts'
import type { Command, CommandContext } from '../command.ts'
import { buildDraft, type JsonObject } from '../item-changes.ts'
import { parseItemType } from '../item-fields.ts'
import { ITEM_FLAG_OPTIONS, readItemFlags } from '../item-flags.ts'
import { assertCanGather, gatherSecrets } from '../item-secrets.ts'
import { displayText } from '../output.ts'
import { withUnlockedVault } from '../session.ts'
import { FIELD_FLAGS_HELP } from './item-help.ts'
import { reportGenerated } from './item-report.ts'

export const add: Command = {
  name: 'add',
  summary: 'add an item',
  options: ITEM_FLAG_OPTIONS,
  help: `Usage: vault add TYPE --title TITLE [field options] [--prompt FIELD]… [--generate-password] [--json]

Adds an item and prints its id on stdout. TYPE is one of: ${ITEM_TYPES.join(', ')}
(it may be left out when the --json document has "type").

${FIELD_FLAGS_HELP}

Examples:
  vault add login --title GitHub --username ada --url https://github.com --generate-password
  vault add login --title Bank --username ada --prompt password --prompt totp
  vault add sshKey --title "Deploy key" --generate-ssh-key
  printf '%s\\n' "$MASTER" '{"type":"card","title":"Visa","fields":{"number":"4111111111111111"}}' \\
    | vault add --password-stdin --json`,
  run,
}

async function run(context: CommandContext): Promise<void> {
  const { parsed, inputs, out } = context
  const [typeArgument] = positionals(parsed, [], ['TYPE'])
  const jsonInput = flag(parsed, 'json')
  if (typeArgument === undefined && !jsonInput) throw usageError('Missing TYPE.', parsed.command)
  // Checked before the vault is unlocked, so a typo does not cost a password prompt.
  assertCanGather(
    readItemFlags(parsed, typeArgument === undefined ? undefined : parseItemType(typeArgument, parsed.command)),
    inputs,
  )
  const result = await withUnlockedVault(context.location, inputs, async (service) => {
    const doc = jsonInput ? asObject(await inputs.document()) : {}
    const type = typeOf(parsed, typeArgument, doc)
    const flags = readItemFlags(parsed, type)
    if (flags.title === undefined && doc.title === undefined) throw usageError('--title is required.', parsed.command)
    const secrets = await gatherSecrets(flags, inputs)
    return { view: service.createItem(buildDraft(type, doc, flags, secrets)), generated: secrets.generated }
  })
  out.raw(result.view.id)
  out.notice(`Added ${result.view.type} "${displayText(result.view.title)}".`)
  reportGenerated(out, result.view, result.generated)
}

function typeOf(parsed: Parsed, typeArgument: string | undefined, doc: JsonObject): ItemType {
  const fromDoc = typeof doc.type === 'string' ? parseItemType(doc.type, parsed.command) : undefined
  const fromArgument = typeArgument === undefined ? undefined : parseItemType(typeArgument, parsed.command)
  if (fromArgument && fromDoc && fromArgument !== fromDoc) {
    throw usageError(`TYPE is ${fromArgument} but the document's type is ${fromDoc}.`, parsed.command)
  }
  const type = fromArgument ?? fromDoc
  if (type === undefined) throw usageError('Missing TYPE (as an argument or the document\'s "type").', parsed.command)
  return type
}

export function asObject(value: unknown): JsonObject {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as JsonObject
  throw new CliError('INVALID_JSON', 'The document on stdin must be a JSON object.')
}
