/** The dialogs the workspace opens: new item, generator, settings, password health, shortcuts, and the empty-trash question. */
import type { ItemType } from '@shared/domain/item.ts'
import { Dialog } from '../../../ui/index.ts'
import { HealthPanel } from '../../health/HealthPanel.tsx'
import { SettingsPanel } from '../../settings/SettingsPanel.tsx'
import { ShortcutsDialog } from '../shortcuts/ShortcutsDialog.tsx'
import { ConfirmDialog } from './ConfirmDialog.tsx'
import { GeneratorDialog } from './GeneratorDialog.tsx'
import { NewItemDialog } from './NewItemDialog.tsx'

export type DialogKind = 'newItem' | 'generator' | 'settings' | 'health' | 'shortcuts' | 'emptyTrash' | null

export interface WorkspaceDialogsProps {
  readonly dialog: DialogKind
  readonly trashCount: number
  readonly onClose: () => void
  readonly onNewItem: (type: ItemType) => void
  readonly onEmptyTrash: () => void
  /** Shows an item in the list (a link in the password health report). */
  readonly onOpenItem: (id: string) => void
}

export function WorkspaceDialogs(props: WorkspaceDialogsProps) {
  const { dialog, trashCount, onClose, onNewItem, onEmptyTrash, onOpenItem } = props
  switch (dialog) {
    case null:
      return null
    case 'newItem':
      return <NewItemDialog onPick={onNewItem} onClose={onClose} />
    case 'generator':
      return <GeneratorDialog onClose={onClose} />
    case 'settings':
      return (
        <Dialog title="Settings" onClose={onClose}>
          <SettingsPanel onClose={onClose} />
        </Dialog>
      )
    case 'health':
      return (
        <Dialog title="Password health" onClose={onClose}>
          <HealthPanel onOpenItem={onOpenItem} />
        </Dialog>
      )
    case 'shortcuts':
      return <ShortcutsDialog onClose={onClose} />
    case 'emptyTrash':
      return (
        <ConfirmDialog
          title="Empty the trash?"
          confirmLabel="Empty trash"
          danger
          onConfirm={onEmptyTrash}
          onCancel={onClose}
        >
          {trashCount === 1
            ? 'The item in the trash and all its history will be deleted for good. This cannot be undone.'
            : `The ${trashCount} items in the trash and all their history will be deleted for good. This cannot be undone.`}
        </ConfirmDialog>
      )
  }
}
