/**
 * Taking imported items into the vault (issue 8): first a preview that
 * writes nothing (what each entry becomes, how many of each type, which are
 * already in the vault or twice in the file), then the import itself, which
 * adds only the new ones, all in one transaction. Importing the same file
 * again therefore adds nothing.
 *
 * Finding what is already in the vault opens every item (about half a second
 * at 10,000), so the vault's same-item keys are kept for the unlocked
 * session's index while its count of changes stays the same: a preview, each
 * remap of its columns and the import itself then open nothing again. Any
 * other change (an edit, a sync) makes the next one look again, and a lock
 * drops them with the index. An import adds its own items' keys, so importing
 * the same file again right after needs no second look either.
 */
import type { ItemContent, ItemDraft, ItemType } from '../../src-shared/domain/item.ts'
import { ITEM_TYPES } from '../../src-shared/domain/item.ts'
import { VaultError } from '../../src-shared/errors.ts'
import { newId } from './ids.ts'
import { sameItemKeys } from './import-dedupe.ts'
import { parseDraft } from './item-draft.ts'
import type { ItemIndex } from './item-index.ts'
import { appendRevision, type ItemContext, indexContent, openRecord } from './items.ts'

/** One entry read from a file (src-main/import/): a draft and where it came from. */
export interface ImportCandidate {
  readonly draft: unknown
  readonly source: { readonly line?: number; readonly entry?: string }
}

export type ImportStatus = 'new' | 'in-vault' | 'in-file' | 'invalid'

export interface ImportPreviewEntry {
  readonly index: number
  readonly source: ImportCandidate['source']
  readonly status: ImportStatus
  readonly type: ItemType | null
  readonly title: string
  /** The vault item it duplicates ('in-vault'). */
  readonly existingId?: string
  /** Why it cannot be imported ('invalid'); never a value from the file. */
  readonly problem?: string
}

export interface ImportPreview {
  readonly total: number
  readonly toAdd: number
  readonly byType: Record<ItemType, number>
  readonly inVault: number
  readonly inFile: number
  readonly invalid: number
  readonly entries: readonly ImportPreviewEntry[]
}

/** The vault's same-item keys (key → item id) as of one count of changes to one index. */
interface VaultKeys {
  readonly changes: number
  readonly keys: Map<string, string>
}

/** Keyed by the unlocked session's index, so a lock (a new or cleared index) leaves nothing behind. */
const vaultKeysCache = new WeakMap<ItemIndex, VaultKeys>()

export function previewImport(ctx: ItemContext, candidates: readonly ImportCandidate[]): ImportPreview {
  const entries = classifyAll(ctx, candidates)
  const byType = Object.fromEntries(ITEM_TYPES.map((type) => [type, 0])) as Record<ItemType, number>
  for (const entry of entries) if (entry.status === 'new' && entry.type !== null) byType[entry.type] += 1
  const count = (status: ImportStatus) => entries.filter((entry) => entry.status === status).length
  return {
    total: entries.length,
    toAdd: count('new'),
    byType,
    inVault: count('in-vault'),
    inFile: count('in-file'),
    invalid: count('invalid'),
    entries: entries.map(({ draft: _draft, ...entry }) => entry),
  }
}

/** Adds the entries the preview calls new; returns how many. Nothing is written if one fails. */
export function applyImport(ctx: ItemContext, candidates: readonly ImportCandidate[]): number {
  const drafts = newDrafts(classifyAll(ctx, candidates))
  const now = ctx.now()
  const vaultId = ctx.session.defaultVaultId
  const saved = ctx.store.transaction(() => drafts.map((draft) => sealNew(ctx, vaultId, draft, now)))
  const cached = vaultKeysCache.get(ctx.session.index)
  for (const { record, content } of saved) indexContent(ctx.session, record, content)
  if (cached !== undefined) rememberAdded(ctx.session.index, cached, saved)
  return saved.length
}

function sealNew(ctx: ItemContext, vaultId: string, draft: ItemDraft, now: number) {
  const content: ItemContent = { ...draft, v: 1, createdAt: now, updatedAt: now, trashedAt: null }
  const record = appendRevision(ctx, { itemId: newId(), vaultId, revision: 1, savedAt: now }, content)
  return { record, content }
}

/** The import's own items were the only change: add their keys rather than look at every item again. */
function rememberAdded(
  index: ItemIndex,
  cached: VaultKeys,
  saved: readonly { readonly record: { readonly itemId: string }; readonly content: ItemContent }[],
): void {
  const { keys } = cached
  for (const { record, content } of saved) {
    for (const key of sameItemKeys(content)) if (!keys.has(key)) keys.set(key, record.itemId)
  }
  vaultKeysCache.set(index, { changes: index.changes, keys })
}

interface Classified extends ImportPreviewEntry {
  readonly draft: ItemDraft | null
}

function classifyAll(ctx: ItemContext, candidates: readonly ImportCandidate[]): Classified[] {
  const known = vaultKeys(ctx)
  const seen = new Set<string>()
  return candidates.map((candidate, index) => classify(candidate, index, known, seen))
}

function newDrafts(entries: readonly Classified[]): ItemDraft[] {
  return entries.flatMap((entry) => (entry.status === 'new' && entry.draft !== null ? [entry.draft] : []))
}

function classify(
  candidate: ImportCandidate,
  index: number,
  known: ReadonlyMap<string, string>,
  seen: Set<string>,
): Classified {
  const { source } = candidate
  let draft: ItemDraft
  try {
    draft = parseDraft(candidate.draft)
  } catch (error) {
    const problem = error instanceof VaultError ? error.message : 'The entry is not a valid item.'
    return { index, source, status: 'invalid', type: null, title: '', problem, draft: null }
  }
  const keys = sameItemKeys(draft)
  const existingId = keys.map((key) => known.get(key)).find((id) => id !== undefined)
  const base = { index, source, type: draft.type, title: draft.title, draft }
  if (existingId !== undefined) return { ...base, status: 'in-vault', existingId }
  if (keys.some((key) => seen.has(key))) return { ...base, status: 'in-file' }
  for (const key of keys) seen.add(key)
  return { ...base, status: 'new' }
}

/**
 * Every same-item key of the vault's current items (the trash included: it
 * is still the user's item), from the cache while the index is unchanged.
 */
function vaultKeys(ctx: ItemContext): ReadonlyMap<string, string> {
  const { index } = ctx.session
  const cached = vaultKeysCache.get(index)
  if (cached !== undefined && cached.changes === index.changes) return cached.keys
  const keys = new Map<string, string>()
  for (const { summary } of index.all()) {
    if (summary.damaged !== undefined) continue
    const record = ctx.store.getCurrentItem(summary.id)
    if (record === null) continue
    for (const key of sameItemKeys(openRecord(ctx, record))) if (!keys.has(key)) keys.set(key, summary.id)
  }
  vaultKeysCache.set(index, { changes: index.changes, keys })
  return keys
}
