import { useEffect } from 'react'
import type { VaultClient } from '../api/vault-client.ts'

/** At most one noteActivity call per this period: the idle timer in main counts in minutes. */
export const ACTIVITY_REPORT_INTERVAL_MS = 30_000

/**
 * While enabled, tells main the user is active (keys and pointer presses),
 * so main's idle timer restarts. Throttled with a trailing call: activity in
 * the middle of a period is reported at its end, so main never thinks the
 * user left earlier than they did by more than one period.
 */
export function useActivityReporter(client: VaultClient, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return
    let lastSent = Number.NEGATIVE_INFINITY
    let trailing: ReturnType<typeof setTimeout> | undefined
    const send = () => {
      lastSent = Date.now()
      trailing = undefined
      void client.noteActivity()
    }
    const onActivity = () => {
      const wait = lastSent + ACTIVITY_REPORT_INTERVAL_MS - Date.now()
      if (wait <= 0) send()
      else trailing ??= setTimeout(send, wait)
    }
    window.addEventListener('keydown', onActivity, true)
    window.addEventListener('pointerdown', onActivity, true)
    return () => {
      window.removeEventListener('keydown', onActivity, true)
      window.removeEventListener('pointerdown', onActivity, true)
      clearTimeout(trailing)
    }
  }, [client, enabled])
}
