/**
 * Everything of the vault's items in plaintext, for the two ways out of it
 * (issue 8): a plain export (current items, the trash left out) and an
 * encrypted backup (every item, the trash included, with every revision).
 * Only the caller's explicit request after a warning (export) or the
 * backup's own encryption (src-main/backup/) may put this on disk.
 */
import type { ItemContent } from '../../src-shared/domain/item.ts'
import { VaultError } from '../../src-shared/errors.ts'
import { openItem, sealItem } from './item-codec.ts'
import { parseDraft } from './item-draft.ts'
import { type ItemContext, indexContent } from './items.ts'

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
  return currentIds(ctx)
    .map((id) => ({ id, content: openCurrent(ctx, id) }))
    .filter(({ content }) => content.trashedAt === null)
}

/** Every item with every revision. */
export function itemsWithHistory(ctx: ItemContext): ItemWithHistory[] {
  return currentIds(ctx).map((id) => ({
    id,
    revisions: ctx.store.listItemRevisions(id).map((record) => ({
      revision: record.revision,
      savedAt: record.savedAt,
      content: openItem(ctx.session.vaultKey(record.vaultId), addressOf(ctx, record), record.sealed),
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
  const content: ItemContent = { ...from.content, ...parseDraft(draftPart(from.content)) }
  const address = { accountId: ctx.session.accountId, vaultId, itemId, revision }
  const record = {
    itemId,
    vaultId,
    revision,
    sealed: sealItem(ctx.session.vaultKey(vaultId), address, content),
    savedAt: from.savedAt,
  }
  ctx.store.appendItemRevision(record)
  return { record, content }
}

function draftPart(content: ItemContent) {
  const { type, title, favorite, tags, notes, customFields, fields } = content
  return { type, title, favorite, tags, notes, customFields, fields }
}

function currentIds(ctx: ItemContext): string[] {
  const ids = [...ctx.session.index.all()].map((item) => item.summary.id)
  const damaged = [...ctx.session.index.all()].filter((item) => item.summary.damaged !== undefined)
  if (damaged.length > 0) {
    throw new VaultError('INVALID_ITEM', `${damaged.length} damaged item(s) cannot be read; nothing was exported.`)
  }
  return ids.sort()
}

function openCurrent(ctx: ItemContext, id: string): ItemContent {
  const record = ctx.store.getCurrentItem(id)
  if (record === null) throw new VaultError('ITEM_NOT_FOUND', 'No such item.')
  return openItem(ctx.session.vaultKey(record.vaultId), addressOf(ctx, record), record.sealed)
}

function addressOf(ctx: ItemContext, record: { itemId: string; vaultId: string; revision: number }) {
  return { accountId: ctx.session.accountId, vaultId: record.vaultId, itemId: record.itemId, revision: record.revision }
}
