/**
 * Taking imported items into the vault (issue 8): first a preview that
 * writes nothing (what each entry becomes, how many of each type, which are
 * already in the vault or twice in the file), then the import itself, which
 * adds only the new ones, all in one transaction. Importing the same file
 * again therefore adds nothing.
 *
 * Finding what is already in the vault opens every item (about half a second
 * at 10,000), so the import reuses its preview's findings when nothing in the
 * vault changed in between: same candidates, same unlocked index, same count
 * of changes to it. Otherwise (an edit, a sync, a lock) it looks again.
 */
import type { ItemContent, ItemDraft, ItemType } from '../../src-shared/domain/item.ts'
import { ITEM_TYPES } from '../../src-shared/domain/item.ts'
import { VaultError } from '../../src-shared/errors.ts'
import { newId } from './ids.ts'
import { sameItemKeys } from './import-dedupe.ts'
import { openItem, sealItem } from './item-codec.ts'
import { parseDraft } from './item-draft.ts'
import type { ItemIndex } from './item-index.ts'
import { type ItemContext, indexContent } from './items.ts'

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

/** A preview's new entries, valid while the vault's index has not changed since (see the top). */
interface ImportPlan {
  readonly index: ItemIndex
  readonly changes: number
  readonly drafts: readonly ItemDraft[]
}

/** Keyed by the candidates the caller previewed, and gone with them. */
const plans = new WeakMap<readonly ImportCandidate[], ImportPlan>()

export function previewImport(ctx: ItemContext, candidates: readonly ImportCandidate[]): ImportPreview {
  const entries = classifyAll(ctx, candidates)
  const { index } = ctx.session
  plans.set(candidates, { index, changes: index.changes, drafts: newDrafts(entries) })
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
  const plan = plans.get(candidates)
  plans.delete(candidates)
  const { index } = ctx.session
  const current = plan !== undefined && plan.index === index && plan.changes === index.changes
  const drafts = current ? plan.drafts : newDrafts(classifyAll(ctx, candidates))
  const now = ctx.now()
  const vaultId = ctx.session.defaultVaultId
  const saved = ctx.store.transaction(() => drafts.map((draft) => sealNew(ctx, vaultId, draft, now)))
  for (const { record, content } of saved) indexContent(ctx.session, record, content)
  return saved.length
}

function sealNew(ctx: ItemContext, vaultId: string, draft: ItemDraft, now: number) {
  const content: ItemContent = { ...draft, v: 1, createdAt: now, updatedAt: now, trashedAt: null }
  const itemId = newId()
  const address = { accountId: ctx.session.accountId, vaultId, itemId, revision: 1 }
  const record = {
    itemId,
    vaultId,
    revision: 1,
    sealed: sealItem(ctx.session.vaultKey(vaultId), address, content),
    savedAt: now,
  }
  ctx.store.appendItemRevision(record)
  return { record, content }
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

/** Every same-item key of the vault's current items (the trash included: it is still the user's item). */
function vaultKeys(ctx: ItemContext): Map<string, string> {
  const keys = new Map<string, string>()
  for (const { summary } of ctx.session.index.all()) {
    if (summary.damaged !== undefined) continue
    const record = ctx.store.getCurrentItem(summary.id)
    if (record === null) continue
    const address = {
      accountId: ctx.session.accountId,
      vaultId: record.vaultId,
      itemId: record.itemId,
      revision: record.revision,
    }
    const content = openItem(ctx.session.vaultKey(record.vaultId), address, record.sealed)
    for (const key of sameItemKeys(content)) if (!keys.has(key)) keys.set(key, summary.id)
  }
  return keys
}
