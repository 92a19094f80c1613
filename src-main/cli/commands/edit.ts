/** `vault edit`: changes only what is given; every other field, secrets included, keeps its value. */
import { flag, type Parsed, positionals } from '../args.ts'
import { usageError } from '../cli-error.ts'
import type { Command, CommandContext } from '../command.ts'
import { buildPatch } from '../item-changes.ts'
import { ITEM_FLAG_OPTIONS, isEmpty, readItemFlags } from '../item-flags.ts'
import { assertCanGather, gatherSecrets } from '../item-secrets.ts'
import { displayText } from '../output.ts'
import { resolveItem } from '../resolve-item.ts'
import { withUnlockedVault } from '../session.ts'
import { asObject } from './add.ts'
import { FIELD_FLAGS_HELP } from './item-help.ts'
import { reportGenerated } from './item-report.ts'

export const edit: Command = {
  name: 'edit',
  summary: 'change some fields of an item',
  options: ITEM_FLAG_OPTIONS,
  help: `Usage: vault edit ITEM [field options] [--remove-tag TAG]… [--remove-url URL]… [--remove-custom LABEL]… [--json]

Changes only what the options name and prints the item's id on stdout; everything else keeps its
value. Each edit is a new revision: \`vault history ITEM\` lists them, and any can be restored.
With --json the document on stdin is an ItemPatch: {"title", "favorite", "tags", "notes",
"fields": {NAME: VALUE}, "customFields"}, every part optional.
ITEM is an item id, a unique id prefix (6 characters or more) or an exact title.

Removal options:
  --remove-tag TAG         remove a tag (repeatable)
  --remove-url URL         remove a login URL (repeatable)
  --remove-custom LABEL    remove a custom field, by label or id (repeatable)

${FIELD_FLAGS_HELP}

Examples:
  vault edit GitHub --tag work --remove-tag old --no-favorite
  vault edit GitHub --generate-password --length 32
  vault edit GitHub --prompt password`,
  run,
}

async function run(context: CommandContext): Promise<void> {
  const { parsed, inputs, out } = context
  const [reference] = positionals(parsed, ['ITEM']) as [string]
  const jsonInput = flag(parsed, 'json')
  const untyped = readItemFlags(parsed, undefined)
  if (isEmpty(untyped) && !jsonInput) throw nothingToChange(parsed)
  assertCanGather(untyped, inputs)
  const result = await withUnlockedVault(context.location, inputs, async (service) => {
    const view = service.getItem(resolveItem(service, reference).id)
    const doc = jsonInput ? asObject(await inputs.document()) : {}
    const flags = readItemFlags(parsed, view.type)
    const secrets = await gatherSecrets(flags, inputs)
    const patch = buildPatch(view, doc, flags, secrets)
    // The revision read above: an edit made meanwhile by the desktop app is not overwritten (REVISION_CONFLICT).
    return { view: service.updateItem(view.id, patch, view.revision), generated: secrets.generated }
  })
  out.raw(result.view.id)
  out.notice(`Updated ${result.view.type} "${displayText(result.view.title)}" (revision ${result.view.revision}).`)
  reportGenerated(out, result.view, result.generated)
}

function nothingToChange(parsed: Parsed) {
  return usageError('Nothing to change: give at least one field option, or --json.', parsed.command)
}
