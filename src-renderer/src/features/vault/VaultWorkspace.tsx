/**
 * The unlocked vault: sidebar, item list and detail pane (or the editor, or
 * an item's history). The app shell mounts it while the vault is unlocked and
 * unmounts it on lock, which drops everything it held.
 */

import { SyncProvider } from '../sync/SyncProvider.tsx'
import { WorkspaceDialogs } from './dialogs/WorkspaceDialogs.tsx'
import { ListPane } from './list/ListPane.tsx'
import type { Scope } from './model/scope.ts'
import { RightPane } from './RightPane.tsx'
import { Sidebar } from './sidebar/Sidebar.tsx'
import { ToastProvider } from './toast/toast-context.tsx'
import { useWorkspace, type Workspace } from './use-workspace.ts'
import './workspace.css'

export function VaultWorkspace() {
  return (
    <ToastProvider>
      {/* Sync state shared by the sidebar's status line, the settings and the lists (which reload after a sync). */}
      <SyncProvider>
        <WorkspaceLayout />
      </SyncProvider>
    </ToastProvider>
  )
}

function WorkspaceLayout() {
  const ws = useWorkspace()
  const selectScope = (scope: Scope) => {
    ws.selection.setScope(scope)
    ws.toDetail()
  }
  return (
    <div className={ws.editing ? 'vault-workspace is-editing' : 'vault-workspace'} data-testid="vault-workspace">
      {/* While an item is edited, the rest of the window is inert: Save or Cancel first. */}
      <div className="vault-side" inert={ws.editing}>
        <Sidebar
          scope={ws.selection.scope}
          facets={ws.selection.facets}
          onScope={selectScope}
          onNewItem={() => ws.setDialog('newItem')}
          onGenerator={() => ws.setDialog('generator')}
          onSettings={() => ws.setDialog('settings')}
          onHealth={() => ws.setDialog('health')}
          onShortcuts={() => ws.setDialog('shortcuts')}
          onLock={ws.lock}
        />
      </div>
      <div className="vault-list" inert={ws.editing}>
        <WorkspaceList ws={ws} />
      </div>
      <WorkspaceDetail ws={ws} onTag={(tag) => selectScope({ kind: 'tag', tag })} />
      <WorkspaceDialogs
        dialog={ws.dialog}
        trashCount={ws.selection.facets?.trash ?? 0}
        onClose={() => ws.setDialog(null)}
        onNewItem={ws.startNew}
        onOpenItem={(id) => {
          ws.setDialog(null)
          ws.selection.reveal(id)
          ws.toDetail()
          ws.focus.detail()
        }}
        onEmptyTrash={async () => {
          ws.setDialog(null)
          if (await ws.commands.emptyTrash()) ws.changed()
        }}
      />
    </div>
  )
}

function WorkspaceList({ ws }: { readonly ws: Workspace }) {
  const { selection } = ws
  const open = (id: string | null) => {
    if (id === null) return
    selection.setSelectedId(id)
    ws.toDetail()
    ws.focus.detail()
  }
  return (
    <ListPane
      ref={ws.focus.searchRef}
      listRef={ws.focus.listRef}
      scope={selection.scope}
      query={selection.query}
      items={selection.items}
      total={selection.total}
      loading={selection.list.data === null}
      error={selection.list.error}
      selectedId={selection.selectedId}
      onQuery={selection.setQuery}
      onSelect={(id) => {
        selection.setSelectedId(id)
        ws.toDetail()
      }}
      onMove={selection.move}
      onOpen={open}
      onEscape={ws.focus.search}
      onLoadMore={selection.loadMore}
      onNewItem={ws.startNew}
      onEmptyTrash={() => ws.setDialog('emptyTrash')}
    />
  )
}

function WorkspaceDetail({ ws, onTag }: { readonly ws: Workspace; readonly onTag: (tag: string) => void }) {
  return (
    <RightPane
      ref={ws.focus.detailRef}
      pane={ws.pane}
      selectedId={ws.selection.selectedId}
      version={ws.version}
      onPane={ws.setPane}
      onEdit={(view) => void ws.startEdit(view)}
      onSaved={ws.onSaved}
      onChanged={ws.changed}
      onTag={onTag}
      onEscape={ws.focus.search}
      onReloadEdit={async (id) => {
        const view = await ws.commands.loadForEdit(id)
        if (view !== undefined) ws.setPane({ kind: 'edit', view, key: Date.now() })
      }}
    />
  )
}
