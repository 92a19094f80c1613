import type { ReactNode } from 'react'

/** 0 = very weak … 4 = very strong, as zxcvbn scores and the generator's entropy bands both map to it. */
export type StrengthLevel = 0 | 1 | 2 | 3 | 4

export interface StrengthMeterProps {
  /** null: nothing to rate yet (an empty field); the bar stays, empty, so the layout does not jump. */
  readonly level: StrengthLevel | null
  /** The level in words ("Strong"), shown beside the bar. */
  readonly label: string
  /** Secondary text at the right: a crack time or an entropy figure. */
  readonly detail?: ReactNode
  readonly testId?: string
}

const SEGMENTS = 4

/**
 * A four-segment bar in the strength colours, with the level in words beside
 * it. Level 0 lights one segment in the weakest colour so "very weak" is
 * visibly different from "not rated".
 */
export function StrengthMeter({ level, label, detail, testId }: StrengthMeterProps) {
  const lit = level === null ? 0 : Math.max(1, level)
  return (
    <div className="strength" data-level={level ?? 'none'} data-testid={testId}>
      {/* The native meter speaks to screen readers; the drawn segments are for the eye. */}
      <meter className="visually-hidden" min={0} max={4} value={level ?? 0} aria-label={`Strength: ${label}`} />
      <div className="strength-bar" aria-hidden="true">
        {Array.from({ length: SEGMENTS }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed row of identical segments.
          <span key={index} className={index < lit ? 'strength-segment lit' : 'strength-segment'} />
        ))}
      </div>
      <div className="strength-text">
        <span className="strength-label">{label}</span>
        {detail ? <span className="strength-detail">{detail}</span> : null}
      </div>
    </div>
  )
}
