import type { SyncReportView } from '@shared/ipc/views.ts'
import { Banner } from '../../../ui/index.ts'

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/**
 * What the last sync this window ran did: items down and up, and the two
 * cases that need the user's eye. A conflict lost nothing (the other value
 * is an earlier revision in the item's history); a rejected record is one
 * that failed to open, so the local item was kept as it was.
 */
export function SyncReportSummary({ report }: { readonly report: SyncReportView }) {
  const { pulled, pushed, conflicts, rejected } = report
  return (
    <div className="sync-report" data-testid="sync-report">
      <p>
        Last sync: {count(pulled, 'change')} received, {count(pushed, 'change')} sent.
      </p>
      {conflicts.length > 0 ? (
        <Banner tone="info" title={`${count(conflicts.length, 'item')} changed on two devices`} testId="sync-conflicts">
          The newest edit of each field was kept. The other value is not lost: it is an earlier version in the item's
          history.
        </Banner>
      ) : null}
      {rejected.length > 0 ? (
        <Banner
          tone="warn"
          title={`${count(rejected.length, 'server record')} could not be opened`}
          testId="sync-rejected"
        >
          {rejected.length === 1 ? 'It' : 'They'} did not decrypt and verify on this device, so the copy on this device
          was kept unchanged. If this keeps happening, the server's copy may be damaged or altered.
        </Banner>
      ) : null}
    </div>
  )
}
