import { createContext, useContext } from 'react'
import type { VaultClient } from './vault-client.ts'

/** Provided once by App; components read it instead of touching window.vault. */
export const VaultClientContext = createContext<VaultClient | null>(null)

export function useVaultClient(): VaultClient {
  const client = useContext(VaultClientContext)
  if (client === null) throw new Error('useVaultClient() needs a VaultClientContext provider')
  return client
}
