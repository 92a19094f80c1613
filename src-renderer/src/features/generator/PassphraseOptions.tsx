import { Select, Toggle } from '../../ui/index.ts'
import { PASSPHRASE_WORDS, type PassphraseSettings, SEPARATORS } from './generator-options.ts'
import { NumberSlider } from './NumberSlider.tsx'

export interface PassphraseOptionsProps {
  readonly options: PassphraseSettings
  readonly onChange: (next: PassphraseSettings) => void
}

/** Word count, separator, capitals and an added number. */
export function PassphraseOptions({ options, onChange }: PassphraseOptionsProps) {
  return (
    <div className="generator-options">
      <NumberSlider
        label="Words"
        min={PASSPHRASE_WORDS.min}
        max={PASSPHRASE_WORDS.max}
        value={options.words}
        onChange={(words) => onChange({ ...options, words })}
        testId="words"
      />
      <div className="generator-separator">
        <Select
          label="Separator"
          value={options.separator}
          options={SEPARATORS}
          onChange={(separator) => onChange({ ...options, separator })}
        />
      </div>
      <div className="generator-toggles">
        <Toggle
          label="Capitalize words"
          checked={options.capitalize}
          onChange={(capitalize) => onChange({ ...options, capitalize })}
        />
        <Toggle
          label="Include a number"
          checked={options.includeNumber}
          onChange={(includeNumber) => onChange({ ...options, includeNumber })}
        />
      </div>
    </div>
  )
}
