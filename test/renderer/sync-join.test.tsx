// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../src-renderer/src/App.tsx'
import { ACCOUNT_ID, fail, ok, SECRET_KEY, SYNC_REPORT, SYNC_URL, stubVault } from './support/stub-vault.ts'

vi.mock('../../src-renderer/src/features/vault/VaultWorkspace.tsx', async () => {
  const { FakeWorkspace } = await import('./support/fake-workspace.tsx')
  return { VaultWorkspace: FakeWorkspace }
})

const ANON_KEY = 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.c2lnbmF0dXJl'
const PASSWORD = 'correct horse battery staple 42'
const EMAIL = 'ada@example.org'
const UNLOCKED = { state: 'unlocked', accountId: ACCOUNT_ID, email: EMAIL, itemCount: 12 }

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

/** A first-run vault: no account until joinAccount succeeds (once `gate` opens, when given). */
function joiningVault(overrides: Parameters<typeof stubVault>[0] = {}, gate?: Promise<unknown>) {
  let joined = false
  return stubVault({
    getStatus: async () => ok(joined ? UNLOCKED : { state: 'no-account' }),
    joinAccount: async () => {
      await gate
      joined = true
      return ok({ ...SYNC_REPORT, pulled: 12 })
    },
    ...overrides,
  })
}

function fill(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

async function openJoin(): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: 'Sign in to an existing account' }))
  await screen.findByRole('heading', { level: 1, name: 'Sign in to your account' })
}

function fillJoin(): void {
  fill('Project URL', SYNC_URL)
  fill('Anon key (public)', ANON_KEY)
  fill('Email', EMAIL)
  fill('Secret Key', SECRET_KEY)
  fill('Master password', PASSWORD)
}

const signIn = () => fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))

describe('Joining an existing account from the welcome screen', () => {
  it('signs in with exactly what was typed, shows progress, then opens the vault', async () => {
    let open: () => void = () => undefined
    const vault = joiningVault({}, new Promise<void>((done) => (open = done)))
    render(<App />)
    await openJoin()
    expect(document.activeElement).toBe(screen.getByLabelText('Project URL'))
    fillJoin()
    signIn()
    expect(vault.joinAccount).toHaveBeenCalledTimes(1)
    expect(vault.joinAccount).toHaveBeenCalledWith({
      url: SYNC_URL,
      anonKey: ANON_KEY,
      email: EMAIL,
      secretKey: SECRET_KEY,
      password: PASSWORD,
    })
    expect(await screen.findByText('Signing in… downloading your vault')).toBeDefined()
    await act(async () => open())
    expect((await screen.findByTestId('workspace')).textContent).toBe(`Workspace of ${EMAIL} (${ACCOUNT_ID})`)
    expect(vault.createAccount).not.toHaveBeenCalled()
  })

  it('checks the Secret Key live, for any account', async () => {
    joiningVault()
    render(<App />)
    await openJoin()
    fill('Secret Key', SECRET_KEY)
    expect((await screen.findByTestId('secret-key-valid')).textContent).toContain(`account ${ACCOUNT_ID}`)
  })

  it('asks for what is missing before calling main', async () => {
    const vault = joiningVault()
    render(<App />)
    await openJoin()
    fill('Project URL', SYNC_URL)
    fill('Anon key (public)', ANON_KEY)
    fill('Email', 'ada at example')
    signIn()
    expect(await screen.findByText('This does not look like an email address.')).toBeDefined()
    expect(document.activeElement).toBe(screen.getByLabelText('Email'))
    fill('Email', EMAIL)
    signIn()
    expect(await screen.findByText(/Enter your Secret Key/)).toBeDefined()
    expect(vault.joinAccount).not.toHaveBeenCalled()
  })

  it.each([
    ['SYNC_BAD_URL', 'The server address should be just the project URL.', 'Project URL'],
    ['SECRET_KEY_TYPO', 'Character 9 of the Secret Key is not valid.', 'Secret Key'],
  ] as const)('shows %s under the field it is about', async (code, words, label) => {
    joiningVault({ joinAccount: async () => fail(code, words) })
    render(<App />)
    await openJoin()
    fillJoin()
    signIn()
    expect(await screen.findByText(words)).toBeDefined()
    expect(screen.getByLabelText(label).getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(screen.getByLabelText(label))
  })

  it.each([
    ['SYNC_NO_ACCOUNT', 'This sync server has no account ABC234.', 'No account on this server'],
    ['SYNC_AUTH_FAILED', 'Wrong email, master password or Secret Key.', 'The sync server refused the sign-in'],
    ['SYNC_UNREACHABLE', 'The sync server cannot be reached.', 'Cannot reach the sync server'],
  ] as const)('explains %s in a banner and stays on the form', async (code, words, title) => {
    joiningVault({ joinAccount: async () => fail(code, words) })
    render(<App />)
    await openJoin()
    fillJoin()
    signIn()
    const banner = await screen.findByTestId('join-error')
    expect(banner.textContent).toContain(title)
    expect(banner.textContent).toContain(words)
    expect(screen.queryByTestId('workspace')).toBeNull()
    expect((screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement).disabled).toBe(false)
  })

  it('opens the vault anyway when the join got as far as unlocking before failing', async () => {
    let joined = false
    joiningVault({
      getStatus: async () => ok(joined ? UNLOCKED : { state: 'no-account' }),
      joinAccount: async () => {
        joined = true
        return fail('SYNC_UNREACHABLE', 'The sync server cannot be reached.')
      },
    })
    render(<App />)
    await openJoin()
    fillJoin()
    signIn()
    expect(await screen.findByTestId('workspace')).toBeDefined()
  })

  it('goes back to the welcome screen', async () => {
    joiningVault()
    render(<App />)
    await openJoin()
    fireEvent.click(screen.getByRole('button', { name: 'Back' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome to Vault' })).toBeDefined()
  })
})
