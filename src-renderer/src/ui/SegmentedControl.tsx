import { useId } from 'react'

export interface SegmentedControlProps<V extends string> {
  /** The group's accessible name. */
  readonly label: string
  readonly value: V
  readonly options: readonly { readonly value: V; readonly label: string }[]
  readonly onChange: (value: V) => void
}

/**
 * A choice of a few (Password | Passphrase), drawn as joined buttons. Native
 * radio inputs underneath, so arrow keys, Tab and screen readers behave as
 * in any radio group.
 */
export function SegmentedControl<V extends string>({ label, value, options, onChange }: SegmentedControlProps<V>) {
  const name = useId()
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">{label}</legend>
      {options.map((option) => (
        <span key={option.value} className="segmented-item">
          <input
            id={`${name}-${option.value}`}
            type="radio"
            className="segmented-input"
            name={name}
            value={option.value}
            checked={option.value === value}
            onChange={() => onChange(option.value)}
          />
          <label className="segmented-option" htmlFor={`${name}-${option.value}`}>
            {option.label}
          </label>
        </span>
      ))}
    </fieldset>
  )
}
