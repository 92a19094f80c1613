/** Sync times in words: "just now", "2 min ago", and a clock that keeps them true while they are on screen. */
import { useEffect, useState } from 'react'
import { calendarDate } from '../vault/model/format.ts'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** "just now", "5 min ago", "3 h ago", "2 days ago", then the date. */
export function relativeTime(at: number, now: number): string {
  const ago = Math.max(0, now - at)
  if (ago < 45_000) return 'just now'
  if (ago < HOUR) return `${Math.max(1, Math.round(ago / MINUTE))} min ago`
  if (ago < DAY) return `${Math.floor(ago / HOUR)} h ago`
  const days = Math.floor(ago / DAY)
  if (days < 7) return days === 1 ? 'yesterday' : `${days} days ago`
  return `on ${calendarDate(at)}`
}

/** The full date and time, for a tooltip beside a relative time. */
export function absoluteTime(at: number): string {
  return DATE_TIME.format(new Date(at))
}

/** How often a relative time on screen is brought up to date. */
export const CLOCK_TICK_MS = 30_000

/** The current time, refreshed every tick, so "just now" becomes "1 min ago" by itself. */
export function useNow(tickMs: number = CLOCK_TICK_MS): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), tickMs)
    return () => clearInterval(timer)
  }, [tickMs])
  return now
}
