/** `vault delete` (to the trash), `vault restore` (from it) and `vault empty-trash` (the only real deletion). */
import { flag, positionals } from '../args.ts'
import { CliError, usageError } from '../cli-error.ts'
import { type Command, type CommandContext, GLOBAL_HELP } from '../command.ts'
import { displayText } from '../output.ts'
import { type Preference, resolveItem } from '../resolve-item.ts'
import { withUnlockedVault } from '../session.ts'

const ITEM_HELP = 'ITEM is an item id, a unique id prefix (6 characters or more) or an exact title.'

export const remove: Command = {
  name: 'delete',
  summary: 'move an item to the trash',
  options: {},
  help: `Usage: vault delete ITEM

Moves the item to the trash, from which \`vault restore ITEM\` brings it back. Only
\`vault empty-trash\` deletes for good.
${ITEM_HELP}

${GLOBAL_HELP}`,
  run: (context) => setTrashed(context, true),
}

export const restore: Command = {
  name: 'restore',
  summary: 'bring an item back from the trash',
  options: {},
  help: `Usage: vault restore ITEM

Takes the item out of the trash. A title is looked up in the trash first.
${ITEM_HELP}

${GLOBAL_HELP}`,
  run: (context) => setTrashed(context, false),
}

export const emptyTrash: Command = {
  name: 'empty-trash',
  summary: 'delete the items in the trash for good',
  options: { yes: { type: 'boolean', short: 'y' } },
  help: `Usage: vault empty-trash [--yes]

Deletes every item in the trash, with its history. This cannot be undone. Asks for confirmation
on a terminal; scripts must pass --yes.

Options:
  -y, --yes    do not ask

${GLOBAL_HELP}`,
  run: emptyTheTrash,
}

async function setTrashed(context: CommandContext, trashed: boolean): Promise<void> {
  const [reference] = positionals(context.parsed, ['ITEM']) as [string]
  const prefer: Preference = trashed ? 'active' : 'trash'
  const view = await withUnlockedVault(context.location, context.inputs, (service) => {
    const { id } = resolveItem(service, reference, prefer)
    return trashed ? service.trashItem(id) : service.restoreItem(id)
  })
  const title = displayText(view.title)
  context.out.notice(trashed ? `Moved "${title}" to the trash.` : `Restored "${title}" from the trash.`)
}

async function emptyTheTrash(context: CommandContext): Promise<void> {
  const { parsed, inputs, out } = context
  positionals(parsed, [])
  const confirmed = flag(parsed, 'yes')
  if (!confirmed && !inputs.interactive) {
    throw usageError('stdin is not a terminal to confirm on: pass --yes to empty the trash.', parsed.command)
  }
  const count = await withUnlockedVault(context.location, inputs, async (service) => {
    const trashed = service.listItems({ trash: true }).length
    if (trashed === 0) return 0
    if (!confirmed) {
      const answer = await inputs.confirm(`Delete ${trashed} item(s) and their history for good?`)
      if (answer !== true) throw new CliError('CANCELLED', 'Nothing was deleted.')
    }
    return service.emptyTrash()
  })
  out.notice(count === 0 ? 'The trash is already empty.' : `Deleted ${count} item(s) for good.`)
}
