import type { SyncStatusView } from '@shared/ipc/views.ts'
import { RefreshIcon } from '../../../ui/icons.tsx'
import { Banner, Button, Spinner } from '../../../ui/index.ts'
import { useSync } from '../sync-context.ts'
import { type SyncPhase, syncPhase } from '../sync-state.ts'
import { absoluteTime, relativeTime, useNow } from '../sync-time.ts'
import { SyncHalted } from './SyncHalted.tsx'
import { SyncHistory } from './SyncHistory.tsx'
import { SyncReportSummary } from './SyncReportSummary.tsx'

/**
 * Sync is on: the server, how it stands, when it last synced, the vault
 * history it verified, a Sync now button and the last report. Stopped to
 * protect the vault, it says why first, and Check again replaces Sync now.
 */
export function SyncOverview({ status }: { readonly status: SyncStatusView }) {
  const sync = useSync()
  const phase = syncPhase(status, sync.running)
  const halted = phase.kind === 'halted'
  return (
    <div className="sync-overview">
      {halted && status.halted ? <SyncHalted halt={status.halted} /> : null}
      <dl className="sync-facts">
        <dt>Server</dt>
        <dd className="sync-url" data-testid="sync-url">
          {status.url}
        </dd>
        <dt>Status</dt>
        <dd data-testid="sync-state">{stateWords(phase, status)}</dd>
        <dt>Last synced</dt>
        <dd>
          <LastSynced at={status.lastSyncAt} />
        </dd>
      </dl>
      <SyncHistory history={status.history} />
      {phase.kind === 'paused' ? (
        <Banner tone="error" live="alert" title="Sync is paused" testId="sync-error">
          {phase.message}
        </Banner>
      ) : null}
      {/* While stopped, syncing again would only stop again: Check again (above) is the way on. */}
      {halted ? null : (
        <div className="sync-form-actions">
          <Button onClick={() => void sync.syncNow()} disabled={sync.running}>
            {sync.running ? <Spinner /> : <RefreshIcon />}
            {sync.running ? 'Syncing…' : 'Sync now'}
          </Button>
        </div>
      )}
      {sync.report && !halted ? <SyncReportSummary report={sync.report} /> : null}
    </div>
  )
}

function stateWords(phase: SyncPhase, status: SyncStatusView): string {
  if (phase.kind === 'syncing') return 'Syncing…'
  switch (status.state) {
    case 'off':
      return 'Off'
    case 'syncing':
      return 'Syncing…'
    case 'error':
      return 'Paused'
    case 'signed-out':
      return 'Signed out'
    case 'halted':
      return 'Stopped'
    case 'idle':
      return 'On'
  }
}

/** "2 min ago", with the exact time as a tooltip; "Not yet" before the first sync. */
export function LastSynced({ at }: { readonly at: number | null }) {
  const now = useNow()
  if (at === null) return <span data-testid="sync-last">Not yet</span>
  return (
    <time dateTime={new Date(at).toISOString()} title={absoluteTime(at)} data-testid="sync-last">
      {relativeTime(at, now)}
    </time>
  )
}
