import type { GenericCsvField } from '@shared/ipc/transfer.ts'
import type { GenericCsvMappingView } from '@shared/ipc/views.ts'
import { useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'
import type { ChosenFile } from './use-import.ts'

export interface ColumnMappingControl {
  /** The file's column names, as main read them from its header. */
  readonly columns: readonly string[]
  /** What the selects show: main's mapping, or the user's last change while main refuses it. */
  readonly fields: GenericCsvMappingView
  /** Why main refused the last change; the preview is then not the one shown, so nothing may be imported. */
  readonly error: string | null
  readonly busy: boolean
  /** column null: the field takes nothing from the file. */
  readonly change: (field: GenericCsvField, column: string | null) => void
}

/** A change main has not accepted, tied to the preview (token) it was made against. */
interface Draft {
  readonly token: string
  readonly fields: GenericCsvMappingView
  readonly error: string | null
}

/**
 * The column mapping of an "Other CSV" file (null for any other format).
 * Every change goes to main at once (remapImport), which re-reads the file it
 * kept and answers a fresh preview under a new token; onRemapped shows it.
 * A refused change stays in the selects with main's reason beside it, so the
 * user can fix the other field (swapping two columns takes two changes).
 */
export function useColumnMapping(
  chosen: ChosenFile | null,
  onRemapped: (next: ChosenFile) => void,
): ColumnMappingControl | null {
  const client = useVaultClient()
  const [draft, setDraft] = useState<Draft | null>(null)
  const [busy, setBusy] = useState(false)
  if (chosen?.mapping === undefined) return null
  const { token } = chosen
  // A draft made against an older preview is spent: main's answer is the truth now.
  const current = draft?.token === token ? draft : { fields: chosen.mapping.fields, error: null }

  async function change(field: GenericCsvField, column: string | null): Promise<void> {
    const fields = withColumn(current.fields, field, column)
    setDraft({ token, fields, error: null })
    setBusy(true)
    const result = await client.remapImport({ token, mapping: fields })
    setBusy(false)
    if (!result.ok) return setDraft({ token, fields, error: result.error.message })
    onRemapped(result.data)
  }

  return {
    columns: chosen.mapping.columns,
    fields: current.fields,
    error: current.error,
    busy,
    change: (field, column) => {
      if (!busy) void change(field, column)
    },
  }
}

function withColumn(
  fields: GenericCsvMappingView,
  field: GenericCsvField,
  column: string | null,
): GenericCsvMappingView {
  const { [field]: _previous, ...others } = fields
  return column === null ? others : { ...others, [field]: column }
}
