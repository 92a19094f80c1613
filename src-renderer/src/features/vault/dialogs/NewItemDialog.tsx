/** Choosing what to create. Arrow keys move between the types; Enter picks one. */
import type { ItemType } from '@shared/domain/item.ts'
import type { KeyboardEvent } from 'react'
import { Dialog } from '../../../ui/index.ts'
import { TypeIcon } from '../icons/TypeIcon.tsx'
import { ITEM_TYPES, TYPE_BLURBS, TYPE_NAMES } from '../model/item-types.ts'
import './dialogs.css'

export interface NewItemDialogProps {
  readonly onPick: (type: ItemType) => void
  readonly onClose: () => void
}

export function NewItemDialog({ onPick, onClose }: NewItemDialogProps) {
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key]
    if (step === undefined) return
    event.preventDefault()
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')]
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement)
    buttons[(index + step + buttons.length) % buttons.length]?.focus()
  }
  return (
    <Dialog title="New item" onClose={onClose}>
      <div className="new-item-grid" onKeyDown={onKeyDown} role="menu" aria-label="Item types">
        {ITEM_TYPES.map((type) => (
          <button key={type} type="button" role="menuitem" className="new-item-choice" onClick={() => onPick(type)}>
            <TypeIcon type={type} />
            <span>
              <span className="new-item-name">{TYPE_NAMES[type].one}</span>
              <span className="new-item-blurb">{TYPE_BLURBS[type]}</span>
            </span>
          </button>
        ))}
      </div>
    </Dialog>
  )
}
