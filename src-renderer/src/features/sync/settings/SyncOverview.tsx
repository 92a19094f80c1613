import type { SyncStatusView } from '@shared/ipc/views.ts'
import { RefreshIcon } from '../../../ui/icons.tsx'
import { Banner, Button, Spinner } from '../../../ui/index.ts'
import { useSync } from '../sync-context.ts'
import { syncPhase } from '../sync-state.ts'
import { absoluteTime, relativeTime, useNow } from '../sync-time.ts'
import { SyncReportSummary } from './SyncReportSummary.tsx'

/** Sync is on: the server, how it stands, when it last synced, a Sync now button and the last report. */
export function SyncOverview({ status }: { readonly status: SyncStatusView }) {
  const sync = useSync()
  const phase = syncPhase(status, sync.running)
  return (
    <div className="sync-overview">
      <dl className="sync-facts">
        <dt>Server</dt>
        <dd className="sync-url" data-testid="sync-url">
          {status.url}
        </dd>
        <dt>Status</dt>
        <dd data-testid="sync-state">{phase.kind === 'syncing' ? 'Syncing…' : stateWords(status)}</dd>
        <dt>Last synced</dt>
        <dd>
          <LastSynced at={status.lastSyncAt} />
        </dd>
      </dl>
      {phase.kind === 'paused' ? (
        <Banner tone="error" live="alert" title="Sync is paused" testId="sync-error">
          {phase.message}
        </Banner>
      ) : null}
      <div className="sync-form-actions">
        <Button onClick={() => void sync.syncNow()} disabled={sync.running}>
          {sync.running ? <Spinner /> : <RefreshIcon />}
          {sync.running ? 'Syncing…' : 'Sync now'}
        </Button>
      </div>
      {sync.report ? <SyncReportSummary report={sync.report} /> : null}
    </div>
  )
}

function stateWords(status: SyncStatusView): string {
  switch (status.state) {
    case 'syncing':
      return 'Syncing…'
    case 'error':
      return 'Paused'
    case 'signed-out':
      return 'Signed out'
    default:
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
