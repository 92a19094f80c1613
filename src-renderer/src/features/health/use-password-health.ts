import type { HealthReportView } from '@shared/ipc/views.ts'
import { useVaultClient } from '../../api/use-vault-client.ts'
import { useLatestCall } from '../vault/api/use-latest-call.ts'

export interface PasswordHealth {
  readonly report: HealthReportView | null
  readonly error: string | null
}

/** Main's health report, with the titles of the items it names: asked for once, when the panel opens. */
export function usePasswordHealth(): PasswordHealth {
  const client = useVaultClient()
  const { data, error } = useLatestCall('report', async () => {
    const result = await client.getPasswordHealth()
    return result.ok ? { ok: true, data: result.data } : { ok: false, message: result.error.message }
  })
  return { report: data, error }
}
