/** A labelled textarea wired like the shared TextField (hint and error in aria-describedby). */
import { type ReactNode, type Ref, type TextareaHTMLAttributes, useId } from 'react'

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> {
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly hint?: ReactNode
  readonly error?: string | undefined
  readonly mono?: boolean | undefined
  /** Chromium's text-security mask, for a secret typed into a textarea. */
  readonly masked?: boolean | undefined
  readonly trailing?: ReactNode
  readonly ref?: Ref<HTMLTextAreaElement> | undefined
  /** The error is news (the answer to a submit), so screen readers announce it as it appears. */
  readonly announceError?: boolean | undefined
}

export function TextAreaField(props: TextAreaFieldProps) {
  const { label, value, onChange, hint, error, mono, masked, trailing, id, className, announceError, ...rest } = props
  const fallbackId = useId()
  const inputId = id ?? fallbackId
  const describedBy = [hint ? `${inputId}-hint` : '', error ? `${inputId}-error` : ''].filter(Boolean).join(' ')
  const classes = ['input', mono ? 'input-mono' : '', masked ? 'input-masked' : '', className ?? '']
  return (
    <div className="field">
      <label className="field-label" htmlFor={inputId}>
        {label}
      </label>
      <div className="field-row field-row-top">
        <textarea
          id={inputId}
          className={classes.filter(Boolean).join(' ')}
          value={value}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => onChange(event.target.value)}
          {...rest}
        />
        {trailing}
      </div>
      {hint ? (
        <p id={`${inputId}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${inputId}-error`} className="field-error" role={announceError ? 'alert' : undefined}>
          {error}
        </p>
      ) : null}
    </div>
  )
}
