/**
 * Secrets the user asked to see, held in this component's state only. Each
 * hides itself again after REVEAL_MS; all are dropped when the component
 * goes (switching items remounts it) and when the vault locks.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { useVaultClient } from '../../../api/use-vault-client.ts'
import { useVaultEvent } from '../../../api/use-vault-event.ts'
import { useToast } from '../toast/toast-context.tsx'

export const REVEAL_MS = 30_000

export interface RevealedSecrets {
  readonly values: Readonly<Record<string, string>>
  readonly toggle: (field: string) => void
}

export function useRevealedSecrets(id: string, revision?: number): RevealedSecrets {
  const client = useVaultClient()
  const toast = useToast()
  const [values, setValues] = useState<Readonly<Record<string, string>>>({})
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>())

  const hide = useCallback((field: string) => {
    clearTimeout(timers.current.get(field))
    timers.current.delete(field)
    setValues(({ [field]: _dropped, ...rest }) => rest)
  }, [])

  const reveal = useCallback(
    async (field: string) => {
      const result = await client.revealField(revision === undefined ? { id, field } : { id, field, revision })
      if (!result.ok) return toast(result.error.message, 'error')
      setValues((current) => ({ ...current, [field]: result.data.value }))
      clearTimeout(timers.current.get(field))
      timers.current.set(
        field,
        setTimeout(() => hide(field), REVEAL_MS),
      )
    },
    [client, hide, id, revision, toast],
  )

  const toggle = useCallback(
    (field: string) => {
      if (values[field] === undefined) void reveal(field)
      else hide(field)
    },
    [hide, reveal, values],
  )

  useVaultEvent((event) => {
    if (event.type === 'locked') setValues({})
  })
  useEffect(() => {
    const pending = timers.current
    return () => {
      for (const timer of pending.values()) clearTimeout(timer)
    }
  }, [])
  return { values, toggle }
}
