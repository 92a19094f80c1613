/** The right pane for the selected item: header, fields, and when it was made and changed. */
import type { ItemView } from '@shared/domain/item.ts'
import { forwardRef } from 'react'
import { useVaultClient } from '../../../api/use-vault-client.ts'
import { Banner, Button } from '../../../ui/index.ts'
import { useItemView } from '../api/use-item-view.ts'
import { IconWarning } from '../icons/icons.tsx'
import { formatDateTime } from '../model/format.ts'
import { useToast } from '../toast/toast-context.tsx'
import { DetailHeader } from './DetailHeader.tsx'
import { ItemFields } from './ItemFields.tsx'
import './detail.css'

export interface ItemDetailProps {
  readonly id: string
  readonly version: number
  readonly onEdit: (view: ItemView) => void
  readonly onHistory: () => void
  /** After a change made here (favourite, trash, restore), so lists and counts reload. */
  readonly onChanged: () => void
  readonly onTag: (tag: string) => void
}

export const ItemDetail = forwardRef<HTMLElement, ItemDetailProps>(function ItemDetail(props, ref) {
  const state = useItemView(props.id, undefined, props.version)
  const actions = useDetailActions(props.onChanged)
  if (state.kind === 'loading') return <section ref={ref} className="detail-pane" aria-busy="true" tabIndex={-1} />
  if (state.kind === 'failed') {
    return (
      <section ref={ref} className="detail-pane" tabIndex={-1} aria-label="Item">
        <div className="detail-damaged">
          <IconWarning />
          <h1>This item could not be opened</h1>
          <p>{state.error.message}</p>
          <p className="muted">Its earlier versions may still be intact.</p>
          <Button onClick={props.onHistory}>Show history</Button>
        </div>
      </section>
    )
  }
  const { view } = state
  return (
    <section ref={ref} className="detail-pane" tabIndex={-1} aria-label={view.title} data-testid="item-detail">
      <DetailHeader
        view={view}
        onFavorite={() => void actions.toggleFavorite(view)}
        onEdit={() => props.onEdit(view)}
        onHistory={props.onHistory}
        onTrash={() => void actions.trash(view)}
        onRestore={() => void actions.restore(view)}
      />
      <div className="detail-body">
        {view.syncConflict ? (
          <SyncConflictNotice onHistory={props.onHistory} onDismiss={() => void actions.dismissConflict(view)} />
        ) : null}
        <ItemFields key={`${view.id}:${view.revision}`} view={view} version={props.version} onTag={props.onTag} />
        <p className="detail-meta">
          Created {formatDateTime(view.createdAt)} · Modified {formatDateTime(view.updatedAt)}
        </p>
      </div>
    </section>
  )
})

/** Shown after sync merged edits made on two devices to the same field: nothing was lost, and here is where. */
function SyncConflictNotice({
  onHistory,
  onDismiss,
}: {
  readonly onHistory: () => void
  readonly onDismiss: () => void
}) {
  return (
    <Banner tone="warn" title="Changed on two devices at once" testId="sync-conflict">
      <p>The newer change was kept. The other version is in this item’s history, where you can restore it.</p>
      <p className="detail-conflict-actions">
        <Button small onClick={onHistory}>
          Show history
        </Button>
        <Button small variant="ghost" onClick={onDismiss}>
          Dismiss
        </Button>
      </p>
    </Banner>
  )
}

function useDetailActions(onChanged: () => void) {
  const client = useVaultClient()
  const toast = useToast()
  return {
    dismissConflict: async (view: ItemView) => {
      const result = await client.dismissConflict({ id: view.id })
      if (!result.ok) return toast(result.error.message, 'error')
      onChanged()
    },
    toggleFavorite: async (view: ItemView) => {
      const patch = { favorite: !view.favorite }
      const result = await client.updateItem({ id: view.id, patch, expectedRevision: view.revision })
      if (!result.ok) return toast(result.error.message, 'error')
      onChanged()
    },
    trash: async (view: ItemView) => {
      const result = await client.trashItem({ id: view.id })
      if (!result.ok) return toast(result.error.message, 'error')
      toast(`“${view.title}” moved to the trash`)
      onChanged()
    },
    restore: async (view: ItemView) => {
      const result = await client.restoreItem({ id: view.id })
      if (!result.ok) return toast(result.error.message, 'error')
      toast(`“${view.title}” restored`, 'success')
      onChanged()
    },
  }
}
