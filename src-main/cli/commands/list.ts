/** `vault list` and `vault search`: summaries only, never a secret or a note. */
import type { ItemFilter } from '../../../src-shared/domain/item.ts'
import { flag, type Parsed, positionals, stringOption } from '../args.ts'
import { type Command, type CommandContext, GLOBAL_HELP, JSON_OPTION } from '../command.ts'
import { itemTable } from '../format.ts'
import { parseItemType } from '../item-fields.ts'
import { withUnlockedVault } from '../session.ts'

const FILTER_OPTIONS = {
  type: { type: 'string' },
  tag: { type: 'string' },
  favorites: { type: 'boolean' },
  trash: { type: 'boolean' },
  ...JSON_OPTION,
} as const

const FILTER_HELP = `Options:
  --type TYPE      only items of this type: login, note, card, identity, sshKey, apiCredential
  --tag TAG        only items with this tag
  --favorites      only favorites
  --trash          the items in the trash instead of the others
  --json           print a JSON array of item summaries (no secrets, no notes)

${GLOBAL_HELP}`

export const list: Command = {
  name: 'list',
  summary: 'list items (no secrets)',
  options: FILTER_OPTIONS,
  help: `Usage: vault list [--type TYPE] [--tag TAG] [--favorites] [--trash] [--json]

Lists items by title, with a short id that any other command accepts as ITEM.

${FILTER_HELP}

Examples:
  vault list --type login --tag work
  vault list --json | jq -r '.[].title'`,
  run: (context) => {
    positionals(context.parsed, [])
    return listMatching(context, undefined)
  },
}

export const search: Command = {
  name: 'search',
  summary: 'find items whose titles, usernames, URLs, tags or notes contain the words',
  options: FILTER_OPTIONS,
  help: `Usage: vault search QUERY [--type TYPE] [--tag TAG] [--favorites] [--trash] [--json]

Finds the items in which every word of QUERY appears (case-insensitive) in the title, a
non-secret field (username, URL, name…), a tag, the notes or a visible custom field.
Secrets are never searched.

${FILTER_HELP}

Example:
  vault search "github ada"`,
  run: (context) => {
    const [query] = positionals(context.parsed, ['QUERY'])
    return listMatching(context, query)
  },
}

function filterOf(parsed: Parsed, query: string | undefined): ItemFilter {
  const type = stringOption(parsed, 'type')
  const tag = stringOption(parsed, 'tag')
  return {
    ...(query !== undefined ? { query } : {}),
    ...(type !== undefined ? { type: parseItemType(type, parsed.command) } : {}),
    ...(tag !== undefined ? { tag } : {}),
    ...(flag(parsed, 'favorites') ? { favorite: true } : {}),
    trash: flag(parsed, 'trash'),
  }
}

async function listMatching(context: CommandContext, query: string | undefined): Promise<void> {
  const { parsed, out } = context
  const filter = filterOf(parsed, query)
  const items = await withUnlockedVault(context.location, context.inputs, (service) => service.listItems(filter))
  if (flag(parsed, 'json')) return out.json(items)
  if (items.length === 0) return out.notice(query === undefined ? 'No items.' : 'No items match.')
  for (const line of itemTable(items)) out.line(line)
}
