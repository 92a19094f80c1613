/** The editor's form: Save and Cancel on top, then the item's parts from title to tags. */
import type { ItemView } from '@shared/domain/item.ts'
import { type KeyboardEvent, type RefObject, useEffect, useRef } from 'react'
import { Button } from '../../../ui/index.ts'
import { hasModKey } from '../model/platform.ts'
import { CommonFields, TitleRow } from './CommonFields.tsx'
import { CustomFieldsEditor } from './CustomFieldsEditor.tsx'
import type { EditorErrors } from './editor-errors.ts'
import type { EditorState } from './editor-model.ts'
import { TypeFieldsEditor } from './TypeFieldsEditor.tsx'

export interface EditorFormProps {
  readonly heading: string
  readonly state: EditorState
  readonly view: ItemView | undefined
  readonly errors: EditorErrors
  readonly canSave: boolean
  readonly saving: boolean
  readonly onChange: (change: Partial<EditorState>) => void
  readonly onSave: () => void
  /** Escape too; the editor asks first when there are changes. */
  readonly onCancel: () => void
  readonly onReload: () => void
  readonly onGenerate: (field: string) => void
}

export function EditorForm(props: EditorFormProps) {
  const { state, view, errors, onChange } = props
  const form = useRef<HTMLFormElement>(null)
  useEditorFocus(form, errors)

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>): void {
    const cancel = event.key === 'Escape'
    const save = hasModKey(event) && (event.key === 's' || event.key === 'Enter')
    if (!cancel && !save) return
    event.preventDefault()
    event.stopPropagation()
    if (cancel) props.onCancel()
    else if (props.canSave) props.onSave()
  }

  return (
    <form
      ref={form}
      className="editor"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        props.onSave()
      }}
      onKeyDown={onKeyDown}
    >
      <header className="editor-header">
        <h1 className="editor-heading">{props.heading}</h1>
        <Button onClick={props.onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={!props.canSave}>
          {props.saving ? 'Saving…' : 'Save'}
        </Button>
      </header>
      <div className="editor-body">
        <FormError errors={errors} onReload={props.onReload} />
        <TitleRow state={state} error={errors.fields.title} onState={onChange} />
        <TypeFieldsEditor
          state={state}
          view={view}
          errors={errors.fields}
          onState={onChange}
          onGenerate={props.onGenerate}
        />
        <CustomFieldsEditor
          fields={state.customFields}
          storedHidden={storedHiddenIds(view)}
          errors={errors.fields}
          onChange={(customFields) => onChange({ customFields })}
        />
        <CommonFields state={state} errors={errors.fields} onState={onChange} />
      </div>
    </form>
  )
}

/** The title gets focus when the editor opens; after a refused save, the first field with a problem does. */
function useEditorFocus(form: RefObject<HTMLFormElement | null>, errors: EditorErrors): void {
  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>('[data-editor-title]')?.focus()
  }, [form])
  useEffect(() => {
    if (Object.keys(errors.fields).length === 0 && errors.form === null) return
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"], .editor-form-error')?.focus()
  }, [form, errors])
}

function FormError({ errors, onReload }: { readonly errors: EditorErrors; readonly onReload: () => void }) {
  if (errors.form === null) return null
  return (
    <div className="banner banner-error editor-form-error" role="alert" tabIndex={-1}>
      <p>{errors.form}</p>
      {errors.conflict ? (
        <Button small onClick={onReload}>
          Reload item
        </Button>
      ) : null}
    </div>
  )
}

function storedHiddenIds(view: ItemView | undefined): ReadonlySet<string> {
  const prefix = 'custom:'
  const names = view?.secretFields.filter((name) => name.startsWith(prefix)) ?? []
  return new Set(names.map((name) => name.slice(prefix.length)))
}
