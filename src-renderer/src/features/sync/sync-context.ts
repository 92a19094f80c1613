/**
 * The sync state the unlocked window shares: the sidebar's status line and
 * the Settings → Sync section read the same status and the same last
 * report, so a sync started in one shows in the other at once.
 *
 *   const sync = useSync()
 *   sync.status            main's SyncStatus, null until it answers
 *   sync.running           a sync this window asked for is under way
 *   sync.report            the last report a sync this window ran returned
 *   await sync.syncNow()   sync now (syncNow({ password }) signs in again first)
 *   await sync.recheck()   after a halt: ask main to check the server again
 *
 * Provided by SyncProvider (the workspace mounts one); WithSync supplies one
 * where none is mounted, so the Settings panel also works on its own.
 */
import type { Req } from '@shared/ipc/contract.ts'
import type { IpcResult } from '@shared/ipc/result.ts'
import type { SyncReportView, SyncStatusView } from '@shared/ipc/views.ts'
import { createContext, useContext } from 'react'

export interface SyncControl {
  readonly status: SyncStatusView | null
  /** Why the status could not be read, in main's words. */
  readonly loadError: string | null
  readonly running: boolean
  readonly report: SyncReportView | null
  readonly refresh: () => Promise<void>
  readonly syncNow: (password?: string) => Promise<IpcResult<SyncReportView>>
  /** After a halt: a report once the server agrees again, SYNC_HALTED while the problem is still there. */
  readonly recheck: () => Promise<IpcResult<SyncReportView>>
  readonly enable: (request: Req<'enableSync'>) => Promise<IpcResult<SyncReportView>>
  readonly disable: () => Promise<IpcResult<null>>
}

export const SyncContext = createContext<SyncControl | null>(null)

export function useSync(): SyncControl {
  const sync = useContext(SyncContext)
  if (sync === null) throw new Error('useSync() needs a SyncProvider (or WithSync) above it')
  return sync
}

/** The shared sync state when a provider is mounted, null otherwise (tests rendering one pane alone). */
export function useOptionalSync(): SyncControl | null {
  return useContext(SyncContext)
}
