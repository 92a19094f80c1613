/** Sends the editor's state to main and turns a refusal into per-field messages. */
import type { ItemView } from '@shared/domain/item.ts'
import { useState } from 'react'
import { useVaultClient } from '../../../api/use-vault-client.ts'
import { useToast } from '../toast/toast-context.tsx'
import { type EditorErrors, errorsFromFailure, NO_ERRORS } from './editor-errors.ts'
import { type EditorState, generatesSshKey, toDraft, toPatch, validate } from './editor-model.ts'

export interface SaveOptions {
  readonly view: ItemView | undefined
  readonly initial: EditorState
  readonly onSaved: (view: ItemView) => void
}

export function useSaveItem({ view, initial, onSaved }: SaveOptions) {
  const client = useVaultClient()
  const toast = useToast()
  const [saving, setSaving] = useState(false)
  const [errors, setErrors] = useState<EditorErrors>(NO_ERRORS)

  async function save(state: EditorState): Promise<void> {
    if (saving) return
    const problems = validate(state, view === undefined)
    if (Object.keys(problems).length > 0) return setErrors({ ...NO_ERRORS, fields: problems })
    setSaving(true)
    const result =
      view === undefined
        ? await client.createItem({
            draft: toDraft(state),
            ...(generatesSshKey(state) ? { generateSshKey: true } : {}),
          })
        : await client.updateItem({ id: view.id, patch: toPatch(state, initial), expectedRevision: view.revision })
    setSaving(false)
    if (!result.ok) return setErrors(errorsFromFailure(result.error, state))
    setErrors(NO_ERRORS)
    toast(view === undefined ? `“${result.data.title}” saved` : 'Changes saved', 'success')
    onSaved(result.data)
  }
  return { save, saving, errors }
}
