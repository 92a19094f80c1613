/** Tags as chips: Enter or a comma adds what was typed, Backspace in an empty box removes the last. */
import { type KeyboardEvent, useId, useState } from 'react'
import { IconClose } from '../icons/icons.tsx'
import { splitTags } from '../model/format.ts'

export interface TagInputProps {
  readonly tags: readonly string[]
  readonly onChange: (tags: readonly string[]) => void
  readonly error?: string | undefined
}

export function TagInput({ tags, onChange, error }: TagInputProps) {
  const id = useId()
  const [text, setText] = useState('')

  function commit(input: string): void {
    const added = splitTags(input).filter((tag) => !tags.includes(tag))
    if (added.length > 0) onChange([...tags, ...new Set(added)])
    setText('')
  }
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault()
      commit(text)
    } else if (event.key === 'Backspace' && text === '' && tags.length > 0) {
      onChange(tags.slice(0, -1))
    }
  }
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        Tags
      </label>
      <div className="tag-input">
        {tags.map((tag) => (
          <span key={tag} className="tag-input-chip">
            {tag}
            <button
              type="button"
              aria-label={`Remove tag ${tag}`}
              onClick={() => onChange(tags.filter((other) => other !== tag))}
            >
              <IconClose />
            </button>
          </span>
        ))}
        <input
          id={id}
          className="tag-input-box"
          value={text}
          placeholder={tags.length === 0 ? 'Add tags, separated by commas' : 'Add tag'}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => {
            const value = event.target.value
            if (value.includes(',')) commit(value)
            else setText(value)
          }}
          onKeyDown={onKeyDown}
          onBlur={() => commit(text)}
        />
      </div>
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  )
}
