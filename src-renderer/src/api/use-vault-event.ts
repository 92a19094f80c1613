import type { VaultEvent } from '@shared/ipc/events.ts'
import { useEffect, useRef } from 'react'
import { useVaultClient } from './use-vault-client.ts'

/** Calls listener for each of main's events while the component is mounted. */
export function useVaultEvent(listener: (event: VaultEvent) => void): void {
  const client = useVaultClient()
  const latest = useRef(listener)
  latest.current = listener
  useEffect(() => client.onEvent((event) => latest.current(event)), [client])
}
