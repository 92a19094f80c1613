/** `vault totp`: the current one-time code of a login. */
import { flag, positionals } from '../args.ts'
import { type Command, type CommandContext, GLOBAL_HELP, JSON_OPTION } from '../command.ts'
import { resolveItem } from '../resolve-item.ts'
import { withUnlockedVault } from '../session.ts'

export const totp: Command = {
  name: 'totp',
  summary: "print a login's current one-time code",
  options: { ...JSON_OPTION },
  help: `Usage: vault totp ITEM [--json]

Prints the current one-time code on stdout and how many seconds it stays valid on stderr.
ITEM is an item id, a unique id prefix (6 characters or more) or an exact title.

Options:
  --json    print {"code", "secondsLeft", "period", "digits"}

${GLOBAL_HELP}`,
  run,
}

async function run(context: CommandContext): Promise<void> {
  const { parsed, out } = context
  const [reference] = positionals(parsed, ['ITEM']) as [string]
  const code = await withUnlockedVault(context.location, context.inputs, (service) =>
    service.totp(resolveItem(service, reference).id),
  )
  if (flag(parsed, 'json')) return out.json(code)
  out.raw(code.code)
  out.notice(`Valid for ${code.secondsLeft} more second${code.secondsLeft === 1 ? '' : 's'}.`)
}
