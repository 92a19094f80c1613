import type { Res } from '@shared/ipc/contract.ts'
import type { IpcFailure } from '@shared/ipc/result.ts'
import { useEffect, useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'

type AppInfoState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly info: Res<'getAppInfo'> }
  | { readonly kind: 'failed'; readonly error: IpcFailure }

const MiB = 1024 * 1024

/** The build's name, version and crypto parameters, as main reports them. */
export function AppInfo() {
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

  if (state.kind === 'loading') return <p className="app-info muted">Loading…</p>
  if (state.kind === 'failed') return <p className="app-info error">{state.error.message}</p>
  const { name, version, cryptoFormatVersion, kdfFloor } = state.info
  return (
    <dl className="app-info" aria-label="About this app">
      <dt>Version</dt>
      <dd data-testid="app-version">
        {name} {version}
      </dd>
      <dt>Crypto format</dt>
      <dd data-testid="crypto-format">v{cryptoFormatVersion}</dd>
      <dt>Minimum key derivation</dt>
      <dd data-testid="kdf-floor">
        Argon2id, {kdfFloor.memlimitBytes / MiB} MiB, {kdfFloor.opslimit} passes
      </dd>
    </dl>
  )
}
