/** The live one-time code with a ring that empties as its period runs out. */
import { IconButton } from '../../../ui/index.ts'
import { IconCopy } from '../icons/icons.tsx'
import { groupTotpCode } from '../model/format.ts'
import { FieldRow } from './FieldRow.tsx'
import { useTotp } from './use-totp.ts'

/** The last seconds of a code, when there is barely time to type it. */
const HURRY_SECONDS = 5

export interface TotpRowProps {
  readonly id: string
  readonly version: number
  readonly onCopy: () => void
}

export function TotpRow({ id, version, onCopy }: TotpRowProps) {
  const state = useTotp(id, version)
  const actions =
    state.kind === 'code' ? (
      <IconButton label="Copy one-time code" onClick={onCopy}>
        <IconCopy />
      </IconButton>
    ) : null
  return (
    <FieldRow label="One-time password" testId="field-totp" actions={actions}>
      {state.kind === 'loading' ? <span className="muted">…</span> : null}
      {state.kind === 'failed' ? <span className="detail-error">{state.message}</span> : null}
      {state.kind === 'code' ? (
        <span className="totp">
          <span className="totp-code mono" data-testid="totp-code">
            {groupTotpCode(state.totp.code)}
          </span>
          <Countdown secondsLeft={state.secondsLeft} period={state.totp.period} />
        </span>
      ) : null}
    </FieldRow>
  )
}

function Countdown({ secondsLeft, period }: { readonly secondsLeft: number; readonly period: number }) {
  const radius = 10.5
  const circumference = 2 * Math.PI * radius
  const remaining = Math.min(1, Math.max(0, secondsLeft / period))
  return (
    <span
      className={secondsLeft <= HURRY_SECONDS ? 'totp-timer totp-timer-hurry' : 'totp-timer'}
      role="timer"
      aria-label={`${secondsLeft} seconds left`}
    >
      <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
        <circle className="totp-ring-track" cx="12" cy="12" r={radius} />
        <circle
          className="totp-ring"
          cx="12"
          cy="12"
          r={radius}
          strokeDasharray={circumference}
          strokeDashoffset={circumference * (1 - remaining)}
        />
      </svg>
      <span className="totp-seconds">{secondsLeft}</span>
    </span>
  )
}
