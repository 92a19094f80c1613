/**
 * The unlocked vault's in-memory list: each item's summary and lower-cased
 * search text, kept in title order. No secret is held here; full items are
 * decrypted again on demand.
 *
 * A query matches an item when every whitespace-separated term occurs in its
 * text. To stay within a keystroke's budget at 100,000 items, the texts are
 * joined, in title order, into one string, and the longest term is found
 * with indexOf over it: one tight native scan instead of a visit to every
 * item. Only the items it hits are checked for the other terms and filters.
 */
import type { ItemFilter, ItemSummary } from '../../src-shared/domain/item.ts'

export interface IndexedItem {
  readonly summary: ItemSummary
  readonly haystack: string
  readonly vaultId: string
  readonly revision: number
}

interface Ordered {
  readonly items: IndexedItem[]
}

interface Joined {
  readonly text: string
  /** starts[i] is where item i's text begins in `text`. */
  readonly starts: Int32Array
}

/** Separates items in the joined text; a query term never contains it. */
const SEPARATOR = '\u0000'

export class ItemIndex {
  readonly #items = new Map<string, IndexedItem>()
  /** Computed as each item is put (a slice of unlock's work), so sorting is cheap. */
  readonly #sortKeys = new Map<IndexedItem, string>()
  #ordered: Ordered | null = null
  #joined: Joined | null = null

  get size(): number {
    return this.#items.size
  }

  get(id: string): IndexedItem | undefined {
    return this.#items.get(id)
  }

  put(item: IndexedItem): void {
    const previous = this.#items.get(item.summary.id)
    if (previous !== undefined) this.#forget(previous)
    this.#items.set(item.summary.id, item)
    const key = sortKeyOf(item)
    this.#sortKeys.set(item, key)
    if (this.#ordered !== null) insertOrdered(this.#ordered.items, this.#sortKeys, item, key)
    this.#joined = null
  }

  remove(id: string): void {
    const previous = this.#items.get(id)
    if (previous === undefined) return
    this.#items.delete(id)
    this.#forget(previous)
    this.#joined = null
  }

  #forget(item: IndexedItem): void {
    this.#sortKeys.delete(item)
    if (this.#ordered === null) return
    const index = this.#ordered.items.indexOf(item)
    if (index !== -1) this.#ordered.items.splice(index, 1)
  }

  clear(): void {
    this.#items.clear()
    this.#sortKeys.clear()
    this.#ordered = null
    this.#joined = null
  }

  all(): IterableIterator<IndexedItem> {
    return this.#items.values()
  }

  /** Sorts and joins now (at the end of unlock) rather than on the first keystroke. */
  prepare(): void {
    this.#joinedText()
  }

  list(filter: ItemFilter = {}): ItemSummary[] {
    const terms = (filter.query ?? '')
      .toLowerCase()
      .replaceAll(SEPARATOR, '')
      .split(/\s+/)
      .filter(Boolean)
      .sort((a, b) => b.length - a.length)
    const out: ItemSummary[] = []
    const [longest, ...others] = terms
    const keep = (item: IndexedItem): void => {
      if (matchesFilter(item.summary, filter) && others.every((term) => item.haystack.includes(term))) {
        out.push(item.summary)
      }
    }
    if (longest === undefined) this.#inTitleOrder().items.forEach(keep)
    else this.#forEachHit(longest, keep)
    return out
  }

  /** Calls visit once for each item whose text contains term, in title order. */
  #forEachHit(term: string, visit: (item: IndexedItem) => void): void {
    const { items } = this.#inTitleOrder()
    const { text, starts } = this.#joinedText()
    let position = text.indexOf(term)
    while (position !== -1) {
      const index = itemAt(starts, position)
      visit(items[index] as IndexedItem)
      position = text.indexOf(term, starts[index + 1] ?? text.length)
    }
  }

  #inTitleOrder(): Ordered {
    if (this.#ordered === null) {
      // Sort (key, item) pairs: a comparator looking keys up in a map was the slow part.
      const pairs = [...this.#sortKeys].map(([item, key]) => [key, item] as const)
      pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      this.#ordered = { items: pairs.map((pair) => pair[1]) }
    }
    return this.#ordered
  }

  #joinedText(): Joined {
    if (this.#joined === null) {
      const { items } = this.#inTitleOrder()
      const starts = new Int32Array(items.length)
      let offset = 0
      items.forEach((item, i) => {
        starts[i] = offset
        offset += item.haystack.length + SEPARATOR.length
      })
      this.#joined = { text: items.map((item) => item.haystack).join(SEPARATOR), starts }
    }
    return this.#joined
  }
}

/** The index of the item whose text contains this position of the joined text. */
function itemAt(starts: Int32Array, position: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if ((starts[middle] as number) <= position) low = middle
    else high = middle - 1
  }
  return low
}

/**
 * Case- and accent-insensitive, with numbers compared by value ("Site 2"
 * before "Site 10"): computed once per item, so sorting is plain string
 * comparison (an Intl.Collator took half a second at 100,000 items).
 */
function sortKeyOf(item: IndexedItem): string {
  const folded = item.summary.title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
  return `${folded.replace(/\d+/g, (digits) => digits.padStart(12, '0'))}${SEPARATOR}${item.summary.id}`
}

function insertOrdered(items: IndexedItem[], keys: Map<IndexedItem, string>, item: IndexedItem, key: string): void {
  let low = 0
  let high = items.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((keys.get(items[middle] as IndexedItem) as string) < key) low = middle + 1
    else high = middle
  }
  items.splice(low, 0, item)
}

function matchesFilter(summary: ItemSummary, filter: ItemFilter): boolean {
  const inTrash = summary.trashedAt !== null
  if (inTrash !== (filter.trash ?? false)) return false
  if (filter.type !== undefined && summary.type !== filter.type) return false
  if (filter.favorite !== undefined && summary.favorite !== filter.favorite) return false
  if (filter.tag !== undefined && !summary.tags.includes(filter.tag)) return false
  return true
}
