/**
 * The three-way item merge: each rule, every item type's fields, and a seeded
 * property test that both machines converge and that nothing is lost (every
 * value of either side is in the merge, in the base, or in a losing side).
 */
import { describe, expect, it } from 'vitest'
import { type MergeInput, type MergeResult, mergeItems } from '../../../src-main/sync/merge.ts'
import {
  ITEM_FIELD_SCHEMAS,
  ITEM_TYPES,
  type ItemContent,
  type ItemDraftInput,
  type ItemType,
  itemDraftSchema,
} from '../../../src-shared/domain/item.ts'

type Patch = Partial<Omit<ItemContent, 'type' | 'fields'>> & { fields?: Record<string, unknown> }

function content(draft: ItemDraftInput, at = 100): ItemContent {
  return { ...itemDraftSchema.parse(draft), v: 1, createdAt: at, updatedAt: at, trashedAt: null }
}

/** An edit made at time `at`. */
function edit(item: ItemContent, at: number, patch: Patch): ItemContent {
  const fields = { ...item.fields, ...patch.fields }
  return { ...item, ...patch, fields, updatedAt: at } as ItemContent
}

const pin = { id: 'pin', label: 'PIN', kind: 'hidden', value: '1111' } as const
const acct = { id: 'acct', label: 'Account', kind: 'text', value: 'DE02' } as const
const base = content({
  ...{ type: 'login', title: 'Bank', tags: ['finance', 'home'], notes: 'n0', customFields: [pin, acct] },
  fields: { username: 'ada', password: 'p0', urls: ['a.ex', 'b.ex'], totp: '' },
})

/** Merges both ways round and checks that they agree before returning the first. */
function merge(input: MergeInput): MergeResult {
  const result = mergeItems(input)
  const swapped = mergeItems({ base: input.base, local: input.remote, remote: input.local })
  expect(swapped.merged).toEqual(result.merged)
  const flip = (side: string) => (side === 'local' ? 'remote' : 'local')
  expect(swapped.conflicts).toEqual(result.conflicts.map((c) => ({ ...c, winner: flip(c.winner) })))
  expect([...swapped.losers].sort()).toEqual(result.losers.map(flip).sort())
  return result
}

describe('mergeItems: scalars and timestamps', () => {
  it('fast-forwards when one side is the base, and merges one-sided edits cleanly', () => {
    const remote = edit(base, 200, { title: 'Bank 2' })
    expect(merge({ base, local: base, remote })).toEqual({ merged: remote, conflicts: [], losers: [] })
    const local = edit(base, 150, { notes: 'n1', favorite: true })
    const { merged, conflicts, losers } = merge({ base, local, remote })
    expect(merged).toMatchObject({ title: 'Bank 2', notes: 'n1', favorite: true, v: 1, createdAt: 100, updatedAt: 200 })
    expect([conflicts, losers]).toEqual([[], []])
  })

  it('takes a change made on both sides to the same value without a conflict', () => {
    const [local, remote] = [edit(base, 150, { title: 'Same' }), edit(base, 200, { title: 'Same' })]
    const result = merge({ base, local, remote })
    expect(result.merged.title).toBe('Same')
    expect(result.conflicts).toEqual([])
  })

  it('gives a field changed on both sides to the newer edit and names the loser', () => {
    const local = edit(base, 300, { title: 'Local', notes: 'local notes' })
    const remote = { ...edit(base, 200, { title: 'Remote', favorite: true }), createdAt: 90 }
    const result = merge({ base, local, remote })
    const times = { v: 1, createdAt: 90, updatedAt: 300 }
    expect(result.merged).toMatchObject({ title: 'Local', notes: 'local notes', favorite: true, ...times })
    expect(result.conflicts).toEqual([{ field: 'title', winner: 'local' }])
    expect(result.losers).toEqual(['remote'])
  })

  it('breaks an updatedAt tie by content, not by role, so both machines agree', () => {
    const a = edit(base, 200, { title: 'Alpha' })
    const b = edit(base, 200, { title: 'Beta' })
    const result = merge({ base, local: a, remote: b })
    expect([mergeItems({ base, local: b, remote: a }).merged.title, result.merged.title]).toEqual(['Beta', 'Beta'])
  })
})

/** The names of a type's string fields (every one but login urls). */
function stringFields(type: ItemType): string[] {
  return Object.keys(ITEM_FIELD_SCHEMAS[type].shape).filter((name) => name !== 'urls')
}

describe('mergeItems: every type-specific field', () => {
  for (const type of ITEM_TYPES) {
    it(`${type}: a one-sided change is taken, a two-sided clash goes to the newer`, () => {
      const fields = Object.fromEntries(stringFields(type).map((name) => [name, `${name}0`]))
      const start = content({ type, title: 'T', fields } as ItemDraftInput)
      for (const name of stringFields(type)) {
        const one = merge({ base: start, local: edit(start, 150, { fields: { [name]: 'mine' } }), remote: start })
        expect(fieldValue(one.merged, name)).toBe('mine')
        const local = edit(start, 150, { fields: { [name]: 'older' } })
        const two = merge({ base: start, local, remote: edit(start, 250, { fields: { [name]: 'newer' } }) })
        expect(fieldValue(two.merged, name)).toBe('newer')
        expect(two.conflicts).toEqual([{ field: `fields.${name}`, winner: 'remote' }])
      }
    })
  }
})

function fieldValue(item: ItemContent, name: string): unknown {
  return (item.fields as Record<string, unknown>)[name]
}

describe('mergeItems: sets (login urls, tags)', () => {
  const urls = (item: ItemContent) => fieldValue(item, 'urls')

  it('keeps additions from both sides and honours a removal the other side did not touch', () => {
    const local = edit(base, 150, { fields: { urls: ['b.ex', 'c.ex'] }, tags: ['home', 'x'] })
    const remote = edit(base, 250, { fields: { urls: ['d.ex', 'a.ex'] }, tags: ['finance', 'y'] })
    const result = merge({ base, local, remote })
    // Order from the newer side (remote), the older side's additions after.
    expect(urls(result.merged)).toEqual(['d.ex', 'c.ex'])
    expect(result.merged.tags).toEqual(['y', 'x'])
    expect(result.conflicts).toEqual([])
  })

  it('keeps both edits of the same url, and the other side order when only it changed the list', () => {
    const local = edit(base, 150, { fields: { urls: ['a2.ex', 'b.ex'] } })
    const remote = edit(base, 250, { fields: { urls: ['a3.ex', 'b.ex'] } })
    expect(urls(merge({ base, local, remote }).merged)).toEqual(['a3.ex', 'b.ex', 'a2.ex'])
    const reordered = edit(base, 150, { fields: { urls: ['b.ex', 'a.ex'] } })
    const other = edit(base, 250, { notes: 'x' })
    expect(urls(merge({ base, local: reordered, remote: other }).merged)).toEqual(['b.ex', 'a.ex'])
  })

  it('falls back to the newer list, flagged, rather than go past the schema cap', () => {
    const many = (prefix: string) => Array.from({ length: 60 }, (_, i) => `https://${prefix}${i}.example`)
    const local = edit(base, 150, { fields: { urls: many('l') } })
    const remote = edit(base, 250, { fields: { urls: many('r') } })
    const result = merge({ base, local, remote })
    expect(urls(result.merged)).toEqual(many('r'))
    expect(result).toMatchObject({ conflicts: [{ field: 'fields.urls', winner: 'remote' }], losers: ['local'] })
    const union = { ...result.merged, fields: { urls: [...many('l'), ...many('r')] } }
    expect(itemDraftSchema.safeParse(union).success).toBe(false) // the cap the fallback protects
  })
})

describe('mergeItems: custom fields by id', () => {
  it('keeps additions from both sides and removes a field deleted on one side, untouched on the other', () => {
    const local = edit(base, 150, { customFields: [pin, acct, { ...pin, id: 'new1', value: 'a' }] })
    const remote = edit(base, 250, { customFields: [acct, { ...pin, id: 'new2', value: 'b' }] })
    const result = merge({ base, local, remote })
    expect(result.merged.customFields.map((field) => field.id)).toEqual(['acct', 'new2', 'new1'])
    expect(result.conflicts).toEqual([])
  })

  it('keeps an edit over a deletion, flagged, whichever side is newer', () => {
    const local = edit(base, 150, { customFields: [{ ...pin, value: '2222' }, acct] })
    const remote = edit(base, 250, { customFields: [acct] })
    const result = merge({ base, local, remote })
    expect(result.merged.customFields).toEqual([acct, { ...pin, value: '2222' }])
    expect(result).toMatchObject({ conflicts: [{ field: 'custom:pin', winner: 'local' }], losers: ['remote'] })
  })

  it('merges label and value separately, and a clash goes to the newer', () => {
    const local = edit(base, 150, { customFields: [{ ...pin, label: 'Phone PIN', value: '3' }, acct] })
    const acct3 = { ...acct, value: 'DE03' }
    const result = merge({ base, local, remote: edit(base, 250, { customFields: [{ ...pin, value: '4' }, acct3] }) })
    expect(result.merged.customFields).toEqual([{ ...pin, label: 'Phone PIN', value: '4' }, acct3])
    expect(result.conflicts).toEqual([{ field: 'custom:pin', winner: 'remote' }])
  })
})

describe('mergeItems: trash and type', () => {
  it('keeps an item out of the trash when the other side edited it, flagging the trashing side', () => {
    const trashed = { ...edit(base, 300, {}), trashedAt: 300 }
    const edited = edit(base, 200, { notes: 'important' })
    const result = merge({ base, local: trashed, remote: edited })
    expect(result.merged).toMatchObject({ trashedAt: null, notes: 'important', updatedAt: 300 })
    expect(result).toMatchObject({ conflicts: [{ field: 'trashedAt', winner: 'remote' }], losers: ['local'] })
  })

  it('can make both sides losers: the newer wins a clash and loses its trash', () => {
    const trashed = { ...edit(base, 300, { title: 'New' }), trashedAt: 300 }
    const result = merge({ base, local: trashed, remote: edit(base, 200, { title: 'Old', notes: 'x' }) })
    expect(result.merged).toMatchObject({ title: 'New', notes: 'x', trashedAt: null })
    expect(result.losers).toEqual(['local', 'remote'])
  })

  it('lets the trash stand when the merge is exactly what the trashing side saw', () => {
    const trashed = { ...edit(base, 300, { title: 'New' }), trashedAt: 300 }
    const same = merge({ base, local: trashed, remote: edit(base, 200, { title: 'New' }) })
    expect(same).toMatchObject({ merged: { title: 'New', trashedAt: 300 }, conflicts: [] })
    const lost = merge({ base, local: trashed, remote: edit(base, 200, { title: 'Old' }) })
    expect(lost).toMatchObject({ merged: { title: 'New', trashedAt: 300 }, losers: ['remote'] })
  })

  it('trashes when the other side changed nothing; both trashed keeps the earlier time; a restore is taken', () => {
    const trashed = { ...edit(base, 300, {}), trashedAt: 300 }
    expect(merge({ base, local: trashed, remote: base }).merged.trashedAt).toBe(300)
    const both = merge({ base, local: trashed, remote: { ...edit(base, 250, { notes: 'x' }), trashedAt: 250 } })
    expect([both.merged.trashedAt, both.merged.notes, both.conflicts]).toEqual([250, 'x', []])
    const inTrash = { ...base, trashedAt: 100 }
    const restored = { ...edit(inTrash, 200, {}), trashedAt: null }
    const result = merge({ base: inTrash, local: restored, remote: edit(inTrash, 300, { title: 'Edited' }) })
    expect(result.merged).toMatchObject({ trashedAt: null, title: 'Edited' })
  })

  it('gives a type change to the newer side whole; a type change against no edit is a fast-forward', () => {
    const note = { ...content({ type: 'note', title: 'Now a note', notes: 'n' }), createdAt: 100, updatedAt: 300 }
    const result = merge({ base, local: note, remote: edit(base, 200, { title: 'Edited' }) })
    expect(result.merged).toEqual(note)
    expect(result).toMatchObject({ conflicts: [{ field: 'type', winner: 'local' }], losers: ['remote'] })
    expect(merge({ base, local: note, remote: base })).toMatchObject({ merged: note, conflicts: [] })
  })

  it('without a base, counts every field as changed: equal fields stay, different ones go to the newer', () => {
    const local = edit(base, 150, { notes: 'mine' })
    const remote = edit(base, 250, { tags: ['other'] })
    const result = merge({ base: null, local, remote })
    expect(result.merged).toMatchObject({ title: 'Bank', notes: 'n0', tags: ['other', 'finance', 'home'] })
    expect(result.conflicts.map((c) => c.field)).toEqual(['notes'])
  })
})

/** mulberry32: small, seeded, reproducible. */
function random(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T
  return { next, int, pick }
}
type Random = ReturnType<typeof random>

// Small pools, so that both sides often make the same change, or clash.
const WORDS = ['a', 'b', 'c', 'd']
const URLS = ['1.ex', '2.ex', '3.ex', '4.ex']
const IDS = ['c1', 'c2', 'c3', 'c4']
const KINDS = ['text', 'hidden', 'url'] as const
const randomCustom = (rnd: Random, id: string) => ({
  id,
  label: rnd.pick(WORDS),
  kind: rnd.pick(KINDS),
  value: rnd.pick(WORDS),
})

function subset<T>(rnd: Random, pool: readonly T[]): T[] {
  return pool.filter(() => rnd.next() < 0.5)
}

function randomItem(rnd: Random, type: ItemType): ItemContent {
  const fields = Object.fromEntries(stringFields(type).map((name) => [name, rnd.pick(WORDS)]))
  const customFields = subset(rnd, IDS).map((id) => randomCustom(rnd, id))
  const urls = type === 'login' ? { urls: subset(rnd, URLS) } : {}
  const draft = { type, title: rnd.pick(WORDS), tags: subset(rnd, WORDS), notes: rnd.pick(WORDS), customFields }
  const item = content({ ...draft, favorite: rnd.next() < 0.5, fields: { ...fields, ...urls } } as ItemDraftInput)
  return { ...item, trashedAt: rnd.next() < 0.2 ? 50 : null }
}

function toggled<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((member) => member !== value) : [...list, value]
}

/** One random edit, as a user on one machine could make it. */
function randomEdit(rnd: Random, item: ItemContent, at: number): ItemContent {
  const names = stringFields(item.type)
  const custom = item.customFields
  switch (rnd.int(9)) {
    case 0:
      return edit(item, at, { title: rnd.pick(WORDS) })
    case 1:
      return edit(item, at, { favorite: !item.favorite, notes: rnd.next() < 0.5 ? item.notes : rnd.pick(WORDS) })
    case 2:
      return names.length === 0 ? item : edit(item, at, { fields: { [rnd.pick(names)]: rnd.pick(WORDS) } })
    case 3: {
      const urls = item.type === 'login' ? toggled(item.fields.urls, rnd.pick(URLS)) : undefined
      return urls === undefined ? item : edit(item, at, { fields: { urls } })
    }
    case 4:
      return edit(item, at, { tags: toggled(item.tags, rnd.pick(WORDS)) })
    case 5: {
      const id = rnd.pick(IDS)
      const kept = custom.filter((field) => field.id !== id)
      return edit(item, at, { customFields: kept.length < custom.length ? kept : [...custom, randomCustom(rnd, id)] })
    }
    case 6: {
      const key = rnd.pick(['label', 'kind', 'value'] as const)
      const value = key === 'kind' ? rnd.pick(KINDS) : rnd.pick(WORDS)
      return edit(item, at, { customFields: custom.map((f) => (rnd.next() < 0.5 ? { ...f, [key]: value } : f)) })
    }
    case 7:
      return { ...edit(item, at, {}), trashedAt: item.trashedAt === null ? at : null }
    default: {
      if (rnd.next() < 0.1)
        return { ...randomItem(rnd, rnd.pick(ITEM_TYPES)), createdAt: item.createdAt, updatedAt: at }
      return edit(item, at, { customFields: [...custom].reverse(), tags: [...item.tags].reverse() })
    }
  }
}

function randomSide(rnd: Random, start: ItemContent): ItemContent {
  let item = start
  const at = 100 + rnd.int(4) // ties are common on purpose
  for (let n = rnd.int(4); n > 0; n--) item = randomEdit(rnd, item, at)
  return item
}

/** Every value of an item as a string: the unit that must not be lost. */
function atoms(item: ItemContent | null): Set<string> {
  if (item === null) return new Set()
  const found = [`type=${item.type}`, `title=${item.title}`, `favorite=${item.favorite}`, `notes=${item.notes}`]
  found.push(`trashed=${item.trashedAt !== null}`, ...item.tags.map((tag) => `tag=${tag}`))
  for (const [name, value] of Object.entries(item.fields as Record<string, string | string[]>)) {
    found.push(...(typeof value === 'string' ? [`${name}=${value}`] : value.map((member) => `${name}[]=${member}`)))
  }
  for (const { id, label, kind, value } of item.customFields) {
    found.push(`custom:${id}.label=${label}`, `custom:${id}.kind=${kind}`, `custom:${id}.value=${value}`)
  }
  return new Set(found)
}

function checkNothingLost(input: MergeInput, result: MergeResult): void {
  const merged = atoms(result.merged)
  const base = atoms(input.base)
  for (const side of ['local', 'remote'] as const) {
    const missing = [...atoms(input[side])].filter((atom) => !merged.has(atom) && !base.has(atom))
    if (missing.length > 0) expect(result.losers, `${side} lost ${missing.join(', ')}`).toContain(side)
  }
  const both = new Set([...atoms(input.local), ...atoms(input.remote)])
  expect([...merged].filter((atom) => !both.has(atom))).toEqual([]) // nothing invented
  expect(result.conflicts.length === 0).toBe(result.losers.length === 0)
}

describe('mergeItems: properties over random edits', () => {
  it('converges, loses nothing and stays a valid item, over 2000 seeded cases', () => {
    const seen = new Set<string>()
    for (let seed = 1; seed <= 2000; seed++) {
      const rnd = random(seed)
      const start = randomItem(rnd, rnd.next() < 0.5 ? 'login' : rnd.pick(ITEM_TYPES))
      const base = rnd.next() < 0.05 ? null : start
      const input = { base, local: randomSide(rnd, start), remote: randomSide(rnd, start) }
      const result = merge(input)
      checkNothingLost(input, result)
      for (const { field } of result.conflicts) seen.add(field.replace(/[.:].*/, ''))
      seen.add(`losers:${result.losers.length}`).add(`tie:${input.local.updatedAt === input.remote.updatedAt}`)
      const { v: _v, createdAt: _c, updatedAt: _u, trashedAt: _t, ...draft } = result.merged
      expect(itemDraftSchema.parse(draft)).toEqual(draft)
      expect(mergeItems({ base, local: input.local, remote: input.local }).merged).toEqual(input.local)
    }
    // The generator reaches every kind of clash, ties, and both sides losing.
    const kinds = 'custom favorite fields losers:0 losers:1 losers:2 notes tie:false tie:true title trashedAt type'
    expect([...seen].sort()).toEqual(kinds.split(' '))
  })
})
