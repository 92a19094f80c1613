/**
 * Every saved version of an item. Picking one shows it read-only (its
 * secrets revealable like the current ones); "Restore this version" saves it
 * again as the newest revision, so nothing in the history is ever lost.
 */
import { useEffect, useRef, useState } from 'react'
import { useVaultClient } from '../../../api/use-vault-client.ts'
import { Button, IconButton } from '../../../ui/index.ts'
import { useItemView } from '../api/use-item-view.ts'
import { ItemFields } from '../detail/ItemFields.tsx'
import { IconBack, IconRestore } from '../icons/icons.tsx'
import { formatDateTime } from '../model/format.ts'
import { useToast } from '../toast/toast-context.tsx'
import { useHistory } from './use-history.ts'
import './history.css'
import type { ItemRevisionInfo } from '../model/types.ts'

export interface ItemHistoryProps {
  readonly id: string
  readonly version: number
  readonly onClose: () => void
  readonly onRestored: () => void
}

export function ItemHistory({ id, version, onClose, onRestored }: ItemHistoryProps) {
  const history = useHistory(id, version)
  const revisions = history.data ?? []
  const current = revisions[0]?.revision
  const [picked, setPicked] = useState<number | null>(null)
  const selected = picked ?? current
  const restore = useRestore(id, onRestored)
  const pane = useRef<HTMLElement>(null)
  // The History button that opened this pane is gone; the pane takes its focus, so Escape and Tab work from here.
  useEffect(() => pane.current?.focus(), [])
  return (
    <section ref={pane} className="history-pane" aria-label="Item history" tabIndex={-1}>
      <header className="history-header">
        <IconButton label="Back to the item" onClick={onClose}>
          <IconBack />
        </IconButton>
        <h1 className="history-title">History</h1>
        {selected !== undefined && selected !== current ? (
          <Button small variant="primary" onClick={() => void restore(selected)}>
            <IconRestore />
            Restore this version
          </Button>
        ) : null}
      </header>
      {history.error === null ? null : <p className="banner banner-error history-error">{history.error}</p>}
      <ol className="history-list" aria-label="Versions">
        {revisions.map((info) => (
          <li key={info.revision}>
            <RevisionButton
              info={info}
              current={info.revision === current}
              selected={info.revision === selected}
              onPick={setPicked}
            />
          </li>
        ))}
      </ol>
      {selected === undefined ? null : (
        <RevisionPreview key={selected} id={id} revision={selected} current={selected === current} version={version} />
      )}
    </section>
  )
}

interface RevisionButtonProps {
  readonly info: ItemRevisionInfo
  readonly current: boolean
  readonly selected: boolean
  readonly onPick: (revision: number) => void
}

function RevisionButton({ info, current, selected, onPick }: RevisionButtonProps) {
  return (
    <button
      type="button"
      className="history-entry"
      aria-pressed={selected}
      data-testid="history-entry"
      onClick={() => onPick(info.revision)}
    >
      <span className="history-entry-head">
        <span className="history-entry-name">Version {info.revision}</span>
        {current ? <span className="badge badge-accent">Current</span> : null}
        {info.trashed ? <span className="badge badge-muted">In trash</span> : null}
        {info.damaged ? <span className="badge badge-error">Damaged</span> : null}
      </span>
      <span className="history-entry-title">{info.damaged ? info.damaged.message : info.title}</span>
      <span className="history-entry-date">{formatDateTime(info.savedAt)}</span>
    </button>
  )
}

interface RevisionPreviewProps {
  readonly id: string
  readonly revision: number
  readonly current: boolean
  readonly version: number
}

function RevisionPreview({ id, revision, current, version }: RevisionPreviewProps) {
  const state = useItemView(id, revision, version)
  if (state.kind === 'loading') return <div className="history-preview" aria-busy="true" />
  if (state.kind === 'failed') return <p className="banner banner-error history-error">{state.error.message}</p>
  return (
    <section className="history-preview" aria-label={`Version ${revision}`} data-testid="history-preview">
      <h2 className="history-preview-title">
        {state.view.title}
        <span className="history-preview-note">{current ? 'Current version' : `Version ${revision}, read-only`}</span>
      </h2>
      <ItemFields view={state.view} revision={revision} version={version} />
    </section>
  )
}

function useRestore(id: string, onRestored: () => void) {
  const client = useVaultClient()
  const toast = useToast()
  return async (revision: number) => {
    const result = await client.restoreRevision({ id, revision })
    if (!result.ok) return toast(result.error.message, 'error')
    toast(`Version ${revision} restored`, 'success')
    onRestored()
  }
}
