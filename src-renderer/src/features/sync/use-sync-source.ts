import type { Req } from '@shared/ipc/contract.ts'
import type { IpcResult } from '@shared/ipc/result.ts'
import type { SyncReportView, SyncStatusView } from '@shared/ipc/views.ts'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'
import { useVaultEvent } from '../../api/use-vault-event.ts'
import type { VaultClient } from '../../api/vault-client.ts'
import type { SyncControl } from './sync-context.ts'

/** The window's sync state and what it can do: see sync-context.ts. */
export function useSyncSource(): SyncControl {
  const client = useVaultClient()
  const { status, loadError, refresh } = useSyncStatus(client)
  // A count, not a flag: the sidebar and the settings may each have a sync on its way.
  const [runs, setRuns] = useState(0)
  const [report, setReport] = useState<SyncReportView | null>(null)

  // Main emits 'syncChanged' only for the syncs it starts itself, so after the window's own calls it asks again.
  const reporting = useCallback(
    async (call: () => Promise<IpcResult<SyncReportView>>) => {
      setRuns((count) => count + 1)
      const result = await call()
      setRuns((count) => count - 1)
      if (result.ok) setReport(result.data)
      await refresh()
      return result
    },
    [refresh],
  )

  return useMemo<SyncControl>(
    () => ({
      status,
      loadError,
      running: runs > 0,
      report,
      refresh,
      syncNow: (password) => reporting(() => client.syncNow(password === undefined ? {} : { password })),
      recheck: () => reporting(() => client.recheckSync()),
      enable: (request: Req<'enableSync'>) => reporting(() => client.enableSync(request)),
      disable: async () => {
        const result = await client.disableSync()
        if (result.ok) setReport(null)
        await refresh()
        return result
      },
    }),
    [client, status, loadError, runs, report, refresh, reporting],
  )
}

/** Main's sync status: read on mount, again on 'syncChanged' (main's own syncs), and on refresh(). */
function useSyncStatus(client: VaultClient) {
  const [status, setStatus] = useState<SyncStatusView | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  // Only the newest answer counts: an older status must not overwrite a newer one.
  const ticket = useRef(0)

  const refresh = useCallback(async () => {
    const mine = ++ticket.current
    const result = await client.getSyncStatus()
    if (mine !== ticket.current) return
    if (result.ok) setStatus(result.data)
    setLoadError(result.ok ? null : result.error.message)
  }, [client])

  useEffect(() => {
    void refresh()
    // An answer after unmount is dropped.
    return () => void ++ticket.current
  }, [refresh])
  useVaultEvent((event) => {
    if (event.type === 'syncChanged') void refresh()
  })
  return { status, loadError, refresh }
}
