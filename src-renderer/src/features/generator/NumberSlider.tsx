import { useEffect, useId, useState } from 'react'

export interface NumberSliderProps {
  readonly label: string
  readonly min: number
  readonly max: number
  readonly value: number
  readonly onChange: (value: number) => void
  readonly testId?: string
}

/**
 * A range slider with a number box beside it, both labelled. The box may
 * hold a half-typed number ("1" on the way to "16"); it commits only whole
 * numbers within range and snaps back to the value when left.
 */
export function NumberSlider({ label, min, max, value, onChange, testId }: NumberSliderProps) {
  const id = useId()
  const [draft, setDraft] = useState(String(value))
  useEffect(() => setDraft(String(value)), [value])

  function typed(text: string): void {
    setDraft(text)
    const number = Number(text)
    if (text !== '' && Number.isInteger(number) && number >= min && number <= max) onChange(number)
  }

  return (
    <div className="number-slider">
      <label className="field-label" htmlFor={`${id}-range`}>
        {label}
      </label>
      <div className="number-slider-row">
        <input
          id={`${id}-range`}
          type="range"
          className="range"
          min={min}
          max={max}
          value={value}
          data-testid={testId ? `${testId}-slider` : undefined}
          onChange={(event) => onChange(Number(event.target.value))}
        />
        <input
          type="number"
          className="input number-input"
          aria-label={label}
          min={min}
          max={max}
          value={draft}
          data-testid={testId ? `${testId}-number` : undefined}
          onChange={(event) => typed(event.target.value)}
          onBlur={() => setDraft(String(value))}
        />
      </div>
    </div>
  )
}
