/**
 * What the list shows and which item is selected: the sidebar scope, the
 * search text, how many results to fetch, and keyboard movement through them.
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'
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
  const [selectedId, setSelectedIdState] = useState<string | null>(null)
  /**
   * An item opened from elsewhere (the health report): kept selected though it may lie beyond the loaded pages,
   * as long as main still has it outside the trash (checked again at each change of the vault, below).
   */
  const [revealed, setRevealed] = useState<{ readonly id: string; readonly version: number } | null>(null)
  const revealedId = revealed?.id ?? null
  const client = useVaultClient()
  const filter = useMemo(() => filterFor(scope, query), [scope, query])
  const list = useItemList(filter, limit, version)
  const facets = useFacets(version)
  const items: readonly ItemSummary[] = list.data?.items ?? []
  const total = list.data?.total ?? 0

  const setScope = useCallback((next: Scope) => {
    setScopeState(next)
    setLimit(PAGE_SIZE)
    setRevealed(null)
  }, [])
  const setQuery = useCallback((next: string) => {
    setQueryState(next)
    setLimit(PAGE_SIZE)
    setRevealed(null)
  }, [])
  /** Choosing another item lets go of a revealed one. */
  const setSelectedId = useCallback((id: string | null) => {
    setSelectedIdState(id)
    setRevealed((current) => (current?.id === id ? current : null))
  }, [])
  /** Shows every item, and this one selected even when it is not in the first pages of the list. */
  const reveal = useCallback(
    (id: string) => {
      setScope(ALL_ITEMS)
      setQuery('')
      setSelectedIdState(id)
      setRevealed({ id, version })
    },
    [setScope, setQuery, version],
  )
  // One page at a time: scrolling on while the next page is on its way asks for nothing more.
  const loaded = items.length
  const loadMore = useCallback(
    () => setLimit((current) => (current <= loaded && current < total ? current + PAGE_SIZE : current)),
    [loaded, total],
  )

  // After a change (an edit, a sync, the trash), a revealed item stays only while main still has it outside the
  // trash: one item asked for, not the pages up to it. Meanwhile it stays, so an edit of it does not jump away.
  useEffect(() => {
    if (revealed === null || revealed.version === version) return
    let current = true
    void client.getItem({ id: revealed.id }).then((answer) => {
      if (!current) return
      setRevealed(answer.ok && answer.data.trashedAt === null ? { id: revealed.id, version } : null)
    })
    return () => {
      current = false
    }
  }, [client, revealed, version])

  // Once a revealed item is among the loaded results it needs no special keeping: the rule below takes over.
  useEffect(() => {
    if (list.fresh && revealedId !== null && items.some((item) => item.id === revealedId)) setRevealed(null)
  }, [items, list.fresh, revealedId])

  // The selection follows the results: when the selected item leaves them (a search, the trash), the first is
  // selected. A revealed item stays: it is in the results, perhaps only further down than the pages loaded.
  useEffect(() => {
    if (!followSelection || !list.fresh) return
    if (selectedId !== null && (selectedId === revealedId || items.some((item) => item.id === selectedId))) return
    setSelectedIdState(items[0]?.id ?? null)
  }, [followSelection, items, list.fresh, selectedId, revealedId])

  const move = useCallback(
    (delta: number) => {
      if (items.length === 0) return
      const index = items.findIndex((item) => item.id === selectedId)
      const next = Math.min(items.length - 1, Math.max(0, index + delta))
      setSelectedId(items[next]?.id ?? null)
      if (next >= items.length - 5) loadMore()
    },
    [items, loadMore, selectedId, setSelectedId],
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
