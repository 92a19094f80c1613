/** The joined-text index must give exactly what a naive scan gives, in title order, through edits. */
import { describe, expect, it } from 'vitest'
import { type IndexedItem, ItemIndex } from '../../../src-main/vault/item-index.ts'
import type { ItemFilter, ItemSummary, ItemType } from '../../../src-shared/domain/item.ts'

const WORDS = ['git', 'hub', 'bank', 'mail', 'gmail', 'shop', 'Ärzte', 'café', 'cloud', 'ama', 'zon', 'x']
const TYPES: ItemType[] = ['login', 'note', 'card']

function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
}

function makeItem(id: number, random: () => number): IndexedItem {
  const pick = () => WORDS[Math.floor(random() * WORDS.length)] as string
  const title = `${pick()} ${pick()} ${Math.floor(random() * 20)}`
  const summary: ItemSummary = {
    id: `id-${id}`,
    type: TYPES[id % TYPES.length] as ItemType,
    title,
    subtitle: pick(),
    urls: [],
    tags: random() < 0.3 ? ['work'] : [],
    favorite: random() < 0.2,
    hasTotp: false,
    updatedAt: id,
    trashedAt: random() < 0.1 ? 1 : null,
  }
  return {
    summary,
    haystack: `${title}\n${pick()}${pick()}\n${summary.tags.join(' ')}`.toLowerCase(),
    vaultId: 'v',
    revision: 1,
  }
}

/** The obvious implementation: sort everything by the same key, scan every item. */
function reference(items: Map<string, IndexedItem>, filter: ItemFilter): string[] {
  const fold = (title: string) =>
    title
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/\d+/g, (d) => d.padStart(12, '0'))
  const terms = (filter.query ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  return [...items.values()]
    .filter((item) => (item.summary.trashedAt !== null) === (filter.trash ?? false))
    .filter((item) => filter.type === undefined || item.summary.type === filter.type)
    .filter((item) => filter.favorite === undefined || item.summary.favorite === filter.favorite)
    .filter((item) => filter.tag === undefined || item.summary.tags.includes(filter.tag))
    .filter((item) => terms.every((term) => item.haystack.includes(term)))
    .sort((a, b) => {
      const ka = `${fold(a.summary.title)}\u0000${a.summary.id}`
      const kb = `${fold(b.summary.title)}\u0000${b.summary.id}`
      return ka < kb ? -1 : ka > kb ? 1 : 0
    })
    .map((item) => item.summary.id)
}

const QUERIES: ItemFilter[] = [
  {},
  { query: 'git' },
  { query: 'GMAIL' },
  { query: 'ma' },
  { query: 'bank 1' },
  { query: '  hub   git ' },
  { query: 'café' },
  { query: 'ärzte' },
  { query: 'nothing-matches' },
  { query: 'x', trash: true },
  { query: 'o', type: 'note' },
  { favorite: true },
  { tag: 'work', query: 'a' },
]

describe('ItemIndex', () => {
  it('matches a naive scan for every query, before and after edits and removals', () => {
    const random = seeded(7)
    const index = new ItemIndex()
    const truth = new Map<string, IndexedItem>()
    for (let id = 0; id < 600; id++) {
      const item = makeItem(id, random)
      index.put(item)
      truth.set(item.summary.id, item)
    }
    index.prepare()
    const check = () => {
      for (const filter of QUERIES) expect(index.list(filter).map((s) => s.id)).toEqual(reference(truth, filter))
    }
    check()
    for (let step = 0; step < 200; step++) {
      const id = `id-${Math.floor(random() * 700)}`
      if (random() < 0.3) {
        index.remove(id)
        truth.delete(id)
      } else {
        const item = makeItem(Number(id.slice(3)), random)
        index.put(item)
        truth.set(item.summary.id, item)
      }
      if (step % 20 === 0) check()
    }
    check()
    expect(index.size).toBe(truth.size)
  })

  it('orders numbers by value and ignores case and accents', () => {
    const index = new ItemIndex()
    const titles = ['site 10', 'Site 2', 'émile', 'Emma', 'zeta', 'Alpha']
    for (const [i, title] of titles.entries()) index.put(makeItemWithTitle(`t${i}`, title))
    expect(index.list().map((s) => s.title)).toEqual(['Alpha', 'émile', 'Emma', 'Site 2', 'site 10', 'zeta'])
  })
})

function makeItemWithTitle(id: string, title: string): IndexedItem {
  const item = makeItem(0, seeded(1))
  return { ...item, summary: { ...item.summary, id, title, trashedAt: null }, haystack: title.toLowerCase() }
}
