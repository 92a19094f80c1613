/**
 * Copying goes through main: it writes the clipboard and clears it later, so
 * a secret never has to enter this window to be copied.
 */
import { useCallback } from 'react'
import { useVaultClient } from '../../../api/use-vault-client.ts'
import { copiedMessage } from '../model/format.ts'
import { useToast } from '../toast/toast-context.tsx'

export interface CopyActions {
  /** `label` names the field in the toast: "Password copied · clears in 30 s". */
  readonly copyField: (id: string, field: string, label: string, revision?: number) => Promise<void>
  readonly copyTotp: (id: string) => Promise<void>
}

export function useCopy(): CopyActions {
  const client = useVaultClient()
  const toast = useToast()
  const copyField = useCallback(
    async (id: string, field: string, label: string, revision?: number) => {
      const result = await client.copyField(revision === undefined ? { id, field } : { id, field, revision })
      if (result.ok) toast(copiedMessage(label, result.data.clearsAt), 'success')
      else toast(result.error.message, 'error')
    },
    [client, toast],
  )
  const copyTotp = useCallback(
    async (id: string) => {
      const result = await client.copyTotp({ id })
      if (result.ok) toast(copiedMessage('One-time code', result.data.clearsAt), 'success')
      else toast(result.error.message, 'error')
    },
    [client, toast],
  )
  return { copyField, copyTotp }
}
