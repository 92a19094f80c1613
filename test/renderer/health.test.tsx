// @vitest-environment happy-dom
/** Password health: counts per category, the items named by title, and each a link to the item in the list. */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { VaultClientContext } from '../../src-renderer/src/api/use-vault-client.ts'
import { createVaultClient } from '../../src-renderer/src/api/vault-client.ts'
import { HealthPanel } from '../../src-renderer/src/features/health/HealthPanel.tsx'
import { fail, ok, type StubVault } from './support/stub-vault.ts'
import { IDS, renderWorkspace, SUMMARIES, stubItemsVault } from './vault-fixtures.tsx'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const REPORT = {
  checkedAt: 1_700_000_000_000,
  counts: { weak: 1, reused: 2, old: 1, noTotp: 1, duplicates: 0, total: 3 },
  weak: [{ id: IDS.google, score: 1 }],
  reused: [{ ids: [IDS.github, IDS.google] }],
  old: [{ id: IDS.github, changedAt: 1_600_000_000_000 }],
  noTotp: [{ id: IDS.google }],
  duplicates: [],
  titles: { [IDS.google]: 'Google', [IDS.github]: 'GitHub' },
}

function renderPanel(vault: StubVault, onOpenItem = vi.fn()) {
  render(
    <VaultClientContext.Provider value={createVaultClient(vault as never)}>
      <HealthPanel onOpenItem={onOpenItem} />
    </VaultClientContext.Provider>,
  )
  return onOpenItem
}

describe('Password health', () => {
  it('shows the counts and, per category, the items by title', async () => {
    const vault = stubItemsVault({ getPasswordHealth: async () => ok(REPORT) })
    const onOpenItem = renderPanel(vault)
    await screen.findByTestId('health-panel')
    expect(screen.getByTestId('health-count-weak').textContent).toBe('Weak passwords: 1')
    expect(screen.getByTestId('health-count-reused').textContent).toBe('Reused passwords: 2')
    expect(screen.getByTestId('health-count-duplicates').textContent).toBe('Duplicate items: 0')
    const weak = screen.getByRole('region', { name: 'Weak passwords' })
    expect(within(weak).getByRole('button', { name: 'Google' })).toBeTruthy()
    expect(weak.textContent).toContain('Weak')
    const reused = screen.getByRole('region', { name: 'Reused passwords' })
    expect(
      within(reused)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['GitHub', 'Google'])
    expect(screen.queryByRole('region', { name: 'Duplicate items' })).toBeNull()
    fireEvent.click(
      within(screen.getByRole('region', { name: 'Old passwords' })).getByRole('button', { name: 'GitHub' }),
    )
    expect(onOpenItem).toHaveBeenCalledWith(IDS.github)
  })

  it("shows main's reason when there is no report", async () => {
    renderPanel(stubItemsVault({ getPasswordHealth: async () => fail('VAULT_LOCKED', 'The vault is locked.') }))
    expect((await screen.findByTestId('health-error')).textContent).toBe('The vault is locked.')
  })

  it('opens from the sidebar, and a link selects the item in the list and closes the report', async () => {
    const vault = stubItemsVault({ getPasswordHealth: async () => ok(REPORT) })
    renderWorkspace(vault)
    await screen.findAllByText(SUMMARIES[0]?.title ?? '')
    fireEvent.click(screen.getByRole('button', { name: 'Password health' }))
    const dialog = await screen.findByRole('dialog', { name: 'Password health' })
    const weak = await within(dialog).findByRole('region', { name: 'Weak passwords' })
    fireEvent.click(within(weak).getByRole('button', { name: 'Google' }))
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    await vi.waitFor(() => expect(screen.getByTestId('detail-title').textContent).toBe('Google'))
  })

  it('names and selects an item in the report even when the list has not loaded it yet', async () => {
    // A large vault: the first page holds GitHub only; Google is further down.
    const first = SUMMARIES.filter((summary) => summary.id !== IDS.google)
    const vault = stubItemsVault({
      getPasswordHealth: async () => ok(REPORT),
      listItems: async () => ok({ items: first, total: 150 }),
    })
    renderWorkspace(vault)
    await screen.findAllByText(first[0]?.title ?? '')
    fireEvent.click(screen.getByRole('button', { name: 'Password health' }))
    const dialog = await screen.findByRole('dialog', { name: 'Password health' })
    const weak = await within(dialog).findByRole('region', { name: 'Weak passwords' })
    fireEvent.click(await within(weak).findByRole('button', { name: 'Google' }))
    await vi.waitFor(() => expect(screen.getByTestId('detail-title').textContent).toBe('Google'))
    // It stays selected once the list has answered again.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(screen.getByTestId('detail-title').textContent).toBe('Google')
  })
})
