/** The list pane's data: summaries matching the filter, and how many there are in all. */
import type { ItemFilter } from '@shared/domain/item.ts'
import { useVaultClient } from '../../../api/use-vault-client.ts'
import type { ItemSummary } from '../model/types.ts'
import { type Loaded, useLatestCall } from './use-latest-call.ts'

export interface ItemPage {
  readonly items: readonly ItemSummary[]
  readonly total: number
}

/** `version` changes after every edit anywhere, so the list asks again. */
export function useItemList(filter: ItemFilter, limit: number, version: number): Loaded<ItemPage> {
  const client = useVaultClient()
  const key = JSON.stringify([filter, limit, version])
  return useLatestCall(key, async () => {
    const result = await client.listItems({ filter: { ...filter }, limit })
    return result.ok ? { ok: true, data: result.data } : { ok: false, message: result.error.message }
  })
}
