/**
 * The left pane: where in the vault you are (all items, favourites, a type,
 * a tag, the trash, each with its count), how sync stands, and the
 * vault-wide actions.
 */
import type { ItemFacets } from '@shared/ipc/views.ts'
import type { ReactNode } from 'react'
import { SidebarSyncStatus } from '../../sync/SidebarSyncStatus.tsx'
import {
  IconGrid,
  IconKeyboard,
  IconLock,
  IconPlus,
  IconSettings,
  IconShieldCheck,
  IconStar,
  IconTag,
  IconTrash,
  IconWand,
} from '../icons/icons.tsx'
import { TypeGlyph } from '../icons/TypeIcon.tsx'
import { ITEM_TYPES, TYPE_NAMES } from '../model/item-types.ts'
import { type Scope, sameScope } from '../model/scope.ts'
import './sidebar.css'

export interface SidebarProps {
  readonly scope: Scope
  readonly facets: ItemFacets | null
  readonly onScope: (scope: Scope) => void
  readonly onNewItem: () => void
  readonly onGenerator: () => void
  readonly onSettings: () => void
  readonly onHealth: () => void
  readonly onShortcuts: () => void
  readonly onLock: () => void
}

export function Sidebar(props: SidebarProps) {
  const { facets } = props
  return (
    <aside className="sidebar">
      <div className="sidebar-top">
        <button type="button" className="sidebar-new" onClick={props.onNewItem} title="New item">
          <IconPlus />
          <span className="sidebar-text">New item</span>
        </button>
      </div>
      <nav className="sidebar-nav" aria-label="Vault sections">
        <ScopeLink {...props} target={{ kind: 'all' }} icon={<IconGrid />} label="All items" count={facets?.all} />
        <ScopeLink
          {...props}
          target={{ kind: 'favorites' }}
          icon={<IconStar />}
          label="Favorites"
          count={facets?.favorites}
        />
        <h2 className="sidebar-heading">Categories</h2>
        {ITEM_TYPES.map((type) => (
          <ScopeLink
            key={type}
            {...props}
            target={{ kind: 'type', type }}
            icon={<TypeGlyph type={type} />}
            label={TYPE_NAMES[type].many}
            count={facets?.types[type]}
          />
        ))}
        <TagLinks {...props} />
        <div className="sidebar-spacer" />
        <ScopeLink {...props} target={{ kind: 'trash' }} icon={<IconTrash />} label="Trash" count={facets?.trash} />
      </nav>
      <SidebarSyncStatus onOpenSettings={props.onSettings} />
      <div className="sidebar-tools">
        <ToolButton label="Password generator" icon={<IconWand />} onClick={props.onGenerator} />
        <ToolButton label="Password health" icon={<IconShieldCheck />} onClick={props.onHealth} />
        <ToolButton label="Settings" icon={<IconSettings />} onClick={props.onSettings} />
        <ToolButton label="Keyboard shortcuts" icon={<IconKeyboard />} onClick={props.onShortcuts} />
        <ToolButton label="Lock" icon={<IconLock />} onClick={props.onLock} />
      </div>
    </aside>
  )
}

function TagLinks(props: SidebarProps) {
  const tags = props.facets?.tags ?? []
  if (tags.length === 0) return null
  return (
    <>
      <h2 className="sidebar-heading">Tags</h2>
      {tags.map((tag) => (
        <ScopeLink
          key={tag.name}
          {...props}
          target={{ kind: 'tag', tag: tag.name }}
          icon={<IconTag />}
          label={tag.name}
          count={tag.count}
        />
      ))}
    </>
  )
}

interface ScopeLinkProps extends SidebarProps {
  readonly target: Scope
  readonly icon: ReactNode
  readonly label: string
  readonly count: number | undefined
}

function ScopeLink({ scope, onScope, target, icon, label, count }: ScopeLinkProps) {
  const current = sameScope(scope, target)
  return (
    <button
      type="button"
      className="sidebar-link"
      aria-current={current ? 'page' : undefined}
      onClick={() => onScope(target)}
      title={label}
    >
      <span className="sidebar-icon">{icon}</span>
      <span className="sidebar-text sidebar-label">{label}</span>
      {count === undefined ? null : (
        <span className="sidebar-text sidebar-count">
          {count}
          <span className="visually-hidden"> items</span>
        </span>
      )}
    </button>
  )
}

function ToolButton({ label, icon, onClick }: { label: string; icon: ReactNode; onClick: () => void }) {
  return (
    <button type="button" className="sidebar-tool" onClick={onClick} aria-label={label} title={label}>
      {icon}
    </button>
  )
}
