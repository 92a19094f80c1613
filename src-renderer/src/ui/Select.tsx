import { type SelectHTMLAttributes, useId } from 'react'

export interface SelectOption<V extends string | number> {
  readonly value: V
  readonly label: string
}

export interface SelectProps<V extends string | number>
  extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> {
  readonly label: string
  readonly value: V
  readonly options: readonly SelectOption<V>[]
  readonly onChange: (value: V) => void
  readonly hint?: string
}

/**
 * A labelled native select (keyboard and screen-reader behaviour for free),
 * styled to match the inputs. Values round-trip by option index, so numbers
 * stay numbers.
 */
export function Select<V extends string | number>({
  label,
  value,
  options,
  onChange,
  hint,
  id,
  ...rest
}: SelectProps<V>) {
  const fallbackId = useId()
  const selectId = id ?? fallbackId
  const hintId = `${selectId}-hint`
  const selected = options.findIndex((option) => option.value === value)
  return (
    <div className="field">
      <label className="field-label" htmlFor={selectId}>
        {label}
      </label>
      <div className="select-wrap">
        <select
          id={selectId}
          className="input select"
          value={String(selected)}
          aria-describedby={hint ? hintId : undefined}
          onChange={(event) => {
            const option = options[Number(event.target.value)]
            if (option !== undefined) onChange(option.value)
          }}
          {...rest}
        >
          {selected < 0 ? <option value="-1">Custom</option> : null}
          {options.map((option, index) => (
            <option key={String(option.value)} value={String(index)}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  )
}
