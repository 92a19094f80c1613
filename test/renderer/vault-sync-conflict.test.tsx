// @vitest-environment happy-dom
/** An item merged after both devices changed the same field: flagged in the list and explained in the detail. */
import { cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ok } from './support/stub-vault.ts'
import { GITHUB_VIEW, IDS, renderWorkspace, SUMMARIES, stubItemsVault } from './vault-fixtures.tsx'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('a sync clash', () => {
  it('shows a Merged badge and a notice that points to history, and can be dismissed', async () => {
    const flagged = SUMMARIES.map((item) => (item.id === IDS.github ? { ...item, syncConflict: true } : item))
    const vault = stubItemsVault({
      listItems: async () => ok({ items: flagged, total: flagged.length }),
      getItem: async () => ok({ ...GITHUB_VIEW, syncConflict: true }),
    })
    renderWorkspace(vault)
    await vi.waitFor(() => expect(screen.getByText('Merged')).toBeTruthy())
    const notice = await screen.findByTestId('sync-conflict')
    expect(notice.textContent).toContain('The other version is in this item’s history')
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
    await vi.waitFor(() => expect(vault.dismissConflict).toHaveBeenCalledWith({ id: IDS.github }))
  })
})
