import { useEffect, useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'
import { SECRET_KEY_SYMBOLS, typedSymbolCount } from './secret-key-shape.ts'

export type SecretKeyCheck =
  | { readonly kind: 'empty' }
  /** Still typing: how many of the symbols are there. */
  | { readonly kind: 'typing'; readonly count: number }
  | { readonly kind: 'valid'; readonly accountId: string }
  | { readonly kind: 'invalid'; readonly message: string }

/** Long enough to skip the call for each keystroke of a fast typist, short enough to feel live. */
const CHECK_DELAY_MS = 200

/**
 * Checks the typed Secret Key in main as the user types (the checksum finds
 * a typo and names its position before any slow key derivation). An
 * incomplete key is reported as progress, not as an error, unless the field
 * was left (settled): then main's message says what is missing.
 */
export function useSecretKeyCheck(typed: string, settled: boolean): SecretKeyCheck {
  const client = useVaultClient()
  const count = typedSymbolCount(typed)
  const judge = count >= SECRET_KEY_SYMBOLS || (settled && count > 0)
  const [checked, setChecked] = useState<{ typed: string; result: SecretKeyCheck } | null>(null)
  useEffect(() => {
    if (!judge) return
    let current = true
    const timer = setTimeout(async () => {
      const result = await client.checkSecretKey({ secretKey: typed })
      if (!current) return
      setChecked({
        typed,
        result: result.ok
          ? { kind: 'valid', accountId: result.data.accountId }
          : { kind: 'invalid', message: result.error.message },
      })
    }, CHECK_DELAY_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [client, typed, judge])
  if (count === 0) return { kind: 'empty' }
  if (judge && checked?.typed === typed) return checked.result
  return { kind: 'typing', count: Math.min(count, SECRET_KEY_SYMBOLS) }
}
