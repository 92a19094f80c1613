/**
 * Three-way merge of one item edited on two machines from the same base
 * revision (docs/sync.md, Merge). Pure: no I/O, no crypto; the caller opens
 * the three revisions and seals the result.
 *
 * Rules, field by field against the base:
 * - Changed on one side: that side. Changed on both to the same value: it.
 *   Changed on both differently: the newer edit wins (newerSide) and a
 *   FieldConflict is recorded.
 * - Tags and login urls merge as sets; custom fields merge by id, and an edit
 *   beats a deletion (merge-fields.ts).
 * - Trash against edit: trashed on one side while the other side's edits
 *   reached the merged content, the item stays out of the trash, flagged
 *   ('trashedAt'): the trash never holds content its trasher did not see,
 *   and an edit is never hidden where nobody looks. Trashed on both: the
 *   earlier time, clean.
 * - Different types: the newer side wins whole ('type'); the trash still
 *   follows the rule above.
 * - No base (both sides created the same id): every field counts as changed,
 *   so a set becomes the union and a differing value goes to the newer side.
 *
 * The result is the same whichever side is local, so both machines converge.
 */
import type { ItemContent, ItemType } from '../../src-shared/domain/item.ts'
import {
  canonical,
  MAX_TAGS,
  MAX_URLS,
  type Merger,
  mergeCustomFields,
  mergeSet,
  mergeValue,
  other,
  pick,
  type Side,
  same,
  type Three,
} from './merge-fields.ts'

export type { Side } from './merge-fields.ts'

export interface MergeInput {
  /** The last server revision both sides started from; null when the item was created on both. */
  readonly base: ItemContent | null
  readonly local: ItemContent
  readonly remote: ItemContent
}

export interface FieldConflict {
  /** 'title', 'favorite', 'notes', 'fields.<name>', 'custom:<id>', 'tags', 'customFields', 'trashedAt', 'type' */
  readonly field: string
  readonly winner: Side
}

export interface MergeResult {
  readonly merged: ItemContent
  /** One per field where a side's change gave way; empty when the merge was clean. */
  readonly conflicts: readonly FieldConflict[]
  /**
   * Every side that lost at least one field, 'local' before 'remote'. Keep
   * each one's input content, as given, as an earlier revision in the item's
   * history: with the base (already there) that holds every value the merge
   * left out. Usually one side; both when the newer side also lost a
   * deletion or a trash to an edit.
   */
  readonly losers: readonly Side[]
}

type FieldValue = string | readonly string[]

export function mergeItems(input: MergeInput): MergeResult {
  const { base, local, remote } = input
  // One side untouched since the base: a fast-forward, nothing to decide.
  if (base !== null && unchanged(base, local)) return { merged: finish(input, remote, remote.trashedAt), ...CLEAN }
  if (base !== null && unchanged(base, remote)) return { merged: finish(input, local, local.trashedAt), ...CLEAN }
  const conflicts: FieldConflict[] = []
  const merger: Merger = {
    newer: newerSide(local, remote),
    conflict: (field, winner) => {
      conflicts.push({ field, winner })
    },
  }
  const draft = local.type === remote.type ? mergeDraft(merger, input) : wholeSide(merger, input)
  const merged = finish(input, draft, mergeTrashedAt(merger, input, draft))
  return { merged, conflicts, losers: losersOf(conflicts) }
}

/**
 * The side whose edits win: the later updatedAt. The timestamps are per item,
 * so "newer" means the side edited last, not the field. A tie goes by the
 * contents themselves (their canonical JSON), never by which side is local:
 * "remote wins" would make each machine keep the other's edit and diverge.
 */
export function newerSide(local: ItemContent, remote: ItemContent): Side {
  if (local.updatedAt !== remote.updatedAt) return local.updatedAt > remote.updatedAt ? 'local' : 'remote'
  return canonical(local) > canonical(remote) ? 'local' : 'remote'
}

const CLEAN: Pick<MergeResult, 'conflicts' | 'losers'> = { conflicts: [], losers: [] }

/** Types differ: fields of one type mean nothing in the other, so the newer side is taken whole. */
function wholeSide(merger: Merger, input: MergeInput): MergedDraft {
  merger.conflict('type', merger.newer)
  return draftOf(pick(merger.newer, input))
}

interface MergedDraft {
  readonly type: ItemType
  readonly title: string
  readonly favorite: boolean
  readonly notes: string
  readonly tags: readonly string[]
  readonly fields: Readonly<Record<string, FieldValue>>
  readonly customFields: ItemContent['customFields']
}

function mergeDraft(merger: Merger, input: MergeInput): MergedDraft {
  const three = <K extends 'title' | 'favorite' | 'notes' | 'tags' | 'customFields'>(
    name: K,
  ): Three<ItemContent[K]> => ({
    base: input.base === null ? undefined : input.base[name],
    local: input.local[name],
    remote: input.remote[name],
  })
  return {
    type: input.local.type,
    title: mergeValue(merger, 'title', three('title')),
    favorite: mergeValue(merger, 'favorite', three('favorite')),
    notes: mergeValue(merger, 'notes', three('notes')),
    tags: mergeSet(merger, 'tags', three('tags'), MAX_TAGS),
    fields: mergeTypeFields(merger, input),
    customFields: mergeCustomFields(merger, three('customFields')),
  }
}

/** The type-specific fields by name (a base of another type is compared by name too); urls merge as a set. */
function mergeTypeFields(merger: Merger, input: MergeInput): Record<string, FieldValue> {
  const { base, local, remote } = input
  const newer = pick(merger.newer, input).fields
  const names = new Set([...Object.keys(newer), ...Object.keys(pick(other(merger.newer), input).fields)])
  const merged: Record<string, FieldValue> = {}
  for (const name of names) {
    const field = `fields.${name}`
    const three = { base: fieldOf(base, name), local: fieldOf(local, name) ?? '', remote: fieldOf(remote, name) ?? '' }
    if (typeof three.local === 'string' && typeof three.remote === 'string') {
      merged[name] = mergeValue(merger, field, three)
    } else {
      const list = { base: listOf(three.base), local: listOf(three.local) ?? [], remote: listOf(three.remote) ?? [] }
      merged[name] = mergeSet(merger, field, list, MAX_URLS)
    }
  }
  return merged
}

function fieldOf(content: ItemContent | null, name: string): FieldValue | undefined {
  if (content === null) return undefined
  return (content.fields as Readonly<Record<string, FieldValue | undefined>>)[name]
}

function listOf(value: FieldValue | undefined): readonly string[] | undefined {
  return typeof value === 'string' || value === undefined ? undefined : value
}

/**
 * Trash against edit: one side trashed, and the merged content is not what
 * that side saw (the other side's edits came in) → not trashed, and the
 * trashing side is flagged as having lost 'trashedAt'. When the other side's
 * edits were the same, or all lost to the trashing side, the trash stands.
 * Both in the trash → it stays there; the time is a one-sided change if there
 * is one, else the earlier of the two (no conflict: nothing to lose).
 */
function mergeTrashedAt(merger: Merger, input: MergeInput, draft: MergedDraft): number | null {
  const { base, local, remote } = input
  const three = { base: base === null ? undefined : base.trashedAt, local: local.trashedAt, remote: remote.trashedAt }
  if (local.trashedAt !== null && remote.trashedAt !== null) {
    if (three.base === local.trashedAt) return remote.trashedAt
    if (three.base === remote.trashedAt) return local.trashedAt
    return Math.min(local.trashedAt, remote.trashedAt)
  }
  if (base !== null && base.trashedAt === null) {
    const trashing: Side | null = local.trashedAt !== null ? 'local' : remote.trashedAt !== null ? 'remote' : null
    if (trashing !== null && !same(draftOf(pick(trashing, input)), draft)) {
      merger.conflict('trashedAt', other(trashing))
      return null
    }
  }
  return mergeValue(merger, 'trashedAt', three)
}

function unchanged(base: ItemContent, side: ItemContent): boolean {
  return base.trashedAt === side.trashedAt && same(draftOf(base), draftOf(side))
}

function draftOf(content: ItemContent): Omit<ItemContent, 'v' | 'createdAt' | 'updatedAt' | 'trashedAt'> {
  const { v: _v, createdAt: _c, updatedAt: _u, trashedAt: _t, ...draft } = content
  return draft
}

/** v stays 1; the item was created at the earlier time and last changed at the later. */
function finish(input: MergeInput, draft: MergedDraft, trashedAt: number | null): ItemContent {
  const { local, remote } = input
  const { type, title, favorite, notes, tags, fields, customFields } = draft
  // Both sides are of `type` (or the draft is one side whole), so fields has that type's shape.
  return {
    ...({ type, title, favorite, notes, tags, fields, customFields } as ItemContent),
    v: 1,
    createdAt: Math.min(local.createdAt, remote.createdAt),
    updatedAt: Math.max(local.updatedAt, remote.updatedAt),
    trashedAt,
  }
}

function losersOf(conflicts: readonly FieldConflict[]): Side[] {
  const losing = new Set(conflicts.map((conflict) => other(conflict.winner)))
  return (['local', 'remote'] as const).filter((side) => losing.has(side))
}
