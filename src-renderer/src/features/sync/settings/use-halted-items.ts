import type { ItemFilter } from '@shared/domain/item.ts'
import { LIST_LIMIT_MAX } from '@shared/ipc/limits.ts'
import { useVaultClient } from '../../../api/use-vault-client.ts'
import { useLatestCall } from '../../vault/api/use-latest-call.ts'

/** The most titles a halt names; the rest are counted. */
export const HALTED_TITLES_SHOWN = 8

export interface HaltedItems {
  /** Titles of the items concerned that this device has, in main's order (at most HALTED_TITLES_SHOWN). */
  readonly titles: readonly string[]
  /** The items concerned not named: unknown here (held back by the server, say) or beyond the first few. */
  readonly others: number
}

/**
 * Names the items a halt concerns from the summaries this device already
 * holds (the list and the trash); main sends only their ids. Until the
 * list answers, or if it cannot, they are only counted.
 */
export function useHaltedItems(itemIds: readonly string[]): HaltedItems {
  const client = useVaultClient()
  const ids = [...new Set(itemIds)]
  const titles = useLatestCall(JSON.stringify(ids), async () => {
    if (ids.length === 0) return { ok: true, data: new Map<string, string>() }
    const lists = await Promise.all(
      [{}, { trash: true }].map((filter: ItemFilter) => client.listItems({ filter, limit: LIST_LIMIT_MAX })),
    )
    const known = new Map<string, string>()
    for (const list of lists) {
      if (!list.ok) continue
      for (const item of list.data.items) known.set(item.id, item.title.trim() || 'Untitled item')
    }
    return { ok: true, data: known }
  }).data
  const named = ids.flatMap((id) => {
    const title = titles?.get(id)
    return title === undefined ? [] : [title]
  })
  const shown = named.slice(0, HALTED_TITLES_SHOWN)
  return { titles: shown, others: ids.length - shown.length }
}
