/**
 * Locks the vault when the machine goes to sleep or the session is locked:
 * an unattended machine should not hold an open vault. Takes Electron's
 * powerMonitor (or anything emitting the same events) so it can be tested
 * with a plain EventEmitter. powerMonitor may only be used once the app is
 * ready.
 */
import type { LockReason } from '../../src-shared/ipc/events.ts'

export type { LockReason }

/** powerMonitor-like emitter */
export interface PowerEvents {
  on(event: string, listener: () => void): unknown
  removeListener(event: string, listener: () => void): unknown
}

/**
 * Which powerMonitor events lock, and the reason given. Electron emits each
 * only where the OS reports it:
 * - 'suspend': every OS (on Linux through logind's PrepareForSleep).
 * - 'lock-screen': macOS and Windows. On Windows it also fires when the user
 *   switches to another account, since switching locks the session.
 * - 'user-did-resign-active': macOS fast user switching, where the screen
 *   does not lock but another user takes the display.
 * Linux has no screen-lock event in Electron; the idle timer covers it.
 */
const TRIGGERS: ReadonlyArray<readonly [event: string, reason: LockReason]> = [
  ['suspend', 'suspend'],
  ['lock-screen', 'screen-lock'],
  ['user-did-resign-active', 'screen-lock'],
]

/** Calls lock(reason) on each trigger until the returned function is called. lock must be safe to call while locked. */
export function watchLockTriggers(power: PowerEvents, lock: (reason: LockReason) => void): () => void {
  const subscriptions = TRIGGERS.map(([event, reason]) => {
    const listener = (): void => lock(reason)
    power.on(event, listener)
    return { event, listener }
  })
  let watching = true
  return () => {
    if (!watching) return
    watching = false
    for (const { event, listener } of subscriptions) power.removeListener(event, listener)
  }
}
