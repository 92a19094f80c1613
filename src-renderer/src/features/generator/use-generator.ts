import { useCallback, useEffect, useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'
import { type GeneratorSettings, generateRequest, rememberedSettings, rememberSettings } from './generator-options.ts'

export type Generated =
  | { readonly kind: 'pending' }
  | { readonly kind: 'done'; readonly value: string; readonly entropyBits: number }
  | { readonly kind: 'failed'; readonly message: string }

export interface GeneratorControl {
  readonly settings: GeneratorSettings
  readonly change: (next: GeneratorSettings) => void
  readonly generated: Generated
  readonly regenerate: () => void
}

/**
 * Asks main for a new value whenever the options change (and on Regenerate).
 * Answers that arrive after a newer request are dropped, so dragging the
 * length slider never leaves an old value on screen.
 */
export function useGenerator(): GeneratorControl {
  const client = useVaultClient()
  const [settings, setSettings] = useState(rememberedSettings)
  const [round, setRound] = useState(0)
  const [generated, setGenerated] = useState<Generated>({ kind: 'pending' })

  useEffect(() => {
    // Read so that Regenerate (which only bumps round) also re-runs this effect.
    void round
    let current = true
    void client.generate(generateRequest(settings)).then((result) => {
      if (!current) return
      setGenerated(
        result.ok
          ? { kind: 'done', value: result.data.value, entropyBits: result.data.entropyBits }
          : { kind: 'failed', message: result.error.message },
      )
    })
    return () => {
      current = false
    }
  }, [client, settings, round])

  const change = useCallback((next: GeneratorSettings) => {
    rememberSettings(next)
    setSettings(next)
  }, [])
  const regenerate = useCallback(() => setRound((count) => count + 1), [])
  return { settings, change, generated, regenerate }
}
