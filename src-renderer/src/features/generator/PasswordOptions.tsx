import { Toggle } from '../../ui/index.ts'
import {
  CHARACTER_CLASSES,
  type CharacterClass,
  enabledClassCount,
  PASSWORD_LENGTH,
  type PasswordSettings,
} from './generator-options.ts'
import { NumberSlider } from './NumberSlider.tsx'

const CLASS_LABELS: Record<CharacterClass, string> = {
  uppercase: 'Uppercase (A–Z)',
  lowercase: 'Lowercase (a–z)',
  digits: 'Digits (0–9)',
  symbols: 'Symbols (!@#$…)',
}

export interface PasswordOptionsProps {
  readonly options: PasswordSettings
  readonly onChange: (next: PasswordSettings) => void
}

/** Length and character classes. The last class left on cannot be switched off: main needs at least one. */
export function PasswordOptions({ options, onChange }: PasswordOptionsProps) {
  const lastClass = enabledClassCount(options) === 1
  return (
    <div className="generator-options">
      <NumberSlider
        label="Length"
        min={PASSWORD_LENGTH.min}
        max={PASSWORD_LENGTH.max}
        value={options.length}
        onChange={(length) => onChange({ ...options, length })}
        testId="length"
      />
      <div className="generator-toggles">
        {CHARACTER_CLASSES.map((name) => (
          <Toggle
            key={name}
            label={CLASS_LABELS[name]}
            checked={options[name]}
            disabled={lastClass && options[name]}
            onChange={(checked) => onChange({ ...options, [name]: checked })}
          />
        ))}
      </div>
      <Toggle
        label="Avoid look-alike characters"
        hint="Leaves out characters that are easy to confuse, such as l, 1, I, O and 0."
        checked={options.excludeLookalikes}
        onChange={(excludeLookalikes) => onChange({ ...options, excludeLookalikes })}
      />
    </div>
  )
}
