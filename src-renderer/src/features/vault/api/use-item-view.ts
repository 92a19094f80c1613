/** One item as the detail pane shows it: a view without secret values. */
import type { ItemView } from '@shared/domain/item.ts'
import type { IpcFailure } from '@shared/ipc/result.ts'
import { useEffect, useState } from 'react'
import { useVaultClient } from '../../../api/use-vault-client.ts'

export type ItemViewState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly view: ItemView }
  | { readonly kind: 'failed'; readonly error: IpcFailure }

/** Reloads when the id, the revision asked for, or `version` (any change in the vault) changes. */
export function useItemView(id: string, revision: number | undefined, version: number): ItemViewState {
  const client = useVaultClient()
  const [state, setState] = useState<ItemViewState>({ kind: 'loading' })
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the reload trigger (the vault changed).
  useEffect(() => {
    let current = true
    const request = revision === undefined ? { id } : { id, revision }
    void client.getItem(request).then((result) => {
      if (!current) return
      setState(result.ok ? { kind: 'loaded', view: result.data } : { kind: 'failed', error: result.error })
    })
    return () => {
      current = false
    }
  }, [client, id, revision, version])
  return state
}
