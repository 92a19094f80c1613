import { LIST_LIMIT_MAX } from '@shared/ipc/limits.ts'
import type { HealthReportView } from '@shared/ipc/views.ts'
import { useEffect, useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'

export interface PasswordHealth {
  readonly report: HealthReportView | null
  /** Item id → title, from the item list (the report names items by id only). */
  readonly titles: ReadonlyMap<string, string>
  readonly error: string | null
}

/** Main's health report, and the titles of the items it names. */
export function usePasswordHealth(): PasswordHealth {
  const client = useVaultClient()
  const [state, setState] = useState<PasswordHealth>({ report: null, titles: new Map(), error: null })
  useEffect(() => {
    let current = true
    void (async () => {
      const [report, list] = await Promise.all([
        client.getPasswordHealth(),
        client.listItems({ limit: LIST_LIMIT_MAX }),
      ])
      if (!current) return
      if (!report.ok) return setState({ report: null, titles: new Map(), error: report.error.message })
      const titles = new Map(list.ok ? list.data.items.map((item) => [item.id, item.title] as const) : [])
      setState({ report: report.data, titles, error: null })
    })()
    return () => {
      current = false
    }
  }, [client])
  return state
}
