// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../src-renderer/src/App.tsx'
import { VaultClientContext } from '../../src-renderer/src/api/use-vault-client.ts'
import { createVaultClient } from '../../src-renderer/src/api/vault-client.ts'
import { EmergencyKitPanel } from '../../src-renderer/src/features/security/EmergencyKitPanel.tsx'
import { ANON_KEY, fail, ok, SECRET_KEY, type StubVault, SYNC_URL, stubVault } from './support/stub-vault.ts'

vi.mock('../../src-renderer/src/features/vault/VaultWorkspace.tsx', async () => {
  const { FakeWorkspace } = await import('./support/fake-workspace.tsx')
  return { VaultWorkspace: FakeWorkspace }
})

const EMAIL = 'ada@example.org'
const SETUP_CODE = `vault-setup:v1?url=${encodeURIComponent(SYNC_URL)}&key=${ANON_KEY}&email=ada%40example.org&sk=${SECRET_KEY}`
const LOCAL_ONLY = `vault-setup:v1?email=ada%40example.org&sk=${SECRET_KEY}`

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function renderPanel(vault: StubVault, outdated = false) {
  return render(
    <VaultClientContext.Provider value={createVaultClient(vault as never)}>
      <EmergencyKitPanel outdated={outdated} />
    </VaultClientContext.Provider>,
  )
}

function fill(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }))

describe('Saving the Emergency Kit', () => {
  it('says where the kit was saved', async () => {
    const vault = stubVault()
    renderPanel(vault)
    click('Save Emergency Kit…')
    await vi.waitFor(() => expect(screen.getByTestId('kit-saved').textContent).toBe('Saved as Vault Emergency Kit.pdf'))
    expect(vault.saveEmergencyKit).toHaveBeenCalledWith(undefined)
  })

  it('says nothing when the save dialog is cancelled', async () => {
    const vault = stubVault({ saveEmergencyKit: async () => ok({ saved: false }) })
    renderPanel(vault)
    click('Save Emergency Kit…')
    await vi.waitFor(() => expect(vault.saveEmergencyKit).toHaveBeenCalledTimes(1))
    await vi.waitFor(() =>
      expect((screen.getByRole('button', { name: 'Save Emergency Kit…' }) as HTMLButtonElement).disabled).toBe(false),
    )
    expect(screen.getByTestId('kit-saved').textContent).toBe('')
    expect(screen.queryByTestId('kit-save-error')).toBeNull()
  })

  it("shows main's reason when the kit cannot be written", async () => {
    renderPanel(stubVault({ saveEmergencyKit: async () => fail('INTERNAL', 'The file could not be written.') }))
    click('Save Emergency Kit…')
    expect((await screen.findByTestId('kit-save-error')).textContent).toBe('The file could not be written.')
  })
})

describe('Verifying a printed kit', () => {
  it('confirms a Secret Key that matches', async () => {
    const vault = stubVault()
    renderPanel(vault)
    fill('Secret Key or setup code from your kit', SECRET_KEY)
    click('Verify my kit')
    const verdict = await screen.findByText(/Secret Key matches/)
    expect(verdict.textContent).toBe('✓ Secret Key matches')
    expect(vault.verifyEmergencyKit).toHaveBeenCalledWith({ entry: SECRET_KEY })
    expect(screen.queryByText(/Email/)).toBeNull()
  })

  it('flags each part of a setup code that does not match', async () => {
    renderPanel(
      stubVault({
        verifyEmergencyKit: async () => ok({ secretKeyMatches: false, emailMatches: true, serverMatches: false }),
      }),
    )
    fill('Secret Key or setup code from your kit', SETUP_CODE)
    click('Verify my kit')
    const verdict = await screen.findByTestId('kit-verification')
    await vi.waitFor(() => expect(verdict.querySelectorAll('li')).toHaveLength(3))
    const lines = [...verdict.querySelectorAll('li')].map((line) => line.textContent)
    expect(lines).toEqual(['✗ Secret Key does not match', '✓ Email matches', '✗ Sign-in address does not match'])
    expect(verdict.textContent).toContain('This kit does not match your vault.')
  })

  it('asks for something to check before calling main, and shows its errors', async () => {
    const vault = stubVault({ verifyEmergencyKit: async () => fail('SECRET_KEY_TYPO', 'Character 9 is not valid.') })
    renderPanel(vault)
    click('Verify my kit')
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Type the Secret Key from your printed kit/)
    expect(vault.verifyEmergencyKit).not.toHaveBeenCalled()
    fill('Secret Key or setup code from your kit', 'K1-ABC')
    click('Verify my kit')
    expect((await screen.findByRole('alert')).textContent).toBe('Character 9 is not valid.')
  })

  it('puts the save button inside the warning when the kit is outdated', () => {
    renderPanel(stubVault(), true)
    const banner = screen.getByTestId('kit-outdated')
    expect(banner.textContent).toContain(
      'Your Secret Key changed: your old Emergency Kit no longer works. Save the new one.',
    )
    expect(screen.getAllByRole('button', { name: 'Save Emergency Kit…' })).toHaveLength(1)
    expect(banner.contains(screen.getByRole('button', { name: 'Save Emergency Kit…' }))).toBe(true)
  })
})

describe('"I have an Emergency Kit" on the welcome screen', () => {
  function firstRun(overrides: Parameters<typeof stubVault>[0] = {}) {
    let joined = false
    return stubVault({
      getStatus: async () =>
        ok(joined ? { state: 'unlocked', accountId: 'ABC234', email: EMAIL, itemCount: 3 } : { state: 'no-account' }),
      joinAccount: async () => {
        joined = true
        return ok({ pulled: 3, pushed: 0, conflicts: [], rejected: [], finishedAt: 1 })
      },
      ...overrides,
    })
  }

  async function openKit(): Promise<void> {
    fireEvent.click(await screen.findByRole('button', { name: 'I have an Emergency Kit' }))
    await screen.findByRole('heading', { level: 1, name: 'Use your Emergency Kit' })
  }

  const fieldValue = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value

  it('fills the join form from a pasted setup code, leaving only the master password', async () => {
    const vault = firstRun()
    render(<App />)
    await openKit()
    fill('Setup code', `  ${SETUP_CODE}\n`)
    click('Read setup code')
    await screen.findByRole('heading', { level: 1, name: 'Sign in to your account' })
    expect(vault.readSetupCode).toHaveBeenCalledWith({ setupCode: SETUP_CODE })
    expect([
      fieldValue('Project URL'),
      fieldValue('Anon key (public)'),
      fieldValue('Email'),
      fieldValue('Secret Key'),
    ]).toEqual([SYNC_URL, ANON_KEY, EMAIL, SECRET_KEY])
    expect(document.activeElement).toBe(screen.getByLabelText('Master password'))
    fill('Master password', 'correct horse battery staple 42')
    click('Sign in')
    expect(await screen.findByTestId('workspace')).toBeDefined()
    expect(vault.joinAccount).toHaveBeenCalledWith({
      url: SYNC_URL,
      anonKey: ANON_KEY,
      email: EMAIL,
      secretKey: SECRET_KEY,
      password: 'correct horse battery staple 42',
    })
  })

  it('explains what to do with the kit of a vault that is not synced', async () => {
    firstRun({ readSetupCode: async () => ok({ server: null, email: EMAIL, secretKey: SECRET_KEY }) })
    render(<App />)
    await openKit()
    fill('Setup code', LOCAL_ONLY)
    click('Read setup code')
    const note = await screen.findByTestId('kit-local-only')
    expect(note.textContent).toContain(
      "This kit belongs to a vault that is not synced. Copy its data file to this computer (see 'Moving a local vault' in the README), start the app, and enter the Secret Key and master password when asked.",
    )
    expect(screen.queryByLabelText('Project URL')).toBeNull()
  })

  it('shows why a setup code cannot be read, under the field', async () => {
    const message = 'This is not a Vault setup code. Copy the whole code from your Emergency Kit.'
    firstRun({ readSetupCode: async () => fail('SETUP_CODE_INVALID', message) })
    render(<App />)
    await openKit()
    fill('Setup code', 'hello')
    click('Read setup code')
    expect((await screen.findByRole('alert')).textContent).toBe(message)
    const field = screen.getByLabelText('Setup code')
    expect(field.getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(field)
    expect(screen.queryByLabelText('Project URL')).toBeNull()
  })

  it('offers the empty join form to type the kit instead, and Back returns to the kit', async () => {
    firstRun()
    render(<App />)
    await openKit()
    click('Type it instead')
    await screen.findByRole('heading', { level: 1, name: 'Sign in to your account' })
    expect(fieldValue('Project URL')).toBe('')
    expect(fieldValue('Secret Key')).toBe('')
    click('Back')
    expect(await screen.findByRole('heading', { level: 1, name: 'Use your Emergency Kit' })).toBeDefined()
  })
})
