import type { KitVerificationView } from '@shared/ipc/views.ts'
import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'

export interface VerifyKitForm {
  readonly entry: string
  readonly setEntry: (value: string) => void
  readonly busy: boolean
  readonly result: KitVerificationView | null
  readonly error: string | null
  readonly inputRef: RefObject<HTMLInputElement | null>
  readonly submit: (event: FormEvent<HTMLFormElement>) => void
}

/**
 * Checks what the user reads off the printed kit (the Secret Key, or the
 * setup code) against the account. Main answers only match or no match, so
 * the stored key never reaches the window. An edit hides the last verdict:
 * it was about other text.
 */
export function useVerifyKit(): VerifyKitForm {
  const client = useVaultClient()
  const [entry, setEntryValue] = useState('')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<KitVerificationView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (error !== null) inputRef.current?.focus()
  }, [error])

  async function verify(): Promise<void> {
    setResult(null)
    if (entry.trim() === '') return setError('Type the Secret Key from your printed kit, or paste its setup code.')
    setBusy(true)
    setError(null)
    const answer = await client.verifyEmergencyKit({ entry })
    setBusy(false)
    if (answer.ok) setResult(answer.data)
    else setError(answer.error.message)
  }

  return {
    entry,
    setEntry: (value) => {
      setEntryValue(value)
      setResult(null)
      setError(null)
    },
    busy,
    result,
    error,
    inputRef,
    submit: (event) => {
      event.preventDefault()
      if (!busy) void verify()
    },
  }
}
