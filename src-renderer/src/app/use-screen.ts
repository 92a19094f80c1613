import type { LockReason } from '@shared/ipc/events.ts'
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react'
import type { VaultClient } from '../api/vault-client.ts'
import { INITIAL_SCREEN, type LockNotice, nextScreen, type Screen } from './app-state.ts'
import { lockAwareClient } from './lock-aware-client.ts'

export interface ScreenControl {
  readonly screen: Screen
  /** The client every screen uses: a VAULT_LOCKED answer anywhere shows the lock screen. */
  readonly client: VaultClient
  /** Asks main for the vault's state and shows the matching screen. */
  readonly refresh: () => Promise<void>
  /** The vault locked (main's event, or a VAULT_LOCKED answer): show the lock screen now. */
  readonly locked: (notice: LockNotice) => void
  /** The user locks: main first, then the lock screen even if main could not be reached. */
  readonly lock: () => Promise<void>
}

/** The shell's state machine (app-state.ts) wired to main: status on start, lock events, refreshes. */
export function useScreen(base: VaultClient): ScreenControl {
  const [screen, dispatch] = useReducer(nextScreen, INITIAL_SCREEN)
  const current = useRef(screen)
  current.current = screen
  // Counts locks, so a status answer that left main before a lock cannot reopen the workspace after it.
  const lockCount = useRef(0)
  const refreshRef = useRef<() => Promise<void>>(async () => undefined)

  const locked = useCallback((notice: LockNotice) => {
    lockCount.current += 1
    const wasUnlocked = current.current.kind === 'unlocked'
    dispatch({ type: 'locked', notice })
    // Learn whether this device still has the Secret Key (the lock screen may need to ask for it).
    if (wasUnlocked) void refreshRef.current()
  }, [])

  const client = useMemo(() => lockAwareClient(base, () => locked('expired')), [base, locked])

  const refresh = useCallback(async () => {
    const locksBefore = lockCount.current
    const result = await client.getStatus()
    if (!result.ok) return dispatch({ type: 'unreachable', message: result.error.message })
    if (result.data.state === 'unlocked' && lockCount.current !== locksBefore) return
    dispatch({ type: 'status', status: result.data })
  }, [client])
  refreshRef.current = refresh

  const lock = useCallback(async () => {
    await client.lock()
    locked('user' satisfies LockReason)
  }, [client, locked])

  useEffect(() => {
    void refresh()
  }, [refresh])

  return { screen, client, refresh, locked, lock }
}
