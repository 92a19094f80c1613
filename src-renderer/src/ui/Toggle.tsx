import { type ReactNode, useId } from 'react'

export interface ToggleProps {
  readonly label: ReactNode
  readonly checked: boolean
  readonly onChange: (checked: boolean) => void
  readonly disabled?: boolean
  readonly hint?: string
  /** 'switch' for a setting that takes effect at once, 'checkbox' for a statement the user confirms. */
  readonly kind?: 'switch' | 'checkbox'
  readonly testId?: string
}

/**
 * A native checkbox, drawn as a switch or a box. It stays a real
 * input type=checkbox (role="switch" for the switch), so Space toggles it and
 * the label is clickable.
 */
export function Toggle({ label, checked, onChange, disabled, hint, kind = 'switch', testId }: ToggleProps) {
  const id = useId()
  return (
    <div className={`toggle toggle-${kind}`}>
      <input
        id={id}
        type="checkbox"
        role={kind === 'switch' ? 'switch' : undefined}
        className="toggle-input"
        checked={checked}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        data-testid={testId}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id} className="toggle-label">
        <span className="toggle-control" aria-hidden="true" />
        <span className="toggle-text">{label}</span>
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint toggle-hint">
          {hint}
        </p>
      ) : null}
    </div>
  )
}
