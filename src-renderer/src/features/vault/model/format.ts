/** Small formatting helpers shared by the panes, dialogs and settings. */

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

export function formatDateTime(epochMs: number): string {
  return DATE_TIME.format(new Date(epochMs))
}

/** The day only, in the user's locale: "12 Mar 2025". */
export function calendarDate(epochMs: number): string {
  return DATE.format(new Date(epochMs))
}

/** "123 456" for six digits, "1234 5678" for eight: the grouping authenticator apps use. */
export function groupTotpCode(code: string): string {
  const half = Math.ceil(code.length / 2)
  return `${code.slice(0, half)} ${code.slice(half)}`
}

/** "Password copied · clears in 30 s", or without the delay when clearing is off. */
export function copiedMessage(label: string, clearsAt: number | null, now = Date.now()): string {
  if (clearsAt === null) return `${label} copied`
  const seconds = Math.max(1, Math.round((clearsAt - now) / 1000))
  return `${label} copied · clears in ${seconds} s`
}

/** Splits comma-separated input into trimmed, non-empty tags. */
export function splitTags(input: string): string[] {
  return input
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean)
}

export function pluralize(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}
