// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../src-renderer/src/App.tsx'
import { ACCOUNT_ID, fail, ok, stubVault } from './support/stub-vault.ts'

vi.mock('../../src-renderer/src/features/vault/VaultWorkspace.tsx', async () => {
  const { FakeWorkspace } = await import('./support/fake-workspace.tsx')
  return { VaultWorkspace: FakeWorkspace }
})

const LOCKED = { state: 'locked', accountId: ACCOUNT_ID, secretKeyNeeded: false }
const UNLOCKED = { state: 'unlocked', accountId: ACCOUNT_ID, email: 'ada@example.org', itemCount: 3 }

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

/** A vault that answers getStatus with each given status in turn, repeating the last. */
function vaultWithStatuses(...statuses: unknown[]) {
  let call = 0
  return stubVault({ getStatus: async () => ok(statuses[Math.min(call++, statuses.length - 1)]) })
}

describe('App shell', () => {
  it('starts with onboarding when there is no account', async () => {
    stubVault()
    render(<App />)
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome to Vault' })).toBeDefined()
    expect(screen.getByRole('main')).toBeDefined()
  })

  it('shows the lock screen, with the account id, when the vault is locked', async () => {
    vaultWithStatuses(LOCKED)
    render(<App />)
    expect(await screen.findByRole('heading', { level: 1, name: 'Unlock your vault' })).toBeDefined()
    expect(screen.getByTestId('account-id').textContent).toBe(ACCOUNT_ID)
    expect(document.activeElement).toBe(screen.getByLabelText('Master password'))
  })

  it('shows the workspace with the session when the vault is unlocked', async () => {
    vaultWithStatuses(UNLOCKED)
    render(<App />)
    expect((await screen.findByTestId('workspace')).textContent).toBe('Workspace of ada@example.org (ABC234)')
  })

  it.each([
    ['suspend', 'Locked because the computer went to sleep.'],
    ['screen-lock', 'Locked because the screen was locked.'],
    ['idle', 'Locked after 10 minutes of inactivity.'],
  ] as const)('drops the workspace at once on a %s lock and says why', async (reason, words) => {
    const vault = vaultWithStatuses(UNLOCKED, LOCKED)
    render(<App />)
    await screen.findByTestId('workspace')
    act(() => vault.emit({ type: 'locked', reason }))
    expect(screen.queryByTestId('workspace')).toBeNull()
    expect((await screen.findByTestId('lock-notice')).textContent).toBe(words)
  })

  it('asks for the Secret Key after a lock when the keychain no longer has it', async () => {
    const reason = 'This device does not have the Secret Key for account ABC234.'
    const vault = vaultWithStatuses(UNLOCKED, { ...LOCKED, secretKeyNeeded: true, secretKeyReason: reason })
    render(<App />)
    await screen.findByTestId('workspace')
    act(() => vault.emit({ type: 'locked', reason: 'suspend' }))
    expect(await screen.findByLabelText('Secret Key')).toBeDefined()
    expect(screen.getByTestId('secret-key-reason').textContent).toContain(reason)
  })

  it('goes to the lock screen when any call finds the vault locked', async () => {
    const vault = vaultWithStatuses(UNLOCKED, LOCKED)
    vault.listItems.mockImplementation(async () => fail('VAULT_LOCKED', 'The vault is locked.'))
    render(<App />)
    fireEvent.click(await screen.findByRole('button', { name: 'List' }))
    expect((await screen.findByTestId('lock-notice')).textContent).toBe('The vault was locked. Unlock it to carry on.')
  })

  it('locks through main from the session, with no reason shown', async () => {
    const vault = vaultWithStatuses(UNLOCKED, LOCKED)
    render(<App />)
    fireEvent.click(await screen.findByRole('button', { name: 'Lock' }))
    expect(await screen.findByRole('heading', { name: 'Unlock your vault' })).toBeDefined()
    expect(vault.lock).toHaveBeenCalledTimes(1)
    expect(screen.queryByTestId('lock-notice')).toBeNull()
  })

  it('says so, and offers to retry, when main cannot be reached', async () => {
    let call = 0
    stubVault({
      getStatus: async () => (call++ === 0 ? fail('INTERNAL', 'The window lost its connection.') : ok(LOCKED)),
    })
    render(<App />)
    expect((await screen.findByTestId('startup-error')).textContent).toBe('The window lost its connection.')
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('heading', { name: 'Unlock your vault' })).toBeDefined()
  })
})
