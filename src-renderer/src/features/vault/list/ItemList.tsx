/**
 * The results as a listbox. Focus stays on the listbox itself and
 * aria-activedescendant points at the selected row, so arrow keys and screen
 * readers agree without moving focus row by row.
 */
import { forwardRef, type KeyboardEvent, type ReactNode, useEffect, useId } from 'react'
import type { ItemSummary } from '../model/types.ts'
import { ItemRow } from './ItemRow.tsx'

/** Ask for more while this many pixels of results are still below the fold. */
const LOAD_MORE_MARGIN_PX = 400

export interface ItemListProps {
  readonly items: readonly ItemSummary[]
  readonly total: number
  readonly selectedId: string | null
  readonly onSelect: (id: string) => void
  readonly onMove: (delta: number) => void
  readonly onOpen: (id: string) => void
  readonly onEscape: () => void
  readonly onLoadMore: () => void
  /** Shown instead of the rows when there are none. */
  readonly empty: ReactNode
}

export const ItemList = forwardRef<HTMLDivElement, ItemListProps>(function ItemList(props, ref) {
  const { items, total, selectedId, onSelect, onMove, onOpen, onEscape, onLoadMore, empty } = props
  const prefix = useId()
  const domId = (id: string) => `${prefix}-${id}`

  useEffect(() => {
    if (selectedId === null) return
    document.getElementById(`${prefix}-${selectedId}`)?.scrollIntoView?.({ block: 'nearest' })
  }, [prefix, selectedId])

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }
    const delta = moves[event.key]
    if (delta !== undefined) {
      event.preventDefault()
      onMove(delta)
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault()
      onMove(event.key === 'Home' ? -items.length : items.length)
    } else if (event.key === 'Enter' && selectedId !== null) {
      event.preventDefault()
      onOpen(selectedId)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      onEscape()
    }
  }

  function onScroll(event: { currentTarget: HTMLDivElement }): void {
    const { scrollTop, clientHeight, scrollHeight } = event.currentTarget
    if (items.length < total && scrollTop + clientHeight >= scrollHeight - LOAD_MORE_MARGIN_PX) onLoadMore()
  }

  if (items.length === 0) return <div className="item-list-empty">{empty}</div>
  const active = selectedId !== null && items.some((item) => item.id === selectedId) ? domId(selectedId) : undefined
  return (
    <div
      ref={ref}
      className="item-list"
      role="listbox"
      aria-label="Items"
      tabIndex={0}
      aria-activedescendant={active}
      onKeyDown={onKeyDown}
      onScroll={onScroll}
    >
      {items.map((item) => (
        <ItemRow
          key={item.id}
          item={item}
          domId={domId(item.id)}
          selected={item.id === selectedId}
          onSelect={onSelect}
          onOpen={onOpen}
        />
      ))}
      {items.length < total ? <div className="item-list-more">Loading more…</div> : null}
    </div>
  )
})
