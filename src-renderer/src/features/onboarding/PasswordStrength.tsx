import './password-strength.css'
import type { StrengthView } from '@shared/ipc/views.ts'
import { CheckIcon } from '../../ui/icons.tsx'
import { type StrengthLevel, StrengthMeter } from '../../ui/index.ts'

const LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const

/**
 * Main's MIN_MASTER_PASSWORD_LENGTH, only to explain a refusal: main alone
 * decides (the estimate's "acceptable"), this never enables anything.
 */
const MIN_LENGTH_HINT = 10

export interface PasswordStrengthProps {
  readonly password: string
  /** What to show: the current estimate, or the last one while a new one is on its way. */
  readonly shown: StrengthView | null
}

/** The live meter under the master password: level, crack time, zxcvbn's warning and suggestions, and the verdict. */
export function PasswordStrength({ password, shown }: PasswordStrengthProps) {
  const rated = password !== '' && shown !== null
  return (
    <div className="password-strength" data-testid="password-strength">
      <StrengthMeter
        level={rated ? (shown.score as StrengthLevel) : null}
        label={rated ? (LABELS[shown.score] ?? '') : 'Strength'}
        detail={rated ? `${shown.crackTime} to crack` : undefined}
        testId="strength-meter"
      />
      <div className="strength-feedback" aria-live="polite">
        {rated ? (
          <Feedback password={password} estimate={shown} />
        ) : (
          <p className="strength-tip">Four or more random words make a strong password you can remember.</p>
        )}
      </div>
    </div>
  )
}

function Feedback({ password, estimate }: { readonly password: string; readonly estimate: StrengthView }) {
  if (estimate.acceptable) {
    return (
      <p className="strength-verdict ok">
        <CheckIcon /> Strong enough for a master password.
      </p>
    )
  }
  const short = [...password].length < MIN_LENGTH_HINT
  // Two lines at most: the warning and the first suggestion say enough while typing.
  const advice = [estimate.warning, ...estimate.suggestions].filter((line) => line !== '').slice(0, 2)
  return (
    <>
      <p className="strength-verdict not-yet" data-testid="strength-verdict">
        {short ? `Use at least ${MIN_LENGTH_HINT} characters.` : 'Not strong enough for a master password yet.'}
      </p>
      {advice.length > 0 ? (
        <ul className="strength-advice">
          {advice.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p className="strength-advice">Add another word or two that are not easy to guess.</p>
      )}
    </>
  )
}
