/** Listing, reading and changing items. Every list and view is secret-free; revealField is the one way out. */
import { ITEM_TYPES, type ItemSummary, type ItemType } from '../../../src-shared/domain/item.ts'
import type { ItemFacets } from '../../../src-shared/ipc/views.ts'
import { generateSshKey } from '../../items/index.ts'
import type { VaultService } from '../../vault/index.ts'
import type { HandlersFor } from '../dispatcher.ts'
import type { HandlerDeps } from './deps.ts'

type ItemMethod =
  | 'listItems'
  | 'getFacets'
  | 'getItem'
  | 'revealField'
  | 'createItem'
  | 'updateItem'
  | 'trashItem'
  | 'restoreItem'
  | 'emptyTrash'
  | 'itemHistory'
  | 'restoreRevision'

/** What one list call returns when the window does not say: a screenful and then some. */
const DEFAULT_LIST_LIMIT = 200

export function itemHandlers({ vault, sync }: HandlerDeps): HandlersFor<ItemMethod> {
  return {
    listItems: ({ filter, limit }) => {
      const items = vault.listItems(filter)
      const conflicted = sync.conflictedItems()
      const page = items.slice(0, limit ?? DEFAULT_LIST_LIMIT)
      return {
        items: conflicted.size === 0 ? page : page.map((item) => flagged(item, conflicted)),
        total: items.length,
      }
    },
    getFacets: () => facetsOf(vault),
    getItem: ({ id, revision }) => flagged(vault.getItem(id, revision), sync.conflictedItems()),
    revealField: ({ id, field, revision }) => ({ value: vault.revealField(id, field, revision) }),
    createItem: ({ draft, generateSshKey: generate }) => {
      if (generate !== true || draft.type !== 'sshKey') return vault.createItem(draft)
      const key = generateSshKey({ comment: draft.title })
      return vault.createItem({ ...draft, fields: { ...draft.fields, privateKey: key.privateKey } })
    },
    updateItem: ({ id, patch, expectedRevision }) => vault.updateItem(id, patch, expectedRevision),
    trashItem: ({ id }) => vault.trashItem(id),
    restoreItem: ({ id }) => vault.restoreItem(id),
    emptyTrash: () => ({ removed: vault.emptyTrash() }),
    itemHistory: ({ id }) => ({ revisions: vault.itemHistory(id) }),
    restoreRevision: ({ id, revision }) => vault.restoreRevision(id, revision),
  }
}

/** Adds the sync-clash flag to a summary or view whose item has one. */
function flagged<T extends { readonly id: string }>(item: T, conflicted: ReadonlySet<string>): T {
  return conflicted.has(item.id) ? { ...item, syncConflict: true } : item
}

/** Counts for the sidebar: one pass over the summaries, which the index already holds in memory. */
function facetsOf(vault: VaultService): ItemFacets {
  const active = vault.listItems({})
  const types = Object.fromEntries(ITEM_TYPES.map((type) => [type, 0])) as Record<ItemType, number>
  const tags = new Map<string, number>()
  let favorites = 0
  for (const item of active) {
    types[item.type] += 1
    if (item.favorite) favorites += 1
    countTags(tags, item)
  }
  return {
    all: active.length,
    favorites,
    trash: vault.listItems({ trash: true }).length,
    types,
    tags: [...tags].map(([name, count]) => ({ name, count })).sort((a, b) => a.name.localeCompare(b.name)),
  }
}

function countTags(tags: Map<string, number>, item: ItemSummary): void {
  for (const tag of item.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1)
}
