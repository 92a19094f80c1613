import { useMemo } from 'react'
import { defaultVaultClient, type VaultClient } from './api/vault-client.ts'
import { AppShell } from './app/AppShell.tsx'

export interface AppProps {
  /** Tests may pass their own; the app uses the preload's window.vault. */
  readonly client?: VaultClient
}

/** The whole window. See app/AppShell.tsx for the screens and app/session.ts for what the vault workspace gets. */
export function App({ client }: AppProps) {
  const vault = useMemo(() => client ?? defaultVaultClient(), [client])
  return <AppShell client={vault} />
}
