/**
 * What the list shows and which item is selected: the sidebar scope, the
 * search text, how many results to fetch, and keyboard movement through them.
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useFacets } from './api/use-facets.ts'
import { useItemList } from './api/use-item-list.ts'
import { ALL_ITEMS, filterFor, type Scope } from './model/scope.ts'
import type { ItemSummary } from './model/types.ts'

/** Results fetched at first, and added each time the list nears its end. */
export const PAGE_SIZE = 100

export function useListSelection(version: number, followSelection: boolean) {
  const [scope, setScopeState] = useState<Scope>(ALL_ITEMS)
  const [query, setQueryState] = useState('')
  const [limit, setLimit] = useState(PAGE_SIZE)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  /** An item opened from elsewhere (the health report): kept selected though it may lie beyond the loaded pages. */
  const [revealedId, setRevealedId] = useState<string | null>(null)
  const filter = useMemo(() => filterFor(scope, query), [scope, query])
  const list = useItemList(filter, limit, version)
  const facets = useFacets(version)
  const items: readonly ItemSummary[] = list.data?.items ?? []
  const total = list.data?.total ?? 0

  const setScope = useCallback((next: Scope) => {
    setScopeState(next)
    setLimit(PAGE_SIZE)
    setRevealedId(null)
  }, [])
  const setQuery = useCallback((next: string) => {
    setQueryState(next)
    setLimit(PAGE_SIZE)
    setRevealedId(null)
  }, [])
  /** Shows every item, and this one selected even when it is not in the first pages of the list. */
  const reveal = useCallback(
    (id: string) => {
      setScope(ALL_ITEMS)
      setQuery('')
      setSelectedId(id)
      setRevealedId(id)
    },
    [setScope, setQuery],
  )
  // One page at a time: scrolling on while the next page is on its way asks for nothing more.
  const loaded = items.length
  const loadMore = useCallback(
    () => setLimit((current) => (current <= loaded && current < total ? current + PAGE_SIZE : current)),
    [loaded, total],
  )

  // The selection follows the results: when the selected item leaves them (a search, the trash), the first is
  // selected. A revealed item stays: it is in the results, perhaps only further down than the pages loaded.
  useEffect(() => {
    if (!followSelection || !list.fresh) return
    if (selectedId !== null && (selectedId === revealedId || items.some((item) => item.id === selectedId))) return
    setSelectedId(items[0]?.id ?? null)
  }, [followSelection, items, list.fresh, selectedId, revealedId])

  const move = useCallback(
    (delta: number) => {
      if (items.length === 0) return
      const index = items.findIndex((item) => item.id === selectedId)
      const next = Math.min(items.length - 1, Math.max(0, index + delta))
      setSelectedId(items[next]?.id ?? null)
      if (next >= items.length - 5) loadMore()
    },
    [items, loadMore, selectedId],
  )

  const selected = items.find((item) => item.id === selectedId) ?? null
  return {
    scope,
    setScope,
    query,
    setQuery,
    items,
    total,
    list,
    facets: facets.data,
    selectedId,
    selected,
    setSelectedId,
    reveal,
    move,
    loadMore,
  }
}

export type ListSelection = ReturnType<typeof useListSelection>
