/**
 * Item operations on an unlocked session. Every save is a new sealed
 * revision appended to the item's history (the store keeps them all), so any
 * earlier state can be looked at or restored. Trash and restore are
 * revisions too; only emptying the trash deletes.
 */
import type { ItemContent, ItemRevisionInfo, ItemView } from '../../src-shared/domain/item.ts'
import { VaultError } from '../../src-shared/errors.ts'
import type { ItemRecord, VaultStore } from '../store/index.ts'
import { newId } from './ids.ts'
import { openItem, sealItem } from './item-codec.ts'
import { applyPatch, draftOf, parseDraft } from './item-draft.ts'
import { fieldValue, haystackOf, toSummary, toView } from './item-present.ts'
import type { UnlockedSession } from './session.ts'

export interface ItemContext {
  readonly store: VaultStore
  readonly session: UnlockedSession
  readonly now: () => number
}

export interface LoadedItem {
  readonly record: ItemRecord
  readonly content: ItemContent
}

export function createItem(ctx: ItemContext, input: unknown): ItemView {
  const draft = parseDraft(input)
  const now = ctx.now()
  const content: ItemContent = { ...draft, v: 1, createdAt: now, updatedAt: now, trashedAt: null }
  return save(ctx, newId(), ctx.session.defaultVaultId, 1, content)
}

/** expectedRevision, when given, must be the current one (REVISION_CONFLICT otherwise): no lost updates. */
export function updateItem(ctx: ItemContext, id: string, patch: unknown, expectedRevision?: number): ItemView {
  const current = loadItem(ctx, id)
  if (expectedRevision !== undefined && expectedRevision !== current.record.revision) {
    throw new VaultError('REVISION_CONFLICT', 'The item changed since it was opened; reload it and edit again.')
  }
  const draft = applyPatch(current.content, patch)
  return saveNext(ctx, current, { ...current.content, ...draft, updatedAt: ctx.now() })
}

export function setTrashed(ctx: ItemContext, id: string, trashed: boolean): ItemView {
  const current = loadItem(ctx, id)
  if ((current.content.trashedAt !== null) === trashed) return toView(factsOf(current.record), current.content)
  const now = ctx.now()
  return saveNext(ctx, current, { ...current.content, updatedAt: now, trashedAt: trashed ? now : null })
}

/** Deletes every item in the trash, with its history, in one transaction. Returns how many. */
export function emptyTrash(ctx: ItemContext): number {
  const trashed = [...ctx.session.index.all()].filter((item) => item.summary.trashedAt !== null)
  ctx.store.transaction(() => {
    for (const item of trashed) ctx.store.purgeItem(item.summary.id)
  })
  for (const item of trashed) ctx.session.index.remove(item.summary.id)
  return trashed.length
}

export function getItemView(ctx: ItemContext, id: string, revision?: number): ItemView {
  const item = loadItem(ctx, id, revision)
  return toView(factsOf(item.record), item.content)
}

export function revealField(ctx: ItemContext, id: string, field: string, revision?: number): string {
  return fieldValue(loadItem(ctx, id, revision).content, field)
}

export function listHistory(ctx: ItemContext, id: string): ItemRevisionInfo[] {
  requireIndexed(ctx, id)
  return ctx.store.listItemRevisions(id).map((record) => {
    const { revision, savedAt } = record
    try {
      const content = openRecord(ctx, record)
      return { revision, savedAt, title: content.title, trashed: content.trashedAt !== null }
    } catch (error) {
      if (!(error instanceof VaultError)) throw error
      return { revision, savedAt, title: '', trashed: false, damaged: { code: error.code, message: error.message } }
    }
  })
}

/** Makes an earlier revision's content current again, as a new revision (history is never rewritten). */
export function restoreRevision(ctx: ItemContext, id: string, revision: number): ItemView {
  const current = loadItem(ctx, id)
  const earlier = loadItem(ctx, id, revision)
  return saveNext(ctx, current, { ...current.content, ...draftOf(earlier.content), updatedAt: ctx.now() })
}

/** Opens one stored record with its vault's key; a record that fails to open throws a VaultError. */
export function openRecord(ctx: Pick<ItemContext, 'session'>, record: ItemRecord): ItemContent {
  return openItem(ctx.session.vaultKey(record.vaultId), addressOf(ctx, record), record.sealed)
}

/**
 * Seals content as the given revision of an item and appends it to the store.
 * Putting it into the index is the caller's part: a batch (import, restore)
 * does that only once its transaction has committed.
 */
export function appendRevision(ctx: ItemContext, at: Omit<ItemRecord, 'sealed'>, content: ItemContent): ItemRecord {
  const record: ItemRecord = { ...at, sealed: sealItem(ctx.session.vaultKey(at.vaultId), addressOf(ctx, at), content) }
  ctx.store.appendItemRevision(record)
  return record
}

/** Opens one stored record into the index; a record that fails to open is listed as damaged. */
export function indexRecord(session: UnlockedSession, record: ItemRecord): void {
  try {
    indexContent(session, record, openRecord({ session }, record))
  } catch (error) {
    if (!(error instanceof VaultError)) throw error
    session.index.put({ summary: damagedSummary(record, error), haystack: '', ...factsOf(record) })
  }
}

/** Puts a record whose content the caller has already opened into the index. */
export function indexContent(session: UnlockedSession, record: ItemRecord, content: ItemContent): void {
  const facts = factsOf(record)
  session.index.put({ summary: toSummary(facts, content), haystack: haystackOf(content), ...facts })
}

function save(ctx: ItemContext, id: string, vaultId: string, revision: number, content: ItemContent): ItemView {
  const record = appendRevision(ctx, { itemId: id, vaultId, revision, savedAt: content.updatedAt }, content)
  const facts = factsOf(record)
  ctx.session.index.put({ summary: toSummary(facts, content), haystack: haystackOf(content), ...facts })
  return toView(facts, content)
}

function saveNext(ctx: ItemContext, current: LoadedItem, content: ItemContent): ItemView {
  return save(ctx, current.record.itemId, current.record.vaultId, current.record.revision + 1, content)
}

/** An indexed item's current record (or the given revision), opened. */
export function loadItem(ctx: ItemContext, id: string, revision?: number): LoadedItem {
  requireIndexed(ctx, id)
  const record = revision === undefined ? ctx.store.getCurrentItem(id) : ctx.store.getItemRevision(id, revision)
  if (record === null) {
    if (revision !== undefined) throw new VaultError('REVISION_NOT_FOUND', `The item has no revision ${revision}.`)
    throw notFound()
  }
  return { record, content: openRecord(ctx, record) }
}

function requireIndexed(ctx: ItemContext, id: string): { vaultId: string } {
  const item = ctx.session.index.get(id)
  if (item === undefined) throw notFound()
  return item
}

function addressOf(ctx: Pick<ItemContext, 'session'>, record: Omit<ItemRecord, 'sealed'>) {
  return { accountId: ctx.session.accountId, vaultId: record.vaultId, itemId: record.itemId, revision: record.revision }
}

function factsOf(record: ItemRecord) {
  return { id: record.itemId, vaultId: record.vaultId, revision: record.revision }
}

function notFound(): VaultError {
  return new VaultError('ITEM_NOT_FOUND', 'No such item.')
}

function damagedSummary(record: ItemRecord, error: VaultError) {
  return {
    id: record.itemId,
    type: 'note' as const,
    title: 'Damaged item',
    subtitle: '',
    urls: [],
    tags: [],
    favorite: false,
    hasTotp: false,
    updatedAt: record.savedAt,
    trashedAt: null,
    damaged: { code: error.code, message: error.message },
  }
}
