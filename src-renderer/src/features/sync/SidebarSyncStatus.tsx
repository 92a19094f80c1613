import './sidebar-sync.css'
import { RefreshIcon, WarningIcon } from '../../ui/icons.tsx'
import { WithSync } from './SyncProvider.tsx'
import { useSync } from './sync-context.ts'
import { type SyncPhase, syncPhase } from './sync-state.ts'
import { absoluteTime, relativeTime, useNow } from './sync-time.ts'

export interface SidebarSyncStatusProps {
  /** Signed out or stopped: the way on (the master password, Check again) is in Settings → Sync. */
  readonly onOpenSettings: () => void
}

/**
 * One line above the sidebar's tools: "Synced 2 min ago", "Syncing…", "Sync paused: …",
 * "Sync stopped"; nothing while sync is off.
 */
export function SidebarSyncStatus(props: SidebarSyncStatusProps) {
  return (
    <WithSync>
      <SyncLine {...props} />
    </WithSync>
  )
}

function SyncLine({ onOpenSettings }: SidebarSyncStatusProps) {
  const sync = useSync()
  const now = useNow()
  const phase = syncPhase(sync.status, sync.running)
  if (phase.kind === 'off') return null
  const { text, detail } = describe(phase, now)
  const action = actionOf(phase)
  return (
    <div className="sidebar-sync" data-phase={phase.kind} data-testid="sidebar-sync">
      <span className="sidebar-sync-dot" aria-hidden="true" />
      {/* For the eye; screen readers get the status below and the button's description. */}
      <span className="sidebar-sync-text" title={detail} aria-hidden="true" data-testid="sidebar-sync-text">
        {text}
      </span>
      {/* Announces changes of state, not the clock ticking "1 min ago", "2 min ago". */}
      <span className="visually-hidden" role="status">
        {phase.kind === 'synced' ? 'Synced' : text}
      </span>
      <button
        type="button"
        className={phase.kind === 'syncing' ? 'sidebar-sync-button is-spinning' : 'sidebar-sync-button'}
        aria-label={action.label}
        title={`${action.label} (${text})`}
        disabled={phase.kind === 'syncing'}
        onClick={action.opensSettings ? onOpenSettings : () => void sync.syncNow()}
      >
        {phase.kind === 'halted' ? <WarningIcon /> : <RefreshIcon />}
      </button>
    </div>
  )
}

function describe(phase: Exclude<SyncPhase, { kind: 'off' }>, now: number): { text: string; detail?: string } {
  switch (phase.kind) {
    case 'syncing':
      return { text: 'Syncing…' }
    case 'synced':
      return phase.at === null
        ? { text: 'Not synced yet' }
        : { text: `Synced ${relativeTime(phase.at, now)}`, detail: `Last synced ${absoluteTime(phase.at)}` }
    case 'signed-out':
      return { text: 'Sync paused: signed out', detail: 'Sign in again from Settings → Sync.' }
    case 'paused':
      return { text: `Sync paused: ${phase.reason}`, detail: phase.message }
    case 'halted':
      return { text: 'Sync stopped', detail: `${phase.message} Open Settings → Sync to check again.` }
  }
}

/** What the button does: sync now, or (when that cannot help) open Settings → Sync. */
function actionOf(phase: Exclude<SyncPhase, { kind: 'off' }>): { label: string; opensSettings: boolean } {
  switch (phase.kind) {
    case 'signed-out':
      return { label: 'Sign in to sync', opensSettings: true }
    // Syncing again would only stop again: the explanation and Check again are in the settings.
    case 'halted':
      return { label: 'Why sync stopped', opensSettings: true }
    default:
      return { label: 'Sync now', opensSettings: false }
  }
}
