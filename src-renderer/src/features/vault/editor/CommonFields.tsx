/** The parts every item has: title and favourite at the top; notes and tags at the bottom. */
import { IconButton, TextField } from '../../../ui/index.ts'
import { IconStar } from '../icons/icons.tsx'
import { TypeIcon } from '../icons/TypeIcon.tsx'
import type { EditorState } from './editor-model.ts'
import { TagInput } from './TagInput.tsx'
import { TextAreaField } from './TextAreaField.tsx'

interface SectionProps {
  readonly state: EditorState
  readonly onState: (change: Partial<EditorState>) => void
}

export function TitleRow({ state, error, onState }: SectionProps & { readonly error: string | undefined }) {
  return (
    <div className="editor-title-row">
      <TypeIcon type={state.type} size="large" />
      <div className="editor-title-field">
        <TextField
          label="Title"
          value={state.title}
          error={error}
          placeholder={state.type === 'login' ? 'e.g. GitHub' : 'Title'}
          maxLength={500}
          onChange={(title) => onState({ title })}
          data-editor-title=""
        />
      </div>
      <IconButton
        label={state.favorite ? 'Remove from favorites' : 'Add to favorites'}
        aria-pressed={state.favorite}
        className={state.favorite ? 'favorite-toggle is-favorite' : 'favorite-toggle'}
        onClick={() => onState({ favorite: !state.favorite })}
      >
        <IconStar filled={state.favorite} />
      </IconButton>
    </div>
  )
}

export function CommonFields({
  state,
  errors,
  onState,
}: SectionProps & { readonly errors: Readonly<Record<string, string>> }) {
  return (
    <div className="editor-section">
      <TextAreaField
        label="Notes"
        value={state.notes}
        error={errors.notes}
        rows={state.type === 'note' ? 10 : 4}
        onChange={(notes) => onState({ notes })}
      />
      <TagInput tags={state.tags} error={errors.tags} onChange={(tags) => onState({ tags })} />
    </div>
  )
}
