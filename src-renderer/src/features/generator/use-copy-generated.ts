/**
 * Copies the value on screen through main (copyGenerated): main writes the
 * clipboard and clears it later, and copies only the value it generated last.
 */
import { useCallback, useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'

export interface CopyGenerated {
  readonly run: () => void
  /** '' until a copy, then what happened ("Copied · clears in 30 s"). */
  readonly status: string
}

export function useCopyGenerated(value: string | null): CopyGenerated {
  const client = useVaultClient()
  const [copied, setCopied] = useState<{ readonly value: string; readonly status: string } | null>(null)
  // A message belongs to the value it was about: a new value hides it.
  const status = copied !== null && copied.value === value ? copied.status : ''
  const run = useCallback(() => {
    if (value === null) return
    void client.copyGenerated({ value }).then((result) => {
      setCopied({ value, status: result.ok ? copiedText(result.data.clearsAt) : result.error.message })
    })
  }, [client, value])
  return { run, status }
}

function copiedText(clearsAt: number | null): string {
  if (clearsAt === null) return 'Copied'
  const seconds = Math.max(1, Math.round((clearsAt - Date.now()) / 1000))
  return `Copied · clears in ${seconds} s`
}
