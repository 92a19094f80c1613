import { useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'

export interface SaveKitControl {
  readonly saving: boolean
  /** Set once a kit is written: the file's name, when main gives it. */
  readonly saved: { readonly fileName: string | undefined } | null
  readonly error: string | null
  readonly save: () => void
}

/**
 * Asks main to save the Emergency Kit: main shows the system save dialog and
 * writes the PDF, so no key material passes through the window. A cancelled
 * dialog is not news; an earlier "Saved as" stays, since that file exists.
 */
export function useSaveKit(onSaved?: () => void): SaveKitControl {
  const client = useVaultClient()
  const [saving, setSaving] = useState(false)
  const [saved, setSaved] = useState<SaveKitControl['saved']>(null)
  const [error, setError] = useState<string | null>(null)

  async function save(): Promise<void> {
    setSaving(true)
    setError(null)
    const result = await client.saveEmergencyKit()
    setSaving(false)
    if (!result.ok) return setError(result.error.message)
    if (!result.data.saved) return
    setSaved({ fileName: result.data.fileName })
    onSaved?.()
  }

  return {
    saving,
    saved,
    error,
    save: () => {
      if (!saving) void save()
    },
  }
}
