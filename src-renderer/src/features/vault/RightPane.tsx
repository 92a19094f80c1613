/** The right-hand pane: the selected item, its editor, a new item's editor, or its history. */
import type { ItemType, ItemView } from '@shared/domain/item.ts'
import { forwardRef, type KeyboardEvent } from 'react'
import { ItemDetail } from './detail/ItemDetail.tsx'
import { ItemEditor } from './editor/ItemEditor.tsx'
import { ItemHistory } from './history/ItemHistory.tsx'

export type Pane =
  | { readonly kind: 'detail' }
  | { readonly kind: 'history' }
  | { readonly kind: 'new'; readonly type: ItemType; readonly key: number }
  | { readonly kind: 'edit'; readonly view: ItemView; readonly key: number }

export interface RightPaneProps {
  readonly pane: Pane
  readonly selectedId: string | null
  readonly version: number
  readonly onPane: (pane: Pane) => void
  readonly onEdit: (view: ItemView) => void
  readonly onSaved: (view: ItemView) => void
  readonly onChanged: () => void
  readonly onTag: (tag: string) => void
  /** Escape in the detail pane: back to the search box. */
  readonly onEscape: () => void
  readonly onReloadEdit: (id: string) => void
}

export const RightPane = forwardRef<HTMLElement, RightPaneProps>(function RightPane(props, ref) {
  const { pane, selectedId, version, onPane } = props
  const toDetail = () => onPane({ kind: 'detail' })

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key !== 'Escape' || event.defaultPrevented) return
    event.preventDefault()
    if (pane.kind === 'history') toDetail()
    else props.onEscape()
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape from anywhere in the pane returns to the search box.
    <div className="vault-detail" onKeyDown={onKeyDown}>
      {pane.kind === 'new' ? (
        <ItemEditor key={pane.key} mode={pane} onSaved={props.onSaved} onCancel={toDetail} onReload={toDetail} />
      ) : null}
      {pane.kind === 'edit' ? (
        <ItemEditor
          key={pane.key}
          mode={pane}
          onSaved={props.onSaved}
          onCancel={toDetail}
          onReload={() => props.onReloadEdit(pane.view.id)}
        />
      ) : null}
      {pane.kind === 'history' && selectedId !== null ? (
        <ItemHistory
          key={selectedId}
          id={selectedId}
          version={version}
          onClose={toDetail}
          onRestored={() => {
            props.onChanged()
            toDetail()
          }}
        />
      ) : null}
      {pane.kind === 'detail' && selectedId !== null ? (
        <ItemDetail
          key={selectedId}
          ref={ref}
          id={selectedId}
          version={version}
          onEdit={props.onEdit}
          onHistory={() => onPane({ kind: 'history' })}
          onChanged={props.onChanged}
          onTag={props.onTag}
        />
      ) : null}
      {pane.kind === 'detail' && selectedId === null ? <NothingSelected /> : null}
    </div>
  )
})

function NothingSelected() {
  return (
    <div className="detail-empty">
      <p>Select an item to see its details.</p>
    </div>
  )
}
