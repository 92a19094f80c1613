/** The middle pane: search, the scope's title and count, and the results (or why there are none). */
import type { ItemType } from '@shared/domain/item.ts'
import { forwardRef, type ReactNode, type Ref } from 'react'
import { Button } from '../../../ui/index.ts'
import { TypeIcon } from '../icons/TypeIcon.tsx'
import { pluralize } from '../model/format.ts'
import { TYPE_NAMES } from '../model/item-types.ts'
import { type Scope, scopeTitle } from '../model/scope.ts'
import { ItemList } from './ItemList.tsx'
import { SearchBar } from './SearchBar.tsx'
import './list.css'
import type { ItemSummary } from '../model/types.ts'

export interface ListPaneProps {
  readonly scope: Scope
  readonly query: string
  readonly items: readonly ItemSummary[]
  readonly total: number
  readonly loading: boolean
  readonly error: string | null
  readonly selectedId: string | null
  readonly listRef: Ref<HTMLDivElement>
  readonly onQuery: (query: string) => void
  readonly onSelect: (id: string) => void
  readonly onMove: (delta: number) => void
  readonly onOpen: (id: string | null) => void
  readonly onEscape: () => void
  readonly onLoadMore: () => void
  readonly onNewItem: (type: ItemType) => void
  readonly onEmptyTrash: () => void
}

export const ListPane = forwardRef<HTMLInputElement, ListPaneProps>(function ListPane(props, searchRef) {
  const { scope, items, total, loading, error } = props
  const title = scopeTitle(scope)
  return (
    <section className="list-pane" aria-label="Item list">
      <div className="list-pane-search">
        <SearchBar
          ref={searchRef}
          query={props.query}
          placeholder={`Search ${scope.kind === 'all' ? 'the vault' : title}`}
          onQuery={props.onQuery}
          onMove={props.onMove}
          onOpen={() => props.onOpen(props.selectedId)}
        />
      </div>
      <header className="list-pane-header">
        <h1 className="list-pane-title">{title}</h1>
        <span className="list-pane-count" data-testid="result-count" aria-live="polite">
          {loading && items.length === 0 ? '' : pluralize(total, 'item')}
        </span>
        {scope.kind === 'trash' && total > 0 && props.query === '' ? (
          <Button small variant="danger" onClick={props.onEmptyTrash}>
            Empty trash
          </Button>
        ) : null}
      </header>
      {error === null ? null : (
        <p className="banner banner-error list-pane-error" role="alert">
          {error}
        </p>
      )}
      <ItemList
        ref={props.listRef}
        items={items}
        total={total}
        selectedId={props.selectedId}
        onSelect={props.onSelect}
        onMove={props.onMove}
        onOpen={props.onOpen}
        onEscape={props.onEscape}
        onLoadMore={props.onLoadMore}
        empty={loading ? <LoadingRows /> : <EmptyState {...props} />}
      />
    </section>
  )
})

function LoadingRows() {
  return (
    <div className="list-skeleton" aria-label="Loading items" role="status">
      {[0, 1, 2, 3, 4].map((row) => (
        <div key={row} className="list-skeleton-row">
          <span className="list-skeleton-icon" />
          <span className="list-skeleton-lines">
            <span />
            <span />
          </span>
        </div>
      ))}
    </div>
  )
}

function EmptyState({ scope, query, onNewItem }: ListPaneProps) {
  if (query.trim() !== '') {
    return <Empty title={`No results for “${query.trim()}”`} text="Try fewer letters, or another section." />
  }
  switch (scope.kind) {
    case 'trash':
      return <Empty title="Trash is empty" text="Items you delete wait here until you empty the trash." />
    case 'favorites':
      return <Empty title="No favorites yet" text="Star an item to keep it here, one click away." />
    case 'tag':
      return <Empty title="No items with this tag" text="Tags you add to items appear in the sidebar." />
    case 'type':
      return (
        <Empty
          type={scope.type}
          title={`No ${TYPE_NAMES[scope.type].many.toLowerCase()} yet`}
          text="Everything you save is encrypted on this device before it is stored."
          action={
            <Button variant="primary" onClick={() => onNewItem(scope.type)}>
              New {TYPE_NAMES[scope.type].one.toLowerCase()}
            </Button>
          }
        />
      )
    case 'all':
      return (
        <Empty
          type="login"
          title="No items yet"
          text="Create your first login: it is encrypted on this device before it is stored."
          action={
            <Button variant="primary" onClick={() => onNewItem('login')}>
              Create your first login
            </Button>
          }
        />
      )
  }
}

interface EmptyProps {
  readonly title: string
  readonly text: string
  readonly type?: ItemType
  readonly action?: ReactNode
}

function Empty({ title, text, type, action }: EmptyProps) {
  return (
    <div className="empty-state">
      {type === undefined ? null : <TypeIcon type={type} size="large" />}
      <h2 className="empty-state-title">{title}</h2>
      <p className="empty-state-text">{text}</p>
      {action}
    </div>
  )
}
