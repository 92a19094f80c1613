/**
 * The per-field pieces of the three-way item merge (merge.ts): a scalar, a set
 * of strings (tags, login urls) and the custom fields by id. Each compares
 * both sides with the base and reports, through the Merger, every field where
 * one side's change had to give way, so that side can be kept in history.
 *
 * Everything here must be symmetric in local and remote: given the same
 * `newer`, swapping the two sides gives the same value. Both machines of a
 * conflict then reach the same merged content.
 */
import type { CustomField } from '../../src-shared/domain/item.ts'

export type Side = 'local' | 'remote'

/** The same field in the base and on both sides. `base` is undefined when the base did not have the field. */
export interface Three<T> {
  readonly base: T | undefined
  readonly local: T
  readonly remote: T
}

export interface Merger {
  /** The side whose edit wins a field both sides changed differently (see newerSide in merge.ts). */
  readonly newer: Side
  conflict(field: string, winner: Side): void
}

/**
 * The schema's caps (src-shared/domain/item.ts). A set merge that would go past
 * one falls back to the newer side's list and records a conflict: the result
 * must still open (openItem validates), and the older list stays in history.
 */
export const MAX_URLS = 100
export const MAX_TAGS = 100
export const MAX_CUSTOM_FIELDS = 200

export function other(side: Side): Side {
  return side === 'local' ? 'remote' : 'local'
}

export function pick<T>(side: Side, values: { readonly local: T; readonly remote: T }): T {
  return side === 'local' ? values.local : values.remote
}

/** JSON with sorted keys: equal values give equal strings whatever order their keys were built in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner
    const entries = Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return Object.fromEntries(entries)
  })
}

export function same(a: unknown, b: unknown): boolean {
  return a === b || canonical(a) === canonical(b)
}

/** Which side changed since the base, if only one did; 'both' when both changed differently (or there is no base). */
function changedSide<T>(three: Three<T>): Side | 'none' | 'both' {
  if (same(three.local, three.remote)) return 'none'
  if (three.base === undefined) return 'both'
  if (same(three.local, three.base)) return 'remote'
  if (same(three.remote, three.base)) return 'local'
  return 'both'
}

/** A field changed on one side takes that side; changed on both differently, the newer edit wins. */
export function mergeValue<T>(merger: Merger, field: string, three: Three<T>): T {
  const changed = changedSide(three)
  if (changed === 'none') return three.local
  if (changed === 'both') {
    merger.conflict(field, merger.newer)
    return pick(merger.newer, three)
  }
  return pick(changed, three)
}

/**
 * A set of strings in the order of the newer side, the other side's additions
 * after it. An addition on either side is kept; a base member goes when either
 * side removed it (the other side kept it unchanged: a set member has nothing
 * else to change). An edited url is a removal plus an addition, so two
 * different edits of one url both survive. No conflict unless over `max`.
 */
export function mergeSet(merger: Merger, field: string, three: Three<readonly string[]>, max: number): string[] {
  const changed = changedSide(three)
  if (changed === 'none') return [...three.local]
  if (changed !== 'both') return [...pick(changed, three)]
  const base = new Set(three.base ?? [])
  const local = new Set(three.local)
  const remote = new Set(three.remote)
  const kept = (member: string) =>
    base.has(member) ? local.has(member) && remote.has(member) : local.has(member) || remote.has(member)
  const newer = pick(merger.newer, three)
  const merged = [...new Set([...newer, ...pick(other(merger.newer), three)])].filter(kept)
  if (merged.length <= max) return merged
  merger.conflict(field, merger.newer)
  return [...newer]
}

/** Custom fields keyed by id; a repeated id (only a hand-made import could have one) gets '#2', '#3'… so none is dropped. */
function keyed(fields: readonly CustomField[]): Map<string, CustomField> {
  const map = new Map<string, CustomField>()
  for (const field of fields) {
    let key = field.id
    for (let n = 2; map.has(key); n++) key = `${field.id}#${n}`
    map.set(key, field)
  }
  return map
}

/**
 * Custom fields by id, in the newer side's order with the other side's
 * additions after it. An edit beats a deletion (see mergeCustomField).
 */
export function mergeCustomFields(merger: Merger, three: Three<readonly CustomField[]>): CustomField[] {
  const changed = changedSide(three)
  if (changed === 'none') return [...three.local]
  if (changed !== 'both') return [...pick(changed, three)]
  const base = keyed(three.base ?? [])
  const local = keyed(three.local)
  const remote = keyed(three.remote)
  const newer = pick(merger.newer, { local, remote })
  const older = pick(other(merger.newer), { local, remote })
  const merged: CustomField[] = []
  for (const key of new Set([...newer.keys(), ...older.keys()])) {
    const field = mergeCustomField(merger, { base: base.get(key), local: local.get(key), remote: remote.get(key) })
    if (field !== undefined) merged.push(field)
  }
  if (merged.length <= MAX_CUSTOM_FIELDS) return merged
  merger.conflict('customFields', merger.newer)
  return [...pick(merger.newer, three)]
}

interface MaybeThree {
  readonly base: CustomField | undefined
  readonly local: CustomField | undefined
  readonly remote: CustomField | undefined
}

/**
 * One custom field; undefined when it is gone. Deleted on one side and edited
 * on the other, the edit is kept and flagged: a deletion is easy to repeat, a
 * lost secret is not. Changed on both, label, kind and value merge separately,
 * so a rename on one machine and a new value on the other both survive.
 */
function mergeCustomField(merger: Merger, three: MaybeThree): CustomField | undefined {
  const { base, local, remote } = three
  if (local === undefined || remote === undefined) {
    const present = local === undefined ? 'remote' : 'local'
    const kept = local ?? remote
    if (kept === undefined || base === undefined) return kept
    if (same(kept, base)) return undefined
    merger.conflict(`custom:${kept.id}`, present)
    return kept
  }
  let conflicted = false
  const attribute: Merger = {
    newer: merger.newer,
    conflict: () => {
      conflicted = true
    },
  }
  const part = <K extends 'label' | 'kind' | 'value'>(name: K) =>
    mergeValue(attribute, name, { base: base?.[name], local: local[name], remote: remote[name] })
  const merged: CustomField = { id: local.id, label: part('label'), kind: part('kind'), value: part('value') }
  if (conflicted) merger.conflict(`custom:${local.id}`, merger.newer)
  return merged
}
