/** An item's saved versions, newest first. */

import { useVaultClient } from '../../../api/use-vault-client.ts'
import { type Loaded, useLatestCall } from '../api/use-latest-call.ts'
import type { ItemRevisionInfo } from '../model/types.ts'

export function useHistory(id: string, version: number): Loaded<readonly ItemRevisionInfo[]> {
  const client = useVaultClient()
  return useLatestCall(`${id}:${version}`, async () => {
    const result = await client.itemHistory({ id })
    if (!result.ok) return { ok: false, message: result.error.message }
    return { ok: true, data: [...result.data.revisions].sort((a, b) => b.revision - a.revision) }
  })
}
