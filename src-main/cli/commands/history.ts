/** `vault history`: an item's revisions, and restoring one of them (as a new revision). */
import { flag, integerOption, positionals } from '../args.ts'
import { type Command, type CommandContext, GLOBAL_HELP, JSON_OPTION } from '../command.ts'
import { historyTable } from '../format.ts'
import { displayText } from '../output.ts'
import { resolveItem } from '../resolve-item.ts'
import { withUnlockedVault } from '../session.ts'

export const history: Command = {
  name: 'history',
  summary: "list an item's revisions, or restore one",
  options: { restore: { type: 'string' }, ...JSON_OPTION },
  help: `Usage: vault history ITEM [--json]
       vault history ITEM --restore N

Every change to an item is kept as a revision. The first form lists them; \`vault show ITEM
--revision N\` shows one. --restore N makes revision N's content current again, as a new
revision, so nothing in the history is lost.
ITEM is an item id, a unique id prefix (6 characters or more) or an exact title.

Options:
  --restore N    restore revision N
  --json         print the revisions as JSON

${GLOBAL_HELP}`,
  run,
}

async function run(context: CommandContext): Promise<void> {
  const { parsed, out } = context
  const [reference] = positionals(parsed, ['ITEM']) as [string]
  const restore = integerOption(parsed, 'restore', { min: 1, max: Number.MAX_SAFE_INTEGER })
  if (restore !== undefined) {
    const view = await withUnlockedVault(context.location, context.inputs, (service) =>
      service.restoreRevision(resolveItem(service, reference).id, restore),
    )
    out.notice(`Restored revision ${restore} of "${displayText(view.title)}" as revision ${view.revision}.`)
    return
  }
  const revisions = await withUnlockedVault(context.location, context.inputs, (service) =>
    service.itemHistory(resolveItem(service, reference).id),
  )
  if (flag(parsed, 'json')) return out.json(revisions)
  for (const line of historyTable(revisions)) out.line(line)
}
