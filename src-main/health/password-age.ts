/**
 * When did a login's password take its current value? Pure: the vault
 * (vault/health-source.ts) opens the item's revisions and hands them here,
 * newest first, lazily, so the walk opens only as many as it needs.
 *
 * The answer is the time of the oldest revision in the unbroken run of
 * revisions, counted back from the current one, that hold the current
 * password. A password changed and later changed back (A, B, A) dates from
 * its return. The walk stops at a revision it cannot compare: one that failed
 * to open, or that is not a login (password undefined); then the answer is
 * the oldest revision known to hold the password, so an age is never
 * overstated. A current revision without a password has no age (null).
 */

export interface PasswordRevision {
  /** undefined when the revision could not be opened or is not a login. */
  readonly password: string | undefined
  /** When the revision was saved. */
  readonly savedAt: number
}

export function passwordChangedAt(newestFirst: Iterable<PasswordRevision>): number | null {
  let current: string | undefined
  let changedAt: number | null = null
  for (const revision of newestFirst) {
    if (changedAt === null) {
      if (revision.password === undefined || revision.password === '') return null
      current = revision.password
    } else if (revision.password !== current) {
      break
    }
    changedAt = revision.savedAt
  }
  return changedAt
}
