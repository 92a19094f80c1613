/**
 * Custom fields: add, rename, change kind, move and remove. A stored hidden
 * value the window never received stays KEEP until the user changes it.
 */
import type { CustomFieldKind } from '@shared/domain/item.ts'
import { useId } from 'react'
import { Button, IconButton, TextField } from '../../../ui/index.ts'
import { IconClose, IconDown, IconPlus, IconUp } from '../icons/icons.tsx'
import { type CustomFieldDraft, newCustomFieldId } from './editor-model.ts'
import { SecretInput } from './SecretInput.tsx'

const KIND_NAMES: Readonly<Record<CustomFieldKind, string>> = { text: 'Text', hidden: 'Hidden', url: 'Web address' }

export interface CustomFieldsEditorProps {
  readonly fields: readonly CustomFieldDraft[]
  /** Ids of hidden fields with a stored value, which may stay KEEP. */
  readonly storedHidden: ReadonlySet<string>
  readonly errors: Readonly<Record<string, string>>
  readonly onChange: (fields: readonly CustomFieldDraft[]) => void
}

export function CustomFieldsEditor({ fields, storedHidden, errors, onChange }: CustomFieldsEditorProps) {
  const update = (id: string, change: Partial<CustomFieldDraft>) =>
    onChange(fields.map((field) => (field.id === id ? { ...field, ...change } : field)))
  const move = (index: number, delta: number) => {
    const next = [...fields]
    const [moved] = next.splice(index, 1)
    if (moved === undefined) return
    next.splice(index + delta, 0, moved)
    onChange(next)
  }
  const add = () => onChange([...fields, { id: newCustomFieldId(), label: '', kind: 'text', value: '' }])
  return (
    <fieldset className="editor-section custom-fields">
      <legend className="editor-section-title">More fields</legend>
      {fields.map((field, index) => (
        <CustomFieldRow
          key={field.id}
          field={field}
          position={index + 1}
          stored={storedHidden.has(field.id)}
          error={errors[`custom:${field.id}`]}
          onChange={(change) => update(field.id, change)}
          onMove={(delta) => move(index, delta)}
          canMoveUp={index > 0}
          canMoveDown={index < fields.length - 1}
          onRemove={() => onChange(fields.filter((other) => other.id !== field.id))}
        />
      ))}
      <Button small variant="ghost" className="add-button" onClick={add}>
        <IconPlus />
        Add field
      </Button>
    </fieldset>
  )
}

interface CustomFieldRowProps {
  readonly field: CustomFieldDraft
  readonly position: number
  readonly stored: boolean
  readonly error: string | undefined
  readonly onChange: (change: Partial<CustomFieldDraft>) => void
  readonly onMove: (delta: number) => void
  readonly canMoveUp: boolean
  readonly canMoveDown: boolean
  readonly onRemove: () => void
}

function CustomFieldRow(props: CustomFieldRowProps) {
  const { field, position, stored, error, onChange, onMove, onRemove } = props
  const name = field.label.trim() || `field ${position}`
  return (
    <div className="custom-field" data-testid="custom-field-editor">
      <div className="custom-field-main">
        <div className="custom-field-head">
          <TextField
            label="Field name"
            value={field.label}
            placeholder="e.g. Recovery code"
            error={error}
            onChange={(label) => onChange({ label })}
          />
          <KindSelect kind={field.kind} onChange={(kind) => onChange({ kind })} />
        </div>
        <CustomFieldValue field={field} stored={stored} onChange={(value) => onChange({ value })} />
      </div>
      <div className="custom-field-tools">
        <IconButton label={`Move ${name} up`} disabled={!props.canMoveUp} onClick={() => onMove(-1)}>
          <IconUp />
        </IconButton>
        <IconButton label={`Move ${name} down`} disabled={!props.canMoveDown} onClick={() => onMove(1)}>
          <IconDown />
        </IconButton>
        <IconButton label={`Remove ${name}`} onClick={onRemove}>
          <IconClose />
        </IconButton>
      </div>
    </div>
  )
}

function CustomFieldValue(props: {
  field: CustomFieldDraft
  stored: boolean
  onChange: (value: string | null) => void
}) {
  const { field, stored, onChange } = props
  const label = field.label.trim() === '' ? 'Value' : `${field.label.trim()} value`
  if (field.kind === 'hidden' || field.value === null) {
    const spec = { name: field.id, label, input: 'text' as const }
    return <SecretInput spec={spec} value={field.value} stored={stored} onChange={onChange} />
  }
  return (
    <TextField
      label={label}
      type={field.kind === 'url' ? 'url' : 'text'}
      value={field.value}
      placeholder={field.kind === 'url' ? 'https://' : ''}
      onChange={onChange}
    />
  )
}

function KindSelect({
  kind,
  onChange,
}: {
  readonly kind: CustomFieldKind
  readonly onChange: (kind: CustomFieldKind) => void
}) {
  const id = useId()
  return (
    <div className="field custom-field-kind">
      <label className="field-label" htmlFor={id}>
        Kind
      </label>
      <select
        id={id}
        className="input"
        value={kind}
        onChange={(event) => onChange(event.target.value as CustomFieldKind)}
      >
        {(Object.keys(KIND_NAMES) as CustomFieldKind[]).map((choice) => (
          <option key={choice} value={choice}>
            {KIND_NAMES[choice]}
          </option>
        ))}
      </select>
    </div>
  )
}
