/**
 * The unlocked vault's in-memory list: each item's summary and lower-cased
 * search text, kept in title order. No secret is held here; full items are
 * decrypted again on demand.
 *
 * A query matches an item when every whitespace-separated term occurs in its
 * text. To stay within a keystroke's budget at 100,000 items, the texts are
 * joined, in title order, into one string, and the longest term is found
 * with indexOf over it: one tight native scan instead of a visit to every
 * item (or, once hits turn out dense, a plain check of each remaining item).
 * Only the items it hits are checked for the other terms and filters.
 */
import { ITEM_TYPES, type ItemFilter, type ItemSummary } from '../../src-shared/domain/item.ts'

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
  /** Per item, in title order: the filters' facts as flat arrays, cheap to test for every hit. */
  readonly trashed: Uint8Array
  readonly favorite: Uint8Array
  readonly typeCode: Uint8Array
  readonly summaries: readonly ItemSummary[]
}

const TYPE_CODES = new Map(ITEM_TYPES.map((type, code) => [type, code]))

/** Separates items in the joined text; a query term never contains it. */
const SEPARATOR = '\u0000'

export class ItemIndex {
  readonly #items = new Map<string, IndexedItem>()
  /** Computed as each item is put (a slice of unlock's work), so sorting is cheap. */
  readonly #sortKeys = new Map<IndexedItem, string>()
  #ordered: Ordered | null = null
  #joined: Joined | null = null
  #changes = 0

  get size(): number {
    return this.#items.size
  }

  /** Counts every put, remove and clear: equal counts on the same index mean the same items. */
  get changes(): number {
    return this.#changes
  }

  get(id: string): IndexedItem | undefined {
    return this.#items.get(id)
  }

  put(item: IndexedItem): void {
    this.#changes += 1
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
    this.#changes += 1
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
    this.#changes += 1
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
    const { items } = this.#inTitleOrder()
    const joined = this.#joinedText()
    const accepts = acceptor(joined, filter, terms.slice(1))
    const out: ItemSummary[] = []
    const [longest] = terms
    if (longest === undefined) {
      for (let i = 0; i < items.length; i++) if (accepts(i)) out.push(joined.summaries[i] as ItemSummary)
      return out
    }
    // Per hit: typed-array checks and a pointer copy. Touching the item objects
    // themselves (scattered in memory, in title order) cost more than the scan.
    const { text, starts, summaries } = joined
    let item = 0
    for (let position = text.indexOf(longest); position !== -1; ) {
      item = itemAt(starts, position, item)
      if (accepts(item)) out.push(summaries[item] as ItemSummary)
      position = text.indexOf(longest, starts[item + 1] ?? text.length)
    }
    return out
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
      const count = items.length
      const joined = {
        text: items.map((item) => item.haystack).join(SEPARATOR),
        starts: new Int32Array(count),
        trashed: new Uint8Array(count),
        favorite: new Uint8Array(count),
        typeCode: new Uint8Array(count),
        summaries: items.map((item) => item.summary),
      }
      let offset = 0
      items.forEach(({ summary, haystack }, i) => {
        joined.starts[i] = offset
        offset += haystack.length + SEPARATOR.length
        joined.trashed[i] = summary.trashedAt === null ? 0 : 1
        joined.favorite[i] = summary.favorite ? 1 : 0
        joined.typeCode[i] = TYPE_CODES.get(summary.type) ?? 255
      })
      this.#joined = joined
    }
    return this.#joined
  }
}

/**
 * A test of item i against the filter and the terms other than the one being
 * scanned for. Items must be asked about in increasing order: each other term
 * keeps a cursor on its next occurrence in the joined text, so checking it
 * costs at most one sequential pass in all, and no item object is touched.
 */
function acceptor(joined: Joined, filter: ItemFilter, terms: readonly string[]) {
  const trashed = filter.trash === true ? 1 : 0
  const favorite = filter.favorite === undefined ? -1 : filter.favorite ? 1 : 0
  const typeCode = filter.type === undefined ? -1 : (TYPE_CODES.get(filter.type) ?? 255)
  const { tag } = filter
  const { text, starts, summaries } = joined
  const cursors = terms.map(() => -1)
  const containsTerm = (t: number, i: number): boolean => {
    const start = starts[i] as number
    if ((cursors[t] as number) < start) {
      const next = text.indexOf(terms[t] as string, start)
      // text.length means "no more": never rescanned, never inside an item.
      cursors[t] = next === -1 ? text.length : next
    }
    return (cursors[t] as number) < (starts[i + 1] ?? text.length)
  }
  return (i: number): boolean => {
    if (joined.trashed[i] !== trashed) return false
    if (favorite !== -1 && joined.favorite[i] !== favorite) return false
    if (typeCode !== -1 && joined.typeCode[i] !== typeCode) return false
    for (let t = 0; t < terms.length; t++) if (!containsTerm(t, i)) return false
    return tag === undefined || (summaries[i] as ItemSummary).tags.includes(tag)
  }
}

/**
 * The index of the item whose text contains this position of the joined
 * text. Hits come in increasing order and often in the next few items, so
 * it probes forward from the last one before falling back to bisection.
 */
function itemAt(starts: Int32Array, position: number, from: number): number {
  const last = starts.length - 1
  for (let probe = from; probe < Math.min(from + 4, last); probe++) {
    if ((starts[probe + 1] as number) > position) return probe
  }
  let low = from
  let high = last
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
