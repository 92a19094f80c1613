// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../src-renderer/src/App.tsx'
import { ACCOUNT_ID, fail, ok, SECRET_KEY, stubVault } from './support/stub-vault.ts'

vi.mock('../../src-renderer/src/features/vault/VaultWorkspace.tsx', async () => {
  const { FakeWorkspace } = await import('./support/fake-workspace.tsx')
  return { VaultWorkspace: FakeWorkspace }
})

const STRONG = 'correct horse battery staple 42'
const WEAK_ESTIMATE = {
  score: 1,
  crackTime: '3 hours',
  warning: 'This is a top-100 common password.',
  suggestions: ['Add more words that are less common.'],
  acceptable: false,
}
const STRONG_ESTIMATE = { score: 4, crackTime: 'centuries', warning: '', suggestions: [], acceptable: true }
const UNLOCKED = { state: 'unlocked', accountId: ACCOUNT_ID, email: 'ada@example.org', itemCount: 0 }

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function firstRunVault(overrides: Parameters<typeof stubVault>[0] = {}) {
  let created = false
  return stubVault({
    getStatus: async () => ok(created ? UNLOCKED : { state: 'no-account' }),
    estimateStrength: async (request: { password: string }) =>
      ok(request.password === STRONG ? STRONG_ESTIMATE : WEAK_ESTIMATE),
    createAccount: async () => {
      created = true
      return ok({ accountId: ACCOUNT_ID, secretKey: SECRET_KEY, secretKeyInKeychain: true })
    },
    ...overrides,
  })
}

async function openForm(): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: 'Create a new vault' }))
}

function fill(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

const createButton = () => screen.getByRole('button', { name: 'Create vault' }) as HTMLButtonElement

async function fillForm(password = STRONG, confirm = password): Promise<void> {
  await openForm()
  fill('Email', 'ada@example.org')
  fill('Master password', password)
  fill('Confirm master password', confirm)
}

describe('Onboarding', () => {
  it('rates the password live, debounced, with the email as a word to avoid', async () => {
    const vault = firstRunVault()
    render(<App />)
    await openForm()
    fill('Email', 'ada@example.org')
    fill('Master password', 'pass')
    fill('Master password', 'password')
    expect(await screen.findByText('Weak')).toBeDefined()
    expect(vault.estimateStrength).toHaveBeenCalledTimes(1)
    expect(vault.estimateStrength).toHaveBeenCalledWith({ password: 'password', email: 'ada@example.org' })
    expect(screen.getByText('3 hours to crack')).toBeDefined()
    expect(screen.getByText('This is a top-100 common password.')).toBeDefined()
    expect(screen.getByText('Add more words that are less common.')).toBeDefined()
    expect(screen.getByTestId('strength-verdict').textContent).toBe('Use at least 10 characters.')
  })

  it('keeps Create disabled until main accepts the password and both entries match', async () => {
    firstRunVault()
    render(<App />)
    await fillForm('password123', 'password123')
    await screen.findByText('Weak')
    expect(createButton().disabled).toBe(true)
    fill('Master password', STRONG)
    await screen.findByText('Very strong')
    expect(createButton().disabled).toBe(true)
    expect(screen.getByText('The two passwords do not match.')).toBeDefined()
    fill('Confirm master password', STRONG)
    expect(createButton().disabled).toBe(false)
  })

  it('creates the account, shows the Secret Key once, and opens the vault after the acknowledgement', async () => {
    const vault = firstRunVault()
    render(<App />)
    await fillForm()
    await screen.findByText('Very strong')
    fireEvent.click(createButton())
    expect(vault.createAccount).toHaveBeenCalledWith({ email: 'ada@example.org', password: STRONG })
    expect((await screen.findByTestId('secret-key')).textContent).toBe(SECRET_KEY)
    expect(screen.getByTestId('keychain-outcome').textContent).toContain("saved in this computer's keychain")
    const open = screen.getByRole('button', { name: 'Open my vault' }) as HTMLButtonElement
    expect(open.disabled).toBe(true)
    fireEvent.click(screen.getByLabelText('I have saved my Secret Key'))
    expect(open.disabled).toBe(false)
    fireEvent.click(open)
    expect(await screen.findByTestId('workspace')).toBeDefined()
    expect(document.body.textContent).not.toContain(SECRET_KEY)
  })

  it('shows progress while the keys are derived', async () => {
    let finish: (value: unknown) => void = () => undefined
    firstRunVault({ createAccount: () => new Promise((resolve) => (finish = resolve)) })
    render(<App />)
    await fillForm()
    await screen.findByText('Very strong')
    fireEvent.click(createButton())
    expect(screen.getByRole('button', { name: 'Creating your vault…' })).toBeDefined()
    expect(screen.getByText('Deriving keys. This takes a few seconds.')).toBeDefined()
    await act(async () => finish(ok({ accountId: ACCOUNT_ID, secretKey: SECRET_KEY, secretKeyInKeychain: true })))
    expect(await screen.findByTestId('secret-key')).toBeDefined()
  })

  it('warns when the keychain could not keep the Secret Key', async () => {
    firstRunVault({
      createAccount: async () =>
        ok({ accountId: ACCOUNT_ID, secretKey: SECRET_KEY, secretKeyInKeychain: false, keychainProblem: 'No D-Bus.' }),
    })
    render(<App />)
    await fillForm()
    await screen.findByText('Very strong')
    fireEvent.click(createButton())
    const outcome = await screen.findByTestId('keychain-outcome')
    expect(outcome.textContent).toContain('No D-Bus.')
    expect(outcome.textContent).toContain('type your Secret Key each time you unlock')
  })

  it('saves the Emergency Kit from the Secret Key step and says where', async () => {
    const vault = firstRunVault()
    render(<App />)
    await fillForm()
    await screen.findByText('Very strong')
    fireEvent.click(createButton())
    fireEvent.click(await screen.findByRole('button', { name: 'Save Emergency Kit…' }))
    expect(vault.saveEmergencyKit).toHaveBeenCalledTimes(1)
    await vi.waitFor(() => expect(screen.getByTestId('kit-saved').textContent).toBe('Saved as Vault Emergency Kit.pdf'))
    expect(screen.getByTestId('secret-key').textContent).toBe(SECRET_KEY)
  })

  it("shows main's reason when the account cannot be created", async () => {
    firstRunVault({ createAccount: async () => fail('ACCOUNT_EXISTS', 'This vault already has an account.') })
    render(<App />)
    await fillForm()
    await screen.findByText('Very strong')
    fireEvent.click(createButton())
    expect((await screen.findByTestId('create-error')).textContent).toBe('This vault already has an account.')
  })

  it('keeps the Secret Key on screen if the vault locks meanwhile, then goes to the lock screen', async () => {
    let locked = false
    const vault = firstRunVault()
    vault.getStatus.mockImplementation(async () =>
      ok(locked ? { state: 'locked', accountId: ACCOUNT_ID, secretKeyNeeded: false } : { state: 'no-account' }),
    )
    render(<App />)
    await fillForm()
    await screen.findByText('Very strong')
    fireEvent.click(createButton())
    await screen.findByTestId('secret-key')
    locked = true
    act(() => vault.emit({ type: 'locked', reason: 'screen-lock' }))
    expect(screen.getByTestId('secret-key').textContent).toBe(SECRET_KEY)
    fireEvent.click(screen.getByLabelText('I have saved my Secret Key'))
    fireEvent.click(screen.getByRole('button', { name: 'Open my vault' }))
    expect((await screen.findByTestId('lock-notice')).textContent).toBe('Locked because the screen was locked.')
  })
})
