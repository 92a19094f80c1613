/** `vault show` (one item, secrets masked unless --reveal) and `vault get` (one field's value, for scripts). */
import { CUSTOM_FIELD_PREFIX, type ItemView } from '../../../src-shared/domain/item.ts'
import { VaultError } from '../../../src-shared/errors.ts'
import type { VaultService } from '../../vault/index.ts'
import { flag, integerOption, type Parsed, positionals } from '../args.ts'
import { type Command, type CommandContext, GLOBAL_HELP, JSON_OPTION } from '../command.ts'
import { itemDetails } from '../format-item.ts'
import { canonicalField, typeFieldNames } from '../item-fields.ts'
import { displayText } from '../output.ts'
import { resolveItem } from '../resolve-item.ts'
import { withUnlockedVault } from '../session.ts'

const REVISION_OPTION = { revision: { type: 'string' } } as const
const ITEM_HELP = 'ITEM is an item id, a unique id prefix (6 characters or more) or an exact title.'

export const show: Command = {
  name: 'show',
  summary: 'show one item, secrets masked unless --reveal',
  options: { ...REVISION_OPTION, ...JSON_OPTION, reveal: { type: 'boolean' } },
  help: `Usage: vault show ITEM [--revision N] [--reveal] [--json]

Shows an item's fields. Secrets (passwords, TOTP seeds, card numbers, security codes, PINs,
private keys, passphrases, credentials, hidden custom fields) are masked unless --reveal is given.
${ITEM_HELP}

Options:
  --revision N   an earlier revision (see \`vault history ITEM\`)
  --reveal       print the secrets too
  --json         print the item as JSON; with --reveal, its secrets under "secrets"

${GLOBAL_HELP}

Examples:
  vault show GitHub
  vault show 3f2a9c --reveal --json`,
  run: showItem,
}

export const get: Command = {
  name: 'get',
  summary: "print one field's value (a secret too), for scripts",
  options: { ...REVISION_OPTION },
  help: `Usage: vault get ITEM FIELD [--revision N]

Prints one field's value and a newline on stdout, and nothing else: for scripts.
FIELD is a field of the item's type (username, password, totp, number, securityCode, pin,
privateKey, passphrase, credential, email, …), title, notes, tags, urls, or custom:ID (or
custom:LABEL) for a custom field. \`vault show ITEM\` lists an item's fields.
${ITEM_HELP}

Options:
  --revision N   read the field from an earlier revision

${GLOBAL_HELP}

Examples:
  vault get GitHub password
  PGPASSWORD=$(vault get "Prod database" password) psql …`,
  run: getField,
}

function revisionOf(parsed: Parsed): number | undefined {
  return integerOption(parsed, 'revision', { min: 1, max: Number.MAX_SAFE_INTEGER })
}

async function showItem(context: CommandContext): Promise<void> {
  const { parsed, out } = context
  const [reference] = positionals(parsed, ['ITEM']) as [string]
  const revision = revisionOf(parsed)
  const reveal = flag(parsed, 'reveal')
  const { view, revealed } = await withUnlockedVault(context.location, context.inputs, (service) => {
    const view = service.getItem(resolveItem(service, reference).id, revision)
    if (!reveal) return { view, revealed: null }
    const values = view.secretFields.map((name) => [name, service.revealField(view.id, name, revision)] as const)
    return { view, revealed: new Map(values) }
  })
  if (flag(parsed, 'json')) return out.json(revealed ? { ...view, secrets: Object.fromEntries(revealed) } : view)
  for (const line of itemDetails(view, revealed)) out.line(line)
}

async function getField(context: CommandContext): Promise<void> {
  const [reference, field] = positionals(context.parsed, ['ITEM', 'FIELD']) as [string, string]
  const revision = revisionOf(context.parsed)
  const value = await withUnlockedVault(context.location, context.inputs, (service) => {
    const view = service.getItem(resolveItem(service, reference).id, revision)
    return fieldValue(service, view, field, revision)
  })
  context.out.raw(value)
}

/** Item-wide facts come from the view; a type field or custom field is revealed by the service. */
function fieldValue(service: VaultService, view: ItemView, field: string, revision: number | undefined): string {
  const facts: Record<string, string> = {
    title: view.title,
    notes: view.notes,
    tags: view.tags.join('\n'),
    id: view.id,
    type: view.type,
  }
  const fact = facts[field.toLowerCase()]
  if (fact !== undefined) return fact
  const urls = view.fields.urls
  if (field.toLowerCase() === 'urls' && Array.isArray(urls)) return urls.join('\n')
  if (field.startsWith(CUSTOM_FIELD_PREFIX)) {
    return service.revealField(view.id, CUSTOM_FIELD_PREFIX + customFieldId(view, field), revision)
  }
  const name = canonicalField(view.type, field)
  if (name === undefined) throw noSuchField(view, field)
  return service.revealField(view.id, name, revision)
}

/** custom:ID, or custom:LABEL when no field has that id. */
function customFieldId(view: ItemView, field: string): string {
  const wanted = field.slice(CUSTOM_FIELD_PREFIX.length)
  const byId = view.customFields.find((custom) => custom.id === wanted)
  const byLabel = view.customFields.filter((custom) => custom.label.toLowerCase() === wanted.toLowerCase())
  const found = byId ?? (byLabel.length === 1 ? byLabel[0] : undefined)
  if (found === undefined) throw noSuchField(view, field)
  return found.id
}

function noSuchField(view: ItemView, field: string): VaultError {
  const names = [
    'title',
    ...typeFieldNames(view.type),
    'notes',
    'tags',
    ...view.customFields.map((custom) => CUSTOM_FIELD_PREFIX + custom.id),
  ]
  return new VaultError(
    'FIELD_NOT_FOUND',
    `This ${view.type} item has no field "${displayText(field.slice(0, 60))}". Its fields: ${names.join(', ')}.`,
  )
}
