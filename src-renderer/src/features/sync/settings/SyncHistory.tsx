import type { SyncStatusView } from '@shared/ipc/views.ts'

/**
 * The newest vault history this device verified, as a number and a short
 * code. Every machine of the account reaches the same code for the same
 * number; a server that shows machines different histories (a fork) cannot
 * hide it from a user who compares them.
 */
export function SyncHistory({ history }: { readonly history: SyncStatusView['history'] }) {
  if (history === null) return null
  return (
    <div className="sync-history">
      <p className="sync-history-line" data-testid="sync-history">
        Vault history #{history.counter} · <span className="sync-history-code">{history.code}</span>
      </p>
      <p className="sync-history-hint">
        After syncing, each of your machines shows the same number and code. A different code for the same number means
        the server is showing them different histories.
      </p>
    </div>
  )
}
