/**
 * Calls onSynced each time a sync finishes (its time moves on), so the
 * lists and counts reload with what it brought down. Main's 'syncChanged'
 * does not say whether items came down, and reloading from the local file
 * is cheap, so any finished sync counts. Nothing happens without a
 * SyncProvider above (a pane rendered on its own).
 */
import { useEffect, useRef } from 'react'
import { useOptionalSync } from './sync-context.ts'

export function useSyncPulls(onSynced: () => void): void {
  const lastSyncAt = useOptionalSync()?.status?.lastSyncAt
  // undefined: no status seen yet, so the first one read is the baseline, not news.
  const seen = useRef<number | null | undefined>(undefined)
  useEffect(() => {
    if (lastSyncAt === undefined) return
    const before = seen.current
    seen.current = lastSyncAt
    if (before !== undefined && lastSyncAt !== before) onSynced()
  }, [lastSyncAt, onSynced])
}
