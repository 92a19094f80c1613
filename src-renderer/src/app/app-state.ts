/**
 * The app's screens as a state machine. Main is the source of truth (getStatus);
 * this only remembers which screen shows and why the vault last locked.
 *
 *   starting ──status──► onboarding | locked | unlocked
 *   unlocked ──locked event / VAULT_LOCKED──► locked (workspace unmounted at once)
 *   locked ──unlock, then status──► unlocked
 *   onboarding ──Secret Key saved, then status──► unlocked (or locked, if it locked meanwhile)
 */
import type { LockReason } from '@shared/ipc/events.ts'
import type { VaultStatusView } from '@shared/ipc/views.ts'

/** Why the lock screen shows: main's reason, or 'expired' when a call found the vault already locked. */
export type LockNotice = LockReason | 'expired'

export type Screen =
  | { readonly kind: 'starting' }
  | { readonly kind: 'unreachable'; readonly message: string }
  | { readonly kind: 'onboarding'; readonly lockedMeanwhile?: LockNotice }
  | {
      readonly kind: 'locked'
      readonly accountId: string
      readonly secretKeyNeeded: boolean
      readonly secretKeyReason?: string
      readonly notice?: LockNotice
    }
  | { readonly kind: 'unlocked'; readonly accountId: string; readonly email: string }

export type ScreenAction =
  | { readonly type: 'status'; readonly status: VaultStatusView }
  | { readonly type: 'locked'; readonly notice: LockNotice }
  | { readonly type: 'unreachable'; readonly message: string }

export const INITIAL_SCREEN: Screen = { kind: 'starting' }

export function nextScreen(screen: Screen, action: ScreenAction): Screen {
  switch (action.type) {
    case 'status':
      return fromStatus(screen, action.status)
    case 'locked':
      return onLocked(screen, action.notice)
    case 'unreachable':
      return { kind: 'unreachable', message: action.message }
  }
}

function fromStatus(screen: Screen, status: VaultStatusView): Screen {
  switch (status.state) {
    case 'no-account':
      return { kind: 'onboarding' }
    case 'unlocked':
      return { kind: 'unlocked', accountId: status.accountId, email: status.email }
    case 'locked':
      return {
        kind: 'locked',
        accountId: status.accountId,
        secretKeyNeeded: status.secretKeyNeeded,
        ...(status.secretKeyReason === undefined ? {} : { secretKeyReason: status.secretKeyReason }),
        // A refresh while the lock screen shows keeps the reason it shows.
        ...noticeOf(screen),
      }
  }
}

function noticeOf(screen: Screen): { notice?: LockNotice } {
  if (screen.kind === 'locked' && screen.notice !== undefined) return { notice: screen.notice }
  if (screen.kind === 'onboarding' && screen.lockedMeanwhile !== undefined) return { notice: screen.lockedMeanwhile }
  return {}
}

function onLocked(screen: Screen, notice: LockNotice): Screen {
  switch (screen.kind) {
    case 'unlocked':
      return { kind: 'locked', accountId: screen.accountId, secretKeyNeeded: false, notice }
    case 'onboarding':
      // The one-time Secret Key screen stays: hiding it could lose the only copy (see Onboarding.tsx).
      return { ...screen, lockedMeanwhile: notice }
    default:
      return screen
  }
}
