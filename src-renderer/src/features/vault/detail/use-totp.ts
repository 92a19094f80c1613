/**
 * The live one-time code: fetched from main (which holds the seed), counted
 * down locally each second, and fetched again when its period ends.
 */
import type { TotpView } from '@shared/ipc/views.ts'
import { useEffect, useState } from 'react'
import { useVaultClient } from '../../../api/use-vault-client.ts'

export type TotpState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'code'; readonly totp: TotpView; readonly secondsLeft: number }

export function useTotp(id: string, version: number): TotpState {
  const client = useVaultClient()
  const [state, setState] = useState<TotpState>({ kind: 'loading' })

  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the reload trigger (the item may have a new seed).
  useEffect(() => {
    let alive = true
    let expiresAt = 0
    let fetching = false
    let code: TotpView | null = null
    let timer: ReturnType<typeof setInterval> | undefined
    const fetchCode = async () => {
      fetching = true
      const result = await client.getTotp({ id })
      fetching = false
      if (!alive) return
      if (!result.ok) {
        // A broken seed stays broken: stop asking until the item changes.
        clearInterval(timer)
        return setState({ kind: 'failed', message: result.error.message })
      }
      code = result.data
      expiresAt = Date.now() + result.data.secondsLeft * 1000
      setState({ kind: 'code', totp: result.data, secondsLeft: result.data.secondsLeft })
    }
    const tick = () => {
      const secondsLeft = Math.ceil((expiresAt - Date.now()) / 1000)
      if (secondsLeft <= 0 && !fetching) void fetchCode()
      else if (code !== null && secondsLeft > 0) setState({ kind: 'code', totp: code, secondsLeft })
    }
    void fetchCode()
    timer = setInterval(tick, 1000)
    return () => {
      alive = false
      clearInterval(timer)
    }
  }, [client, id, version])
  return state
}
