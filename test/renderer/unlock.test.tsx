// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../src-renderer/src/App.tsx'
import { ACCOUNT_ID, fail, ok, SECRET_KEY, stubVault } from './support/stub-vault.ts'

vi.mock('../../src-renderer/src/features/vault/VaultWorkspace.tsx', async () => {
  const { FakeWorkspace } = await import('./support/fake-workspace.tsx')
  return { VaultWorkspace: FakeWorkspace }
})

const LOCKED = { state: 'locked', accountId: ACCOUNT_ID, secretKeyNeeded: false }
const NEEDS_KEY = { ...LOCKED, secretKeyNeeded: true, secretKeyReason: 'No OS keychain is available (no D-Bus).' }
const UNLOCKED = { state: 'unlocked', accountId: ACCOUNT_ID, email: 'ada@example.org', itemCount: 0 }

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function lockedVault(status: unknown = LOCKED, unlock?: () => Promise<unknown>) {
  let unlocked = false
  const vault = stubVault({
    getStatus: async () => ok(unlocked ? UNLOCKED : status),
    unlock: async () => {
      const result = unlock ? await unlock() : ok({ itemCount: 0, damagedCount: 0 })
      unlocked = (result as { ok: boolean }).ok
      return result
    },
  })
  return vault
}

async function typePassword(value: string): Promise<HTMLInputElement> {
  const field = (await screen.findByLabelText('Master password')) as HTMLInputElement
  fireEvent.change(field, { target: { value } })
  return field
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Unlock' }))

describe('Unlock screen', () => {
  it('unlocks with the master password and opens the workspace', async () => {
    const vault = lockedVault()
    render(<App />)
    await typePassword('glacier orbit')
    submit()
    expect(await screen.findByTestId('workspace')).toBeDefined()
    expect(vault.unlock).toHaveBeenCalledWith({ password: 'glacier orbit' })
  })

  it('asks for the password without calling main when it is empty', async () => {
    const vault = lockedVault()
    render(<App />)
    await screen.findByLabelText('Master password')
    submit()
    expect((await screen.findByRole('alert')).textContent).toBe('Enter your master password.')
    expect(vault.unlock).not.toHaveBeenCalled()
  })

  it('clears and refocuses the password after a wrong one', async () => {
    lockedVault(LOCKED, async () => fail('WRONG_PASSWORD_OR_SECRET_KEY'))
    render(<App />)
    const field = await typePassword('wrong')
    submit()
    expect((await screen.findByRole('alert')).textContent).toBe('That master password is not right. Try again.')
    expect(field.value).toBe('')
    expect(document.activeElement).toBe(field)
    expect(field.getAttribute('aria-invalid')).toBe('true')
  })

  it('reveals the Secret Key field when main says it is required, keeping the password', async () => {
    const message = 'This device does not have the Secret Key for account ABC234. Enter it from your Emergency Kit.'
    lockedVault(LOCKED, async () => fail('SECRET_KEY_REQUIRED', message))
    render(<App />)
    const field = await typePassword('glacier orbit')
    submit()
    const secretKey = await screen.findByLabelText('Secret Key')
    expect(screen.getByRole('alert').textContent).toBe(message)
    expect(field.value).toBe('glacier orbit')
    expect(document.activeElement).toBe(secretKey)
  })

  it("sends the typed Secret Key when the device has none, and shows main's reason", async () => {
    const vault = lockedVault(NEEDS_KEY)
    render(<App />)
    expect((await screen.findByTestId('secret-key-reason')).textContent).toContain('No OS keychain is available')
    await typePassword('glacier orbit')
    fireEvent.change(screen.getByLabelText('Secret Key'), { target: { value: SECRET_KEY } })
    submit()
    await screen.findByTestId('workspace')
    expect(vault.unlock).toHaveBeenCalledWith({ password: 'glacier orbit', secretKey: SECRET_KEY })
  })

  it('checks the Secret Key live and names the position of a typo', async () => {
    const message = 'Character 12 is not used in Secret Keys (they never contain 0, 1, I, O or U).'
    const vault = lockedVault(NEEDS_KEY)
    vault.checkSecretKey.mockImplementation(async () => fail('SECRET_KEY_TYPO', message))
    render(<App />)
    const field = await screen.findByLabelText('Secret Key')
    fireEvent.change(field, { target: { value: 'K1-ABC234-' } })
    expect(screen.getByText('8 of 36 characters')).toBeDefined()
    fireEvent.change(field, { target: { value: 'K1-ABC234-DEF5O7-GHJ89K-LMN234-PQRST-VWX56' } })
    expect((await screen.findByRole('alert')).textContent).toBe(message)
    expect(vault.checkSecretKey).toHaveBeenCalledTimes(1)
  })

  it('flags a valid Secret Key of another account before unlocking', async () => {
    const vault = lockedVault(NEEDS_KEY)
    vault.checkSecretKey.mockImplementation(async () => ok({ accountId: 'ZZZ999' }))
    render(<App />)
    fireEvent.change(await screen.findByLabelText('Secret Key'), { target: { value: SECRET_KEY } })
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This Secret Key belongs to account ZZZ999, not ABC234.',
    )
  })

  it('confirms a Secret Key that checks out', async () => {
    lockedVault(NEEDS_KEY)
    render(<App />)
    fireEvent.change(await screen.findByLabelText('Secret Key'), { target: { value: SECRET_KEY } })
    expect((await screen.findByTestId('secret-key-valid')).textContent).toContain('account ABC234')
  })

  it('keeps the password and the Secret Key after a Secret Key typo from unlock', async () => {
    const message = 'The Secret Key does not check out: a character is mistyped or two are swapped.'
    lockedVault(NEEDS_KEY, async () => fail('SECRET_KEY_TYPO', message))
    render(<App />)
    const password = await typePassword('glacier orbit')
    fireEvent.change(screen.getByLabelText('Secret Key'), { target: { value: SECRET_KEY } })
    submit()
    expect((await screen.findByText(message)).getAttribute('role')).toBe('alert')
    expect(password.value).toBe('glacier orbit')
    expect((screen.getByLabelText('Secret Key') as HTMLInputElement).value).toBe(SECRET_KEY)
  })

  it("shows main's own words for other failures", async () => {
    lockedVault(LOCKED, async () => fail('KDF_WORKER_FAILED', 'The key derivation worker failed.'))
    render(<App />)
    await typePassword('glacier orbit')
    submit()
    expect((await screen.findByTestId('unlock-error')).textContent).toBe('The key derivation worker failed.')
  })

  it('shows progress while main derives the keys', async () => {
    let finish: (value: unknown) => void = () => undefined
    lockedVault(LOCKED, () => new Promise((resolve) => (finish = resolve)))
    render(<App />)
    await typePassword('glacier orbit')
    submit()
    const button = await screen.findByRole('button', { name: 'Unlocking…' })
    expect(button.hasAttribute('disabled')).toBe(true)
    expect(screen.getByText('Deriving your keys…')).toBeDefined()
    finish(ok({ itemCount: 0, damagedCount: 0 }))
    expect(await screen.findByTestId('workspace')).toBeDefined()
  })
})
