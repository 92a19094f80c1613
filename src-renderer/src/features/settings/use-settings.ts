import type { SettingsView } from '@shared/ipc/views.ts'
import { useEffect, useRef, useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'

export type SettingName = keyof SettingsView

export interface SettingsControl {
  /** null until main answers. */
  readonly settings: SettingsView | null
  readonly loadError: string | null
  /** The setting whose change main just confirmed (for a short "Saved"). */
  readonly saved: SettingName | null
  readonly saveError: { readonly name: SettingName; readonly message: string } | null
  readonly update: (name: SettingName, value: number) => void
}

/** How long "Saved" stays beside a changed setting. */
const SAVED_NOTICE_MS = 2_500

/**
 * Loads the settings from main and saves each change at once. The change
 * shows immediately and is rolled back, with main's reason, if main refuses.
 */
export function useSettings(): SettingsControl {
  const client = useVaultClient()
  const [settings, setSettings] = useState<SettingsView | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [saved, setSaved] = useState<SettingName | null>(null)
  const [saveError, setSaveError] = useState<SettingsControl['saveError']>(null)
  const savedTimer = useRef<ReturnType<typeof setTimeout>>(undefined)

  useEffect(() => {
    let current = true
    void client.getSettings().then((result) => {
      if (!current) return
      if (result.ok) setSettings(result.data)
      else setLoadError(result.error.message)
    })
    return () => {
      current = false
      clearTimeout(savedTimer.current)
    }
  }, [client])

  async function update(name: SettingName, value: number): Promise<void> {
    const before = settings
    if (before === null) return
    setSettings({ ...before, [name]: value })
    setSaveError(null)
    setSaved(null)
    const result = await client.updateSettings({ [name]: value })
    if (!result.ok) {
      setSettings(before)
      return setSaveError({ name, message: result.error.message })
    }
    setSettings(result.data)
    setSaved(name)
    clearTimeout(savedTimer.current)
    savedTimer.current = setTimeout(() => setSaved(null), SAVED_NOTICE_MS)
  }

  return { settings, loadError, saved, saveError, update: (name, value) => void update(name, value) }
}
