import type { DeviceView } from '@shared/ipc/views.ts'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useVaultClient } from '../../../api/use-vault-client.ts'
import { useSync } from '../sync-context.ts'

export interface DevicesControl {
  /** null until main answers. */
  readonly devices: readonly DeviceView[] | null
  readonly error: string | null
  /** Signs another device out of sync; false (with the error set) when main refuses. */
  readonly revoke: (deviceId: string) => Promise<boolean>
}

/** Codes after which the status has changed too (signed out, paused, stopped): the section should show it. */
const STATUS_CODES = new Set(['SYNC_SESSION_EXPIRED', 'SYNC_DEVICE_REVOKED', 'SYNC_UNREACHABLE', 'SYNC_HALTED'])

/** The account's devices, from the server; reloaded after each sync this window sees and after a revoke. */
export function useDevices(): DevicesControl {
  const client = useVaultClient()
  const sync = useSync()
  const { refresh } = sync
  const [devices, setDevices] = useState<readonly DeviceView[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const ticket = useRef(0)

  const load = useCallback(async () => {
    const mine = ++ticket.current
    const result = await client.listDevices()
    if (mine !== ticket.current) return
    if (result.ok) setDevices(result.data.devices)
    setError(result.ok ? null : result.error.message)
    if (!result.ok && STATUS_CODES.has(result.error.code)) void refresh()
  }, [client, refresh])

  // A finished sync may have touched "last seen"; reload then, and when first shown.
  const lastSyncAt = sync.status?.lastSyncAt
  // biome-ignore lint/correctness/useExhaustiveDependencies: lastSyncAt is the reload trigger.
  useEffect(() => {
    void load()
    return () => void ++ticket.current
  }, [load, lastSyncAt])

  const revoke = async (deviceId: string): Promise<boolean> => {
    const result = await client.revokeDevice({ deviceId })
    if (!result.ok) setError(result.error.message)
    await load()
    return result.ok
  }
  return { devices, error, revoke }
}
