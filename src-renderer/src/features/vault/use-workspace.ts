/**
 * The workspace's state and what the user can do with it: which pane shows
 * (item, editor, history), which dialog is open, where focus goes, and the
 * keyboard shortcuts. The panes get what they need from here.
 */
import type { ItemType, ItemView } from '@shared/domain/item.ts'
import { useRef, useState } from 'react'
import { useVaultEvent } from '../../api/use-vault-event.ts'
import { useSession } from '../../app/session.ts'
import { useChangeCounter } from './api/use-change-counter.ts'
import type { DialogKind } from './dialogs/WorkspaceDialogs.tsx'
import { ALL_ITEMS } from './model/scope.ts'
import type { Pane } from './RightPane.tsx'
import { useShortcuts } from './shortcuts/use-shortcuts.ts'
import { useToast } from './toast/toast-context.tsx'
import { useItemCommands } from './use-item-commands.ts'
import { type ListSelection, useListSelection } from './use-list-selection.ts'

export function useWorkspace() {
  const session = useSession()
  const [version, changed] = useChangeCounter()
  const [pane, setPane] = useState<Pane>({ kind: 'detail' })
  const [dialog, setDialog] = useState<DialogKind>(null)
  const editing = pane.kind === 'new' || pane.kind === 'edit'
  const selection = useListSelection(version, pane.kind === 'detail')
  const commands = useItemCommands(selection.selected)
  const focus = useFocusTargets()
  useClipboardNotice()

  const toDetail = () => setPane({ kind: 'detail' })
  const startNew = (type: ItemType) => {
    setDialog(null)
    setPane({ kind: 'new', type, key: Date.now() })
  }
  const startEdit = async (view?: ItemView) => {
    const id = view?.id ?? selection.selectedId
    if (id === null || editing) return
    const current = view ?? (await commands.loadForEdit(id))
    if (current !== undefined && current.trashedAt === null) setPane({ kind: 'edit', view: current, key: Date.now() })
  }
  const onSaved = (view: ItemView) => {
    if (pane.kind === 'new') showNewItem(view, selection)
    selection.setSelectedId(view.id)
    toDetail()
    changed()
    focus.detail()
  }
  const lock = () => void session.lock()

  useShortcuts({
    search: focus.search,
    lock,
    help: () => setDialog('shortcuts'),
    copyPassword: commands.copyPassword,
    copyUsername: commands.copyUsername,
    copyTotp: commands.copyTotp,
    ...(editing ? {} : { newItem: () => setDialog('newItem'), edit: () => void startEdit() }),
  })

  return {
    version,
    changed,
    pane,
    setPane,
    toDetail,
    dialog,
    setDialog,
    editing,
    selection,
    commands,
    focus,
    startNew,
    startEdit,
    onSaved,
    lock,
  }
}

export type Workspace = ReturnType<typeof useWorkspace>

function useFocusTargets() {
  const searchRef = useRef<HTMLInputElement>(null)
  const listRef = useRef<HTMLDivElement>(null)
  const detailRef = useRef<HTMLElement>(null)
  return {
    searchRef,
    listRef,
    detailRef,
    search: () => {
      searchRef.current?.focus()
      searchRef.current?.select()
    },
    // After the pane has rendered the item it is about to show.
    detail: () => requestAnimationFrame(() => detailRef.current?.focus()),
  }
}

/** Main cleared a copied secret: say so, as the copy toast promised. */
function useClipboardNotice(): void {
  const toast = useToast()
  useVaultEvent((event) => {
    if (event.type === 'clipboardCleared') toast('Clipboard cleared')
  })
}

/** A new item that the current scope or search would hide: show everything, so it appears selected. */
function showNewItem(view: ItemView, selection: ListSelection): void {
  selection.setQuery('')
  const { scope } = selection
  const fits =
    scope.kind === 'all' ||
    (scope.kind === 'type' && scope.type === view.type) ||
    (scope.kind === 'favorites' && view.favorite) ||
    (scope.kind === 'tag' && view.tags.includes(scope.tag))
  if (!fits) selection.setScope(ALL_ITEMS)
}
