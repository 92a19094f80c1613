import { useMemo } from 'react'
import { VaultClientContext } from './api/use-vault-client.ts'
import { defaultVaultClient, type VaultClient } from './api/vault-client.ts'
import { AppInfo } from './features/app-info/AppInfo.tsx'
import { SecretKeyCheck } from './features/secret-key-check/SecretKeyCheck.tsx'

export interface AppProps {
  /** Tests may pass their own; the app uses the preload's window.vault. */
  readonly client?: VaultClient
}

export function App({ client }: AppProps) {
  const vault = useMemo(() => client ?? defaultVaultClient(), [client])
  return (
    <VaultClientContext.Provider value={vault}>
      <main className="app">
        <header className="app-header">
          <h1>Vault</h1>
          <AppInfo />
        </header>
        <SecretKeyCheck />
      </main>
    </VaultClientContext.Provider>
  )
}
