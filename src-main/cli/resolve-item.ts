/**
 * ITEM on the command line: an item id, a unique id prefix of at least 6
 * characters, or an exact title (case-insensitive). A title shared by an
 * item in the trash and one outside it is settled by where the command looks
 * (restore looks in the trash, everything else outside it), so a trashed
 * copy never makes `vault get GitHub password` ambiguous.
 */
import type { ItemSummary } from '../../src-shared/domain/item.ts'
import { VaultError } from '../../src-shared/errors.ts'
import type { VaultService } from '../vault/index.ts'
import { displayText } from './output.ts'

export const MIN_ID_PREFIX = 6
const MAX_LISTED = 10

export type Preference = 'active' | 'trash'

export function resolveItem(service: VaultService, reference: string, prefer: Preference = 'active'): ItemSummary {
  const active = service.listItems({ trash: false })
  const trashed = service.listItems({ trash: true })
  const all = [...active, ...trashed]
  const exact = all.find((item) => item.id === reference)
  if (exact !== undefined) return exact
  const byPrefix = reference.length >= MIN_ID_PREFIX ? all.filter((item) => item.id.startsWith(reference)) : []
  const wanted = reference.trim().toLocaleLowerCase()
  const titled = (items: ItemSummary[]) => items.filter((item) => item.title.toLocaleLowerCase() === wanted)
  const preferred = titled(prefer === 'active' ? active : trashed)
  const byTitle = preferred.length > 0 ? preferred : titled(all)
  const matches = unique([...byPrefix, ...byTitle])
  if (matches.length === 1) return matches[0] as ItemSummary
  if (matches.length === 0) {
    throw new VaultError('ITEM_NOT_FOUND', `No item has the id, id prefix or title "${displayText(reference)}".`)
  }
  throw ambiguous(reference, matches)
}

function unique(items: ItemSummary[]): ItemSummary[] {
  return [...new Map(items.map((item) => [item.id, item])).values()]
}

function ambiguous(reference: string, matches: ItemSummary[]): VaultError {
  const listed = matches
    .slice(0, MAX_LISTED)
    .map((item) => `  ${item.id}  ${displayText(item.title)}${item.trashedAt !== null ? ' (in the trash)' : ''}`)
  const more = matches.length > MAX_LISTED ? [`  … and ${matches.length - MAX_LISTED} more`] : []
  return new VaultError(
    'ITEM_AMBIGUOUS',
    `"${displayText(reference)}" matches ${matches.length} items; use an id (or a longer id prefix):\n` +
      [...listed, ...more].join('\n'),
  )
}
