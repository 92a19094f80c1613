/**
 * Everything of the vault's items in plaintext, for the two ways out of it
 * (issue 8): a plain export (current items, the trash left out) and an
 * encrypted backup (every item, the trash included, with every revision).
 * Only the caller's explicit request after a warning (export) or the
 * backup's own encryption (src-main/backup/) may put this on disk.
 */
import type { ItemContent, ItemSummary } from '../../src-shared/domain/item.ts'
import { VaultError } from '../../src-shared/errors.ts'
import { draftOf, parseDraft } from './item-draft.ts'
import { appendRevision, type ItemContext, indexContent, loadItem, openRecord } from './items.ts'

export interface ExportedItem {
  readonly id: string
  readonly content: ItemContent
}

export interface ItemWithHistory {
  readonly id: string
  /** Oldest first; the last is the current one. */
  readonly revisions: readonly { readonly revision: number; readonly savedAt: number; readonly content: ItemContent }[]
}

/** Current items, not in the trash, by id. A damaged item stops the export: nothing is silently left out. */
export function exportItems(ctx: ItemContext): ExportedItem[] {
  // The index already knows what is in the trash: those are never opened.
  return currentIds(ctx, (summary) => summary.trashedAt === null).map((id) => ({
    id,
    content: loadItem(ctx, id).content,
  }))
}

/** Every item with every revision. */
export function itemsWithHistory(ctx: ItemContext): ItemWithHistory[] {
  return currentIds(ctx).map((id) => ({
    id,
    revisions: ctx.store.listItemRevisions(id).map((record) => ({
      revision: record.revision,
      savedAt: record.savedAt,
      content: openRecord(ctx, record),
    })),
  }))
}

/**
 * Restores items with their history into this vault: each revision becomes
 * the next one of the item (numbered 1, 2, 3… here), sealed under this
 * vault's key. An item id the vault already has is refused (INVALID_ITEM),
 * and then nothing is written.
 */
export function restoreItems(ctx: ItemContext, items: readonly ItemWithHistory[]): number {
  const vaultId = ctx.session.defaultVaultId
  const restored = ctx.store.transaction(() =>
    items.map((item) => {
      if (ctx.store.getCurrentItem(item.id) !== null) {
        throw new VaultError('INVALID_ITEM', `The vault already has item ${item.id}; restore into a new vault.`)
      }
      return item.revisions.map((revision, index) => sealRevision(ctx, vaultId, item.id, index + 1, revision))
    }),
  )
  for (const revisions of restored) {
    const last = revisions.at(-1)
    if (last !== undefined) indexContent(ctx.session, last.record, last.content)
  }
  return restored.length
}

function sealRevision(
  ctx: ItemContext,
  vaultId: string,
  itemId: string,
  revision: number,
  from: ItemWithHistory['revisions'][number],
) {
  // Validated like any draft, so a backup cannot bring in what the app could not have made.
  const content: ItemContent = { ...from.content, ...parseDraft(draftOf(from.content)) }
  const record = appendRevision(ctx, { itemId, vaultId, revision, savedAt: from.savedAt }, content)
  return { record, content }
}

/** Ids of the indexed items the filter keeps, sorted; any damaged item refuses the whole export. */
function currentIds(ctx: ItemContext, keep: (summary: ItemSummary) => boolean = () => true): string[] {
  const indexed = [...ctx.session.index.all()]
  const damaged = indexed.filter((item) => item.summary.damaged !== undefined)
  if (damaged.length > 0) {
    throw new VaultError('INVALID_ITEM', `${damaged.length} damaged item(s) cannot be read; nothing was exported.`)
  }
  return indexed
    .filter((item) => keep(item.summary))
    .map((item) => item.summary.id)
    .sort()
}
