import type { SecurityStatusView } from '@shared/ipc/views.ts'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'

export interface SecurityStatusControl {
  /** null until main answers. */
  readonly status: SecurityStatusView | null
  readonly loadError: string | null
  /** Asks again: after a change, a saved kit, or a change left waiting for the server. */
  readonly reload: () => void
}

export function useSecurityStatus(): SecurityStatusControl {
  const client = useVaultClient()
  const [status, setStatus] = useState<SecurityStatusView | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  // Only the newest answer counts, and none after the panel closed.
  const latest = useRef(0)

  const reload = useCallback(() => {
    const asked = ++latest.current
    void client.getSecurityStatus().then((result) => {
      if (asked !== latest.current) return
      if (result.ok) setStatus(result.data)
      setLoadError(result.ok ? null : result.error.message)
    })
  }, [client])

  useEffect(() => {
    reload()
    return () => {
      latest.current += 1
    }
  }, [reload])

  return { status, loadError, reload }
}
