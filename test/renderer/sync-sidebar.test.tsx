// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ok, SYNC_OFF, SYNC_REPORT, syncOn } from './support/stub-vault.ts'
import { renderWorkspace, stubItemsVault } from './vault-fixtures.tsx'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

/** A workspace whose sync status is whatever `status.current` holds when main is asked. */
function workspaceWithSync(initial: object, overrides: Parameters<typeof stubItemsVault>[0] = {}) {
  const status = { current: initial }
  const vault = stubItemsVault({ getSyncStatus: async () => ok(status.current), ...overrides })
  renderWorkspace(vault)
  return { vault, status }
}

const line = () => screen.findByTestId('sidebar-sync')

/** The words on screen, once they read `text`. */
async function shown(text: string): Promise<HTMLElement> {
  await vi.waitFor(() => expect(screen.getByTestId('sidebar-sync-text').textContent).toBe(text))
  return screen.getByTestId('sidebar-sync-text')
}

describe('The sidebar sync line', () => {
  it('is not there while sync is off', async () => {
    const { vault } = workspaceWithSync(SYNC_OFF)
    await screen.findByTestId('detail-title')
    await vi.waitFor(() => expect(vault.getSyncStatus).toHaveBeenCalled())
    expect(screen.queryByTestId('sidebar-sync')).toBeNull()
  })

  it('says when it last synced, with the exact time as a tooltip', async () => {
    workspaceWithSync(syncOn())
    expect((await shown('Synced 2 min ago')).getAttribute('title')).toMatch(/^Last synced /)
    expect(within(await line()).getByRole('status').textContent).toBe('Synced')
  })

  it('syncs now, showing "Syncing…" meanwhile', async () => {
    let finish: () => void = () => undefined
    const { vault, status } = workspaceWithSync(syncOn(), {
      syncNow: async () => {
        await new Promise<void>((done) => (finish = done))
        status.current = syncOn(Date.now())
        return ok(SYNC_REPORT)
      },
    })
    fireEvent.click(within(await line()).getByRole('button', { name: 'Sync now' }))
    expect(vault.syncNow).toHaveBeenCalledWith({})
    await shown('Syncing…')
    expect(within(await line()).getByRole('status').textContent).toBe('Syncing…')
    await act(async () => finish())
    await shown('Synced just now')
  })

  it('says why sync is paused, with main’s words as a tooltip', async () => {
    const error = { code: 'SYNC_UNREACHABLE', message: 'The sync server cannot be reached.' }
    workspaceWithSync(syncOn(undefined, { state: 'error', error }))
    expect((await shown('Sync paused: server unreachable')).getAttribute('title')).toBe(error.message)
  })

  it('sends a signed-out user to Settings to sign in again', async () => {
    workspaceWithSync(syncOn(undefined, { state: 'signed-out' }))
    await shown('Sync paused: signed out')
    fireEvent.click(screen.getByRole('button', { name: 'Sign in to sync' }))
    const dialog = await screen.findByRole('dialog', { name: 'Settings' })
    expect(await within(dialog).findByTestId('sync-signed-out')).toBeDefined()
  })

  it('says sync stopped when main halted it, and sends the user to Settings to see why', async () => {
    const message = 'The sync server showed this device an older copy of the vault than it had verified.'
    const halted = { kind: 'rollback' as const, message, itemIds: [], titles: {}, detectedAt: Date.now() }
    const { vault } = workspaceWithSync(syncOn(undefined, { state: 'halted', halted }))
    const text = await shown('Sync stopped')
    expect(text.getAttribute('title')).toContain(message)
    const status = within(await line())
    expect(status.getByRole('status').textContent).toBe('Sync stopped')
    expect((await line()).getAttribute('data-phase')).toBe('halted')
    expect(status.queryByRole('button', { name: 'Sync now' })).toBeNull()
    fireEvent.click(status.getByRole('button', { name: 'Why sync stopped' }))
    const dialog = await screen.findByRole('dialog', { name: 'Settings' })
    expect(await within(dialog).findByTestId('sync-halted')).toBeDefined()
    expect(vault.syncNow).not.toHaveBeenCalled()
  })

  it('follows main’s syncChanged event, and reloads the list when a sync has finished', async () => {
    const { vault, status } = workspaceWithSync(syncOn())
    await shown('Synced 2 min ago')
    await screen.findByTestId('detail-title')
    const listsBefore = vault.listItems.mock.calls.length
    const facetsBefore = vault.getFacets.mock.calls.length

    act(() => vault.emit({ type: 'syncChanged' }))
    await vi.waitFor(() => expect(vault.getSyncStatus).toHaveBeenCalledTimes(2))
    expect(vault.listItems.mock.calls.length).toBe(listsBefore)

    status.current = syncOn(Date.now())
    act(() => vault.emit({ type: 'syncChanged' }))
    await shown('Synced just now')
    await vi.waitFor(() => expect(vault.listItems.mock.calls.length).toBeGreaterThan(listsBefore))
    expect(vault.getFacets.mock.calls.length).toBeGreaterThan(facetsBefore)
  })
})
