/** The item's title block and its actions (favourite, edit, history, trash or restore). */
import type { ItemView } from '@shared/domain/item.ts'
import { Button, IconButton } from '../../../ui/index.ts'
import { IconEdit, IconHistory, IconRestore, IconStar, IconTrash } from '../icons/icons.tsx'
import { TypeIcon } from '../icons/TypeIcon.tsx'
import { TYPE_NAMES } from '../model/item-types.ts'

export interface DetailHeaderProps {
  readonly view: ItemView
  readonly onFavorite: () => void
  readonly onEdit: () => void
  readonly onHistory: () => void
  readonly onTrash: () => void
  readonly onRestore: () => void
}

export function DetailHeader({ view, onFavorite, onEdit, onHistory, onTrash, onRestore }: DetailHeaderProps) {
  const trashed = view.trashedAt !== null
  return (
    <header className="detail-header">
      <div className="detail-toolbar">
        <IconButton label="History" onClick={onHistory}>
          <IconHistory />
        </IconButton>
        {trashed ? (
          <Button small variant="primary" onClick={onRestore}>
            <IconRestore />
            Restore
          </Button>
        ) : (
          <>
            <IconButton label="Move to trash" onClick={onTrash}>
              <IconTrash />
            </IconButton>
            <Button small onClick={onEdit}>
              <IconEdit />
              Edit
            </Button>
          </>
        )}
      </div>
      <div className="detail-title-row">
        <TypeIcon type={view.type} size="large" />
        <div className="detail-title-text">
          <h1 className="detail-title" data-testid="detail-title">
            {view.title}
          </h1>
          <span className="detail-type">{TYPE_NAMES[view.type].one}</span>
        </div>
        {trashed ? null : (
          <IconButton
            label={view.favorite ? 'Remove from favorites' : 'Add to favorites'}
            aria-pressed={view.favorite}
            className={view.favorite ? 'favorite-toggle is-favorite' : 'favorite-toggle'}
            onClick={onFavorite}
          >
            <IconStar filled={view.favorite} />
          </IconButton>
        )}
      </div>
      {trashed ? (
        <p className="banner banner-warn detail-banner">
          This item is in the trash. Restore it to use or edit it; emptying the trash deletes it for good.
        </p>
      ) : null}
    </header>
  )
}
