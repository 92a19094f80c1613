import type { StrengthView } from '@shared/ipc/views.ts'
import { useEffect, useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'

/** Long enough to skip most keystrokes of a fast typist, short enough that the meter feels live. */
export const STRENGTH_DELAY_MS = 150

export interface StrengthState {
  /** The estimate for the password as it is now; null while empty or while a newer estimate is on its way. */
  readonly estimate: StrengthView | null
  /** An estimate for an earlier version of the password, kept on screen so the meter does not flicker. */
  readonly shown: StrengthView | null
}

/**
 * Rates the master password in main (zxcvbn runs there, with the email as
 * a word to avoid) as the user types, debounced. Only an estimate for the
 * exact current text counts as current, so "acceptable" can never be stale.
 */
export function useStrength(password: string, email: string): StrengthState {
  const client = useVaultClient()
  const [latest, setLatest] = useState<{ password: string; email: string; estimate: StrengthView } | null>(null)
  useEffect(() => {
    if (password === '') return
    let current = true
    const timer = setTimeout(async () => {
      const trimmed = email.trim()
      const result = await client.estimateStrength(trimmed === '' ? { password } : { password, email: trimmed })
      if (current && result.ok) setLatest({ password, email, estimate: result.data })
    }, STRENGTH_DELAY_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [client, password, email])
  if (password === '') return { estimate: null, shown: null }
  const fresh = latest !== null && latest.password === password && latest.email === email
  return { estimate: fresh ? latest.estimate : null, shown: latest?.estimate ?? null }
}
