import { useEffect, useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'
import type { LockNotice as Notice } from '../../app/app-state.ts'
import { formatDuration } from '../../app/format-duration.ts'
import { Banner } from '../../ui/index.ts'

/** Why the vault locked, in the words the lock screen shows; none when the user locked it. */
export function lockNoticeText(notice: Notice, autoLockMs: number | null): string | null {
  switch (notice) {
    case 'idle':
      return autoLockMs !== null && autoLockMs > 0
        ? `Locked after ${formatDuration(autoLockMs)} of inactivity.`
        : 'Locked after a period of inactivity.'
    case 'suspend':
      return 'Locked because the computer went to sleep.'
    case 'screen-lock':
      return 'Locked because the screen was locked.'
    case 'expired':
      return 'The vault was locked. Unlock it to carry on.'
    case 'user':
      return null
  }
}

/** The idle delay in force, for "Locked after 10 minutes of inactivity": 'pending' until main answers, null if it cannot. */
function useAutoLockMs(wanted: boolean): number | null | 'pending' {
  const client = useVaultClient()
  const [delay, setDelay] = useState<number | null | 'pending'>('pending')
  useEffect(() => {
    if (!wanted) return
    let current = true
    void client.getSettings().then((result) => {
      if (current) setDelay(result.ok ? result.data.autoLockMs : null)
    })
    return () => {
      current = false
    }
  }, [client, wanted])
  return delay
}

export function LockNotice({ notice }: { readonly notice: Notice }) {
  const autoLockMs = useAutoLockMs(notice === 'idle')
  // Wait the few ms for the delay rather than show one sentence and then another.
  if (notice === 'idle' && autoLockMs === 'pending') return null
  const text = lockNoticeText(notice, autoLockMs === 'pending' ? null : autoLockMs)
  if (text === null) return null
  return (
    <Banner tone="info" live="status" testId="lock-notice">
      {text}
    </Banner>
  )
}
