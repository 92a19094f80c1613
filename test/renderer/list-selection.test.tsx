// @vitest-environment happy-dom
/** An item revealed from the health report stays selected beyond the loaded pages, until something lets it go. */
import { act, cleanup, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { VaultClientContext } from '../../src-renderer/src/api/use-vault-client.ts'
import { createVaultClient } from '../../src-renderer/src/api/vault-client.ts'
import { PAGE_SIZE, useListSelection } from '../../src-renderer/src/features/vault/use-list-selection.ts'
import { ok } from './support/stub-vault.ts'
import { IDS, SUMMARIES, stubItemsVault } from './vault-fixtures.tsx'

afterEach(cleanup)

/** A large vault whose first page lacks Google; `listItems` can be swapped to change what main answers. */
function renderSelection() {
  // A full first page (so more can be asked for) without Google.
  const filler = Array.from({ length: PAGE_SIZE - 2 }, (_, index) => ({ ...SUMMARIES[2], id: `filler-${index}` }))
  const first = [...SUMMARIES.filter((summary) => summary.id !== IDS.google), ...filler]
  const vault = stubItemsVault({ listItems: async () => ok({ items: first, total: 150 }) })
  const client = createVaultClient(vault as never)
  const wrapper = ({ children }: { children: ReactNode }) => (
    <VaultClientContext.Provider value={client}>{children}</VaultClientContext.Provider>
  )
  const hook = renderHook(({ version }) => useListSelection(version, true), { wrapper, initialProps: { version: 0 } })
  return { ...hook, vault }
}

async function revealGoogle(result: { current: ReturnType<typeof useListSelection> }) {
  await vi.waitFor(() => expect(result.current.selectedId).toBe(IDS.github))
  act(() => result.current.reveal(IDS.google))
  await vi.waitFor(() => expect(result.current.list.fresh).toBe(true))
  expect(result.current.selectedId).toBe(IDS.google)
}

describe('useListSelection: a revealed item', () => {
  it('stays across a change of the vault while main still has it outside the trash (an edit of it, a sync)', async () => {
    const { result, rerender, vault } = renderSelection()
    await revealGoogle(result)
    rerender({ version: 1 })
    await vi.waitFor(() => expect(vault.getItem).toHaveBeenCalledWith({ id: IDS.google }))
    await vi.waitFor(() => expect(result.current.list.fresh).toBe(true))
    expect(result.current.selectedId).toBe(IDS.google)
  })

  it('is let go once it is in the trash or gone, and the first result is selected', async () => {
    const { result, rerender, vault } = renderSelection()
    await revealGoogle(result)
    const view = (await vault.getItem({ id: IDS.google } as never)) as { ok: true; data: object }
    vault.getItem.mockImplementation(async () => ok({ ...view.data, trashedAt: 1_700_000_000_000 }))
    rerender({ version: 1 })
    await vi.waitFor(() => expect(result.current.selectedId).toBe(IDS.github))
  })

  it('is let go when the user selects another item', async () => {
    const { result } = renderSelection()
    await revealGoogle(result)
    act(() => result.current.setSelectedId(IDS.visa))
    // Selecting Google by hand now is an ordinary selection: not loaded, so the first result takes its place.
    act(() => result.current.setSelectedId(IDS.google))
    await vi.waitFor(() => expect(result.current.selectedId).toBe(IDS.github))
  })

  it('is an ordinary selection once a further page has loaded it', async () => {
    const { result, vault } = renderSelection()
    await revealGoogle(result)
    vault.listItems.mockImplementation(async () => ok({ items: SUMMARIES, total: 150 }))
    act(() => result.current.loadMore())
    await vi.waitFor(() => expect(result.current.selected?.id).toBe(IDS.google))
    // Moving on from it works through the loaded results as for any item.
    act(() => result.current.move(1))
    expect(result.current.selectedId).toBe(IDS.visa)
  })
})
