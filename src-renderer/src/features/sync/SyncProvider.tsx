import type { ReactNode } from 'react'
import { SyncContext, useOptionalSync } from './sync-context.ts'
import { useSyncSource } from './use-sync-source.ts'

/** Holds the window's sync state for everything below it (see sync-context.ts). */
export function SyncProvider({ children }: { readonly children: ReactNode }) {
  const control = useSyncSource()
  return <SyncContext.Provider value={control}>{children}</SyncContext.Provider>
}

/** Uses the provider above when there is one, and mounts its own otherwise. */
export function WithSync({ children }: { readonly children: ReactNode }) {
  const outer = useOptionalSync()
  return outer === null ? <SyncProvider>{children}</SyncProvider> : children
}
