import { IconStar, IconWarning } from '../icons/icons.tsx'
import { TypeIcon } from '../icons/TypeIcon.tsx'
import type { ItemSummary } from '../model/types.ts'

export interface ItemRowProps {
  readonly item: ItemSummary
  readonly domId: string
  readonly selected: boolean
  readonly onSelect: (id: string) => void
  readonly onOpen: (id: string) => void
}

/** One result: type tile, title, subtitle (never a secret), favourite and damage markers. */
export function ItemRow({ item, domId, selected, onSelect, onOpen }: ItemRowProps) {
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox handles keys for all options (aria-activedescendant).
    <div
      id={domId}
      role="option"
      tabIndex={-1}
      aria-selected={selected}
      className="item-row"
      data-testid="item-row"
      onClick={() => onSelect(item.id)}
      onDoubleClick={() => onOpen(item.id)}
    >
      <TypeIcon type={item.type} />
      <span className="item-row-text">
        <span className="item-row-title">{item.title}</span>
        <span className="item-row-subtitle">{item.damaged ? item.damaged.message : item.subtitle || '\u00a0'}</span>
      </span>
      {item.damaged ? (
        <span className="badge badge-error" title={item.damaged.message}>
          <IconWarning />
          Damaged
        </span>
      ) : null}
      {item.syncConflict ? (
        <span className="badge badge-warn" title="Changed on two devices at once; the other version is in History">
          <IconWarning />
          Merged
        </span>
      ) : null}
      {item.favorite ? (
        <span className="item-row-star" role="img" aria-label="Favorite">
          <IconStar filled />
        </span>
      ) : null}
    </div>
  )
}
