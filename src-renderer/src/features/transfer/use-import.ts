import type { ImportFormatName } from '@shared/ipc/transfer.ts'
import type { ImportChoiceView } from '@shared/ipc/views.ts'
import { useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'

export type ImportFormatChoice = ImportFormatName | 'auto'
export type ChosenFile = Extract<ImportChoiceView, { chosen: true }>

export interface ImportControl {
  readonly format: ImportFormatChoice
  readonly setFormat: (format: ImportFormatChoice) => void
  /** The file main read and previewed; null before one is chosen and after it is imported. */
  readonly chosen: ChosenFile | null
  readonly busy: 'choosing' | 'importing' | null
  /** How many items the last import added. */
  readonly added: number | null
  readonly error: string | null
  readonly choose: () => void
  readonly apply: () => void
  /** Shows the preview main answered for a new column mapping (use-column-mapping.ts). */
  readonly showRemapped: (next: ChosenFile) => void
}

/**
 * Import in two steps, both in main: choose (main's open dialog, then it
 * reads, parses and previews the file and keeps it) and apply (main adds the
 * new items). The window only ever sees the preview.
 */
export function useImport(): ImportControl {
  const client = useVaultClient()
  const [format, setFormat] = useState<ImportFormatChoice>('auto')
  const [chosen, setChosen] = useState<ChosenFile | null>(null)
  const [busy, setBusy] = useState<ImportControl['busy']>(null)
  const [added, setAdded] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function choose(): Promise<void> {
    setBusy('choosing')
    setError(null)
    setAdded(null)
    const result = await client.chooseImportFile(format === 'auto' ? {} : { format })
    setBusy(null)
    if (!result.ok) return setError(result.error.message)
    if (result.data.chosen) setChosen(result.data)
  }

  async function apply(): Promise<void> {
    if (chosen === null) return
    setBusy('importing')
    setError(null)
    const result = await client.applyImport({ token: chosen.token })
    setBusy(null)
    if (!result.ok) return setError(result.error.message)
    setChosen(null)
    setAdded(result.data.added)
  }

  return {
    format,
    setFormat,
    chosen,
    busy,
    added,
    error,
    choose: () => {
      if (busy === null) void choose()
    },
    apply: () => {
      if (busy === null) void apply()
    },
    showRemapped: setChosen,
  }
}
