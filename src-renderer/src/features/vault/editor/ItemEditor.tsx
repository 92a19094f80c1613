/**
 * Creating and editing an item of any type. A new item is sent whole
 * (createItem); an edit sends only what changed (updateItem with the
 * revision it started from), so secrets the window never saw are kept.
 */
import type { ItemType, ItemView } from '@shared/domain/item.ts'
import { useState } from 'react'
import { ConfirmDialog } from '../dialogs/ConfirmDialog.tsx'
import { GeneratorDialog } from '../dialogs/GeneratorDialog.tsx'
import { TYPE_NAMES } from '../model/item-types.ts'
import { EditorForm } from './EditorForm.tsx'
import { type EditorState, editorStateFromView, isDirty, newEditorState } from './editor-model.ts'
import { useSaveItem } from './use-save-item.ts'
import './editor.css'

export type EditorMode =
  | { readonly kind: 'new'; readonly type: ItemType }
  | { readonly kind: 'edit'; readonly view: ItemView }

export interface ItemEditorProps {
  readonly mode: EditorMode
  readonly onSaved: (view: ItemView) => void
  readonly onCancel: () => void
  /** After a revision conflict: drop these edits and edit the current version. */
  readonly onReload: () => void
}

export function ItemEditor({ mode, onSaved, onCancel, onReload }: ItemEditorProps) {
  const view = mode.kind === 'edit' ? mode.view : undefined
  const [initial] = useState(() => (mode.kind === 'edit' ? editorStateFromView(mode.view) : newEditorState(mode.type)))
  const [state, setState] = useState<EditorState>(initial)
  const [confirmDiscard, setConfirmDiscard] = useState(false)
  const [generatorFor, setGeneratorFor] = useState<string | null>(null)
  const { save, saving, errors } = useSaveItem({ view, initial, onSaved })
  const dirty = isDirty(state, initial)
  const change = (patch: Partial<EditorState>) => setState((current) => ({ ...current, ...patch }))
  const typeName = TYPE_NAMES[state.type].one.toLowerCase()

  return (
    <section className="editor-pane" aria-label={view === undefined ? `New ${typeName}` : `Edit ${view.title}`}>
      <EditorForm
        heading={view === undefined ? `New ${typeName}` : `Edit ${typeName}`}
        state={state}
        view={view}
        errors={errors}
        canSave={!saving && (view === undefined || dirty)}
        saving={saving}
        onChange={change}
        onSave={() => void save(state)}
        onCancel={() => (dirty ? setConfirmDiscard(true) : onCancel())}
        onReload={onReload}
        onGenerate={setGeneratorFor}
      />
      {confirmDiscard ? (
        <ConfirmDialog
          title="Discard changes?"
          confirmLabel="Discard"
          cancelLabel="Keep editing"
          danger
          onConfirm={onCancel}
          onCancel={() => setConfirmDiscard(false)}
        >
          {view === undefined ? 'This new item has not been saved.' : `Your changes to “${view.title}” are not saved.`}
        </ConfirmDialog>
      ) : null}
      {generatorFor === null ? null : (
        <GeneratorDialog
          onClose={() => setGeneratorFor(null)}
          onUse={(value) => change({ secrets: { ...state.secrets, [generatorFor]: value } })}
        />
      )}
    </section>
  )
}
