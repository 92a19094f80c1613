import type { Res } from '@shared/ipc/contract.ts'
import type { IpcFailure } from '@shared/ipc/result.ts'
import { useEffect, useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'

export type AppInfoState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly info: Res<'getAppInfo'> }
  | { readonly kind: 'failed'; readonly error: IpcFailure }

/** The build's name, version and crypto parameters, as main reports them. */
export function useAppInfo(): AppInfoState {
  const client = useVaultClient()
  const [state, setState] = useState<AppInfoState>({ kind: 'loading' })
  useEffect(() => {
    let current = true
    void client.getAppInfo().then((result) => {
      if (!current) return
      setState(result.ok ? { kind: 'loaded', info: result.data } : { kind: 'failed', error: result.error })
    })
    return () => {
      current = false
    }
  }, [client])
  return state
}
