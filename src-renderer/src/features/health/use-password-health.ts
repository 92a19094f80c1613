import type { HealthReportView } from '@shared/ipc/views.ts'
import { useEffect, useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'

export interface PasswordHealth {
  readonly report: HealthReportView | null
  readonly error: string | null
}

/** Main's health report, with the titles of the items it names. */
export function usePasswordHealth(): PasswordHealth {
  const client = useVaultClient()
  const [state, setState] = useState<PasswordHealth>({ report: null, error: null })
  useEffect(() => {
    let current = true
    void (async () => {
      const report = await client.getPasswordHealth()
      if (!current) return
      setState(report.ok ? { report: report.data, error: null } : { report: null, error: report.error.message })
    })()
    return () => {
      current = false
    }
  }, [client])
  return state
}
