import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react'
import { useVaultClient } from '../../../api/use-vault-client.ts'
import type { JoinPrefill } from './use-join-account.ts'

export interface SetupCodeForm {
  readonly code: string
  readonly setCode: (value: string) => void
  readonly busy: boolean
  readonly error: string | null
  /** The code is for a vault that was never synced: there is nothing to sign in to. */
  readonly localOnly: boolean
  readonly inputRef: RefObject<HTMLTextAreaElement | null>
  readonly submit: (event: FormEvent<HTMLFormElement>) => void
}

/**
 * Reads a pasted setup code in main (the window does not parse it) into the
 * join form's fields. The code holds the Secret Key, so it is dropped from
 * state once read.
 */
export function useSetupCode(onRead: (prefill: JoinPrefill) => void): SetupCodeForm {
  const client = useVaultClient()
  const [code, setCodeValue] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [localOnly, setLocalOnly] = useState(false)
  const inputRef = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    if (error !== null) inputRef.current?.focus()
  }, [error])

  async function read(): Promise<void> {
    setLocalOnly(false)
    if (code.trim() === '') return setError('Paste the setup code from your kit.')
    setBusy(true)
    setError(null)
    const result = await client.readSetupCode({ setupCode: code.trim() })
    setBusy(false)
    if (!result.ok) return setError(result.error.message)
    const { server, email, secretKey } = result.data
    setCodeValue('')
    if (server === null) return setLocalOnly(true)
    onRead({ url: server.url, anonKey: server.anonKey, email, secretKey })
  }

  return {
    code,
    setCode: (value) => {
      setCodeValue(value)
      setError(null)
    },
    busy,
    error,
    localOnly,
    inputRef,
    submit: (event) => {
      event.preventDefault()
      if (!busy) void read()
    },
  }
}
