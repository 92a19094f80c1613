import { type InputHTMLAttributes, type ReactNode, type Ref, useId } from 'react'

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly hint?: ReactNode
  /** Shown under the field and marks it aria-invalid. */
  readonly error?: string | undefined
  readonly mono?: boolean
  /** Rendered to the right of the input (a reveal or generate button). */
  readonly trailing?: ReactNode
  /** React 19 passes ref as a prop: it reaches the input, for focusing it after an error. */
  readonly ref?: Ref<HTMLInputElement> | undefined
  /** The error is news (the answer to a submit), so screen readers announce it as it appears. */
  readonly announceError?: boolean
}

/** A labelled input with its hint and error wired to aria-describedby. Never spellchecked: values may be secrets. */
export function TextField({
  label,
  value,
  onChange,
  hint,
  error,
  mono,
  trailing,
  id,
  announceError,
  ...rest
}: TextFieldProps) {
  const fallbackId = useId()
  const inputId = id ?? fallbackId
  const hintId = `${inputId}-hint`
  const errorId = `${inputId}-error`
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label className="field-label" htmlFor={inputId}>
        {label}
      </label>
      <div className="field-row">
        <input
          id={inputId}
          className={mono ? 'input input-mono' : 'input'}
          value={value}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
          {...rest}
        />
        {trailing}
      </div>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error" role={announceError ? 'alert' : undefined}>
          {error}
        </p>
      ) : null}
    </div>
  )
}
