/**
 * The unlocked vault's in-memory list: each item's summary and lower-cased
 * search text, kept in title order. No secret is held here; full items are
 * decrypted again on demand. A query is every whitespace-separated term
 * appearing somewhere in an item's text (a plain substring scan: at 10,000
 * items it needs no index, ../shared/research/perf.md §4).
 */
import type { ItemFilter, ItemSummary } from '../../src-shared/domain/item.ts'

export interface IndexedItem {
  readonly summary: ItemSummary
  readonly haystack: string
  readonly vaultId: string
  readonly revision: number
}

export class ItemIndex {
  readonly #items = new Map<string, IndexedItem>()
  #ordered: IndexedItem[] | null = null

  get size(): number {
    return this.#items.size
  }

  get(id: string): IndexedItem | undefined {
    return this.#items.get(id)
  }

  put(item: IndexedItem): void {
    this.#items.set(item.summary.id, item)
    this.#ordered = null
  }

  remove(id: string): void {
    this.#items.delete(id)
    this.#ordered = null
  }

  clear(): void {
    this.#items.clear()
    this.#ordered = null
  }

  all(): IterableIterator<IndexedItem> {
    return this.#items.values()
  }

  list(filter: ItemFilter = {}): ItemSummary[] {
    const terms = (filter.query ?? '').toLowerCase().split(/\s+/).filter(Boolean)
    const out: ItemSummary[] = []
    for (const item of this.#inTitleOrder()) {
      if (matchesFilter(item.summary, filter) && terms.every((term) => item.haystack.includes(term))) {
        out.push(item.summary)
      }
    }
    return out
  }

  #inTitleOrder(): IndexedItem[] {
    if (this.#ordered === null) {
      this.#ordered = [...this.#items.values()]
      this.#ordered.sort(byTitle)
    }
    return this.#ordered
  }
}

function matchesFilter(summary: ItemSummary, filter: ItemFilter): boolean {
  const inTrash = summary.trashedAt !== null
  if (inTrash !== (filter.trash ?? false)) return false
  if (filter.type !== undefined && summary.type !== filter.type) return false
  if (filter.favorite !== undefined && summary.favorite !== filter.favorite) return false
  if (filter.tag !== undefined && !summary.tags.includes(filter.tag)) return false
  return true
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

function byTitle(a: IndexedItem, b: IndexedItem): number {
  return collator.compare(a.summary.title, b.summary.title) || (a.summary.id < b.summary.id ? -1 : 1)
}
