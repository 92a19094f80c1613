// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../src-renderer/src/App.tsx'
import { ACCOUNT_ID, fail, ok, SECRET_KEY, stubVault } from './support/stub-vault.ts'

vi.mock('../../src-renderer/src/features/vault/VaultWorkspace.tsx', async () => {
  const { FakeWorkspace } = await import('./support/fake-workspace.tsx')
  return { VaultWorkspace: FakeWorkspace }
})

const STRONG = 'correct horse battery staple 42'
const BACKUP_PASSWORD = 'copper violin meadow 58 harbour'
const TOKEN = 'a'.repeat(32)
const CREATED_AT = Date.UTC(2023, 10, 14, 12)
const CHOSEN = { chosen: true, token: TOKEN, fileName: 'vault-backup-2023-11-14.vaultbak', createdAt: CREATED_AT }
const RESTORED = { accountId: ACCOUNT_ID, secretKey: SECRET_KEY, secretKeyInKeychain: true, restored: 3 }
const WRONG = 'Wrong backup password, or the file was altered.'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function firstRunVault(overrides: Parameters<typeof stubVault>[0] = {}) {
  return stubVault({
    getStatus: async () => ok({ state: 'no-account' }),
    chooseBackupFile: async () => ok(CHOSEN),
    openBackupFile: async (request: { password: string }) =>
      request.password === BACKUP_PASSWORD
        ? ok({ itemCount: 3, createdAt: CREATED_AT })
        : fail('BACKUP_WRONG_PASSWORD', WRONG),
    restoreBackup: async () => ok(RESTORED),
    ...overrides,
  })
}

function fill(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }))

async function chooseFile(): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: 'Restore from a backup' }))
  expect(screen.getByText(/then type its backup password/)).toBeDefined()
  click('Choose backup file…')
  expect(await screen.findByText(CHOSEN.fileName)).toBeDefined()
}

async function openBackup(): Promise<void> {
  await chooseFile()
  fill('Backup password', BACKUP_PASSWORD)
  click('Open backup')
  await screen.findByTestId('restore-opened')
}

describe('Restore from a backup (first run)', () => {
  it('chooses the file, opens it, and restores it into a new vault whose Secret Key is shown once', async () => {
    const vault = firstRunVault()
    render(<App />)
    await openBackup()
    expect(vault.openBackupFile).toHaveBeenCalledWith({ token: TOKEN, password: BACKUP_PASSWORD })
    expect(screen.getByTestId('restore-opened').textContent).toContain('3 items to restore')
    expect(screen.getByTestId('restore-opened').textContent).toContain('2023')

    fill('Email', 'ada@example.org')
    fill('Master password', STRONG)
    fill('Confirm master password', STRONG)
    const restore = (await screen.findByRole('button', { name: 'Restore 3 items' })) as HTMLButtonElement
    await vi.waitFor(() => expect(restore.disabled).toBe(false))
    fireEvent.click(restore)
    expect((await screen.findByTestId('secret-key')).textContent).toBe(SECRET_KEY)
    expect(vault.restoreBackup).toHaveBeenCalledWith({ token: TOKEN, email: 'ada@example.org', password: STRONG })
    expect(vault.createAccount).not.toHaveBeenCalled()
    // Neither password stays on screen.
    expect(document.body.innerHTML).not.toContain(BACKUP_PASSWORD)
    expect(document.body.innerHTML).not.toContain(STRONG)
  })

  it('says inline when the backup password is wrong, clears it, and keeps the file chosen', async () => {
    const vault = firstRunVault()
    render(<App />)
    await chooseFile()
    click('Open backup')
    expect(await screen.findByText('Enter the backup password.')).toBeDefined()
    expect(vault.openBackupFile).not.toHaveBeenCalled()

    fill('Backup password', 'not it')
    click('Open backup')
    expect(await screen.findByText(/does not open this file/)).toBeDefined()
    expect((screen.getByLabelText('Backup password') as HTMLInputElement).value).toBe('')
    expect(screen.getByText(CHOSEN.fileName)).toBeDefined()
    expect(screen.queryByTestId('restore-error')).toBeNull()

    fill('Backup password', BACKUP_PASSWORD)
    expect(screen.queryByText(/does not open this file/)).toBeNull()
    click('Open backup')
    expect(await screen.findByTestId('restore-opened')).toBeDefined()
  })

  it('shows a damaged or foreign file clearly, with main’s reason', async () => {
    firstRunVault({ chooseBackupFile: async () => fail('BACKUP_INVALID', 'The backup file is truncated.') })
    render(<App />)
    fireEvent.click(await screen.findByRole('button', { name: 'Restore from a backup' }))
    click('Choose backup file…')
    const banner = await screen.findByTestId('restore-error')
    expect(banner.textContent).toContain('This file cannot be restored')
    expect(banner.textContent).toContain('The backup file is truncated.')
    expect(screen.queryByLabelText('Backup password')).toBeNull()
  })

  it('a damaged body found after the password is shown above the form, and the password stays', async () => {
    firstRunVault({ openBackupFile: async () => fail('BACKUP_INVALID', 'The backup was damaged or altered.') })
    render(<App />)
    await chooseFile()
    fill('Backup password', BACKUP_PASSWORD)
    click('Open backup')
    expect((await screen.findByTestId('restore-error')).textContent).toContain('damaged or altered')
    expect((screen.getByLabelText('Backup password') as HTMLInputElement).value).toBe(BACKUP_PASSWORD)
  })

  it('keeps the form and says why when the restore fails, and Back drops the file in main', async () => {
    const vault = firstRunVault({ restoreBackup: async () => fail('ACCOUNT_EXISTS', 'There is already a vault here.') })
    render(<App />)
    await openBackup()
    fill('Email', 'ada@example.org')
    fill('Master password', STRONG)
    fill('Confirm master password', STRONG)
    const restore = (await screen.findByRole('button', { name: 'Restore 3 items' })) as HTMLButtonElement
    await vi.waitFor(() => expect(restore.disabled).toBe(false))
    fireEvent.click(restore)
    expect((await screen.findByTestId('create-error')).textContent).toBe('There is already a vault here.')

    click('Back')
    expect(vault.forgetBackupFile).toHaveBeenCalledTimes(1)
    expect(await screen.findByRole('button', { name: 'Restore from a backup' })).toBeDefined()
  })

  it('a cancelled dialog changes nothing', async () => {
    const vault = firstRunVault({ chooseBackupFile: async () => ok({ chosen: false }) })
    render(<App />)
    fireEvent.click(await screen.findByRole('button', { name: 'Restore from a backup' }))
    click('Choose backup file…')
    await vi.waitFor(() => expect(vault.chooseBackupFile).toHaveBeenCalledTimes(1))
    expect(await screen.findByText('No file chosen yet.')).toBeDefined()
    expect(screen.queryByLabelText('Backup password')).toBeNull()
  })
})
