/** The sidebar's counts. */
import type { ItemFacets } from '@shared/ipc/views.ts'
import { useVaultClient } from '../../../api/use-vault-client.ts'
import { type Loaded, useLatestCall } from './use-latest-call.ts'

export function useFacets(version: number): Loaded<ItemFacets> {
  const client = useVaultClient()
  return useLatestCall(String(version), async () => {
    const result = await client.getFacets()
    return result.ok ? { ok: true, data: result.data } : { ok: false, message: result.error.message }
  })
}
