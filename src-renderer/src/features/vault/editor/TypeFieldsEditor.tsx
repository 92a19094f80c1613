/** The fields of the item's type, in display order, each with its error slot. */
import type { ItemView } from '@shared/domain/item.ts'
import { Button, TextField } from '../../../ui/index.ts'
import { IconWand } from '../icons/icons.tsx'
import { FIELD_SPECS, type FieldSpec } from '../model/item-types.ts'
import { type EditorState, generatesSshKey } from './editor-model.ts'
import { SecretInput } from './SecretInput.tsx'
import { SshKeySource } from './SshKeySource.tsx'
import { TextAreaField } from './TextAreaField.tsx'
import { UrlListEditor } from './UrlListEditor.tsx'

export interface TypeFieldsEditorProps {
  readonly state: EditorState
  /** The item being edited; absent for a new one. */
  readonly view: ItemView | undefined
  readonly errors: Readonly<Record<string, string>>
  readonly onState: (change: Partial<EditorState>) => void
  readonly onGenerate: (field: string) => void
}

export function TypeFieldsEditor({ state, view, errors, onState, onGenerate }: TypeFieldsEditorProps) {
  const isNewSshKey = state.type === 'sshKey' && view === undefined
  const specs = FIELD_SPECS[state.type].filter(
    (spec) => !spec.derived && !(generatesSshKey(state) && (spec.name === 'privateKey' || spec.name === 'passphrase')),
  )
  if (specs.length === 0 && !isNewSshKey) return null
  return (
    <div className="editor-section">
      {isNewSshKey ? (
        <SshKeySource source={state.sshKeySource} onChange={(sshKeySource) => onState({ sshKeySource })} />
      ) : null}
      {specs.map((spec) =>
        spec.secret ? (
          <SecretInput
            key={spec.name}
            spec={spec}
            value={secretValue(state, spec.name)}
            stored={view?.secretFields.includes(spec.name) ?? false}
            error={errors[spec.name]}
            onChange={(value) => onState({ secrets: { ...state.secrets, [spec.name]: value } })}
            extra={spec.name === 'password' ? <GenerateButton onClick={() => onGenerate(spec.name)} /> : null}
          />
        ) : (
          <PlainInput
            key={spec.name}
            spec={spec}
            value={state.fields[spec.name] ?? ''}
            error={errors[spec.name]}
            onChange={(value) => onState({ fields: { ...state.fields, [spec.name]: value } })}
          />
        ),
      )}
      {state.type === 'login' ? (
        <UrlListEditor urls={state.urls} error={errors.urls} onChange={(urls) => onState({ urls })} />
      ) : null}
    </div>
  )
}

/** null (keep the stored value) must survive; only a missing entry means empty. */
function secretValue(state: EditorState, name: string): string | null {
  const value = state.secrets[name]
  return value === undefined ? '' : value
}

function GenerateButton({ onClick }: { readonly onClick: () => void }) {
  return (
    <Button small onClick={onClick} aria-label="Generate a password">
      <IconWand />
      Generate
    </Button>
  )
}

interface PlainInputProps {
  readonly spec: FieldSpec
  readonly value: string
  readonly error: string | undefined
  readonly onChange: (value: string) => void
}

function PlainInput({ spec, value, error, onChange }: PlainInputProps) {
  const common = { label: spec.label, value, onChange, error, placeholder: spec.placeholder, hint: spec.hint }
  if (spec.input === 'multiline') return <TextAreaField {...common} mono={spec.mono} rows={4} />
  return <TextField {...common} mono={spec.mono ?? false} type={spec.input === 'text' ? 'text' : spec.input} />
}
