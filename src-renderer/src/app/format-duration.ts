/** Delays in words, for the settings choices and the lock screen ("10 minutes", "1 hour", "Never"). */

const SECOND = 1_000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`
}

/** A positive delay in the largest whole unit; delays shorter than a minute in (rounded) seconds. */
export function formatDuration(ms: number): string {
  if (ms >= HOUR && ms % HOUR === 0) return plural(ms / HOUR, 'hour')
  if (ms >= MINUTE && ms % MINUTE === 0) return plural(ms / MINUTE, 'minute')
  if (ms >= MINUTE) return plural(Math.round(ms / MINUTE), 'minute')
  return plural(Math.max(1, Math.round(ms / SECOND)), 'second')
}

/** As formatDuration, with 0 meaning the thing is off ("Never"). */
export function formatDelayChoice(ms: number): string {
  return ms === 0 ? 'Never' : formatDuration(ms)
}
