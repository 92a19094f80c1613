import type { SyncHaltView } from '@shared/ipc/views.ts'
import { useState } from 'react'
import { RefreshIcon } from '../../../ui/icons.tsx'
import { Banner, Button, Spinner } from '../../../ui/index.ts'
import { pluralize } from '../../vault/model/format.ts'
import { useSync } from '../sync-context.ts'
import { absoluteTime, relativeTime, useNow } from '../sync-time.ts'

/** The most titles a halt names; the rest are counted. */
const TITLES_SHOWN = 8

/** What the last Check again found, when it did not bring sync back. */
type CheckOutcome = { readonly kind: 'still-halted' } | { readonly kind: 'failed'; readonly message: string }

/**
 * Main caught the sync server lying about the vault's history (an older
 * copy, a different history, items held back, records no device wrote) and
 * stopped syncing it. What happened in main's words, the items concerned,
 * what it means, and Check again; turning sync off stays below.
 */
export function SyncHalted({ halt }: { readonly halt: SyncHaltView }) {
  const sync = useSync()
  const checking = sync.running
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null)

  // On success main's status moves on and this alert goes away; the report shows what the sync did.
  const checkAgain = async () => {
    setOutcome(null)
    const result = await sync.recheck()
    if (result.ok) return
    setOutcome(
      result.error.code === 'SYNC_HALTED'
        ? { kind: 'still-halted' }
        : { kind: 'failed', message: result.error.message },
    )
  }

  return (
    <div className="sync-halted" data-testid="sync-halted">
      <Banner tone="error" live="alert" title="Syncing stopped to protect your vault">
        <div className="sync-halted-body">
          <p data-testid="sync-halted-message">{halt.message}</p>
          <ItemsConcerned halt={halt} />
          <p>
            Nothing on this device was changed or sent: your items here are as they were, and this device will not sync
            this vault again until the problem is gone.
          </p>
          <p>
            Your other devices may have been shown something different. Compare the vault history number and code in
            Settings → Sync on each of your machines: the same number must show the same code.
          </p>
          <p>
            If you did not restore the sync server from a backup, treat the server as compromised. You can keep using
            the vault on this device, and turn sync off below.
          </p>
          <StoppedAt at={halt.detectedAt} />
        </div>
      </Banner>
      <div className="sync-form-actions">
        <Button onClick={() => void checkAgain()} disabled={checking} aria-busy={checking}>
          {checking ? <Spinner /> : <RefreshIcon />}
          {checking ? 'Checking…' : 'Check again'}
        </Button>
        <p
          className={outcome === null ? 'sync-progress' : 'sync-progress is-problem'}
          role="status"
          data-testid="sync-recheck-status"
        >
          {checking ? 'Asking the server for the vault history again…' : outcomeWords(outcome)}
        </p>
      </div>
    </div>
  )
}

function outcomeWords(outcome: CheckOutcome | null): string {
  if (outcome === null) return ''
  if (outcome.kind === 'failed') return `Could not check again: ${outcome.message}`
  return 'The problem is still there, so syncing stays stopped.'
}

/** The titles this device knows (main names them; '' for one it lacks), or a count ("3 items") when it knows none. */
function ItemsConcerned({ halt }: { readonly halt: SyncHaltView }) {
  const ids = [...new Set(halt.itemIds)]
  const titles = ids.flatMap((id) => halt.titles[id] || []).slice(0, TITLES_SHOWN)
  const others = ids.length - titles.length
  if (titles.length === 0) {
    return others === 0 ? null : <p data-testid="sync-halted-items">It concerns {pluralize(others, 'item')}.</p>
  }
  return (
    <div data-testid="sync-halted-items">
      <p>It concerns:</p>
      <ul className="sync-halted-items">
        {titles.map((title, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two items may share a title; the list never reorders.
          <li key={index}>{title}</li>
        ))}
        {others > 0 ? <li>and {pluralize(others, 'other item')}</li> : null}
      </ul>
    </div>
  )
}

function StoppedAt({ at }: { readonly at: number }) {
  const now = useNow()
  return (
    <p className="sync-halted-when">
      Stopped{' '}
      <time dateTime={new Date(at).toISOString()} title={absoluteTime(at)}>
        {relativeTime(at, now)}
      </time>
      .
    </p>
  )
}
