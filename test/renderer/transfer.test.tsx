// @vitest-environment happy-dom
/** Settings → Import & export: the import preview, the export warning, and the encrypted backup form. */
import type { ImportChoiceView } from '@shared/ipc/views.ts'
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { VaultClientContext } from '../../src-renderer/src/api/use-vault-client.ts'
import { createVaultClient } from '../../src-renderer/src/api/vault-client.ts'
import { TransferSection } from '../../src-renderer/src/features/transfer/TransferSection.tsx'
import { fail, ok, type StubVault, stubVault } from './support/stub-vault.ts'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const TOKEN = 'a'.repeat(32)
const ID = '0f8fad5b-d9cb-469f-a165-70867728950e'

const CHOSEN = {
  chosen: true,
  token: TOKEN,
  fileName: 'bitwarden.csv',
  format: 'bitwarden-csv',
  skipped: 1,
  preview: {
    total: 6,
    toAdd: 3,
    byType: { login: 2, note: 1, card: 0, identity: 0, sshKey: 0, apiCredential: 0 },
    inVault: 1,
    inFile: 1,
    invalid: 1,
    entries: [
      { index: 0, source: { line: 2 }, status: 'new', type: 'login', title: 'Mail' },
      { index: 1, source: { line: 3 }, status: 'new', type: 'login', title: 'Bank' },
      { index: 2, source: { line: 4 }, status: 'new', type: 'note', title: 'Wifi' },
      { index: 3, source: { line: 5 }, status: 'in-vault', type: 'login', title: 'Shop', existingId: ID },
      { index: 4, source: { line: 6 }, status: 'in-file', type: 'login', title: 'Mail' },
      {
        index: 5,
        source: { line: 7 },
        status: 'invalid',
        type: null,
        title: '',
        problem: 'the card number is not valid',
      },
    ],
  },
} satisfies ImportChoiceView

function renderSection(vault: StubVault) {
  return render(
    <VaultClientContext.Provider value={createVaultClient(vault as never)}>
      <TransferSection />
    </VaultClientContext.Provider>,
  )
}

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }))
const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })
const disabled = (name: string | RegExp) => (screen.getByRole('button', { name }) as HTMLButtonElement).disabled

describe('Import', () => {
  it('previews the chosen file: counts per type, duplicates, invalid entries by line, then imports', async () => {
    const vault = stubVault({
      chooseImportFile: async () => ok(CHOSEN),
      applyImport: async () => ok({ added: 3 }),
    })
    renderSection(vault)
    click('Choose file…')
    const preview = await screen.findByTestId('import-preview')
    expect(vault.chooseImportFile).toHaveBeenCalledWith({})
    expect(preview.textContent).toContain('bitwarden.csv')
    expect(preview.textContent).toContain('Bitwarden (CSV)')
    expect(screen.getByTestId('import-new').textContent).toBe('3 (2 logins, 1 secure note)')
    expect(screen.getByTestId('import-in-vault').textContent).toBe('1')
    expect(screen.getByTestId('import-in-file').textContent).toBe('1')
    expect(screen.getByTestId('import-invalid').textContent).toBe('1')
    const problems = within(preview).getByRole('list', { name: 'Entries that cannot be imported' })
    expect(problems.textContent).toBe('Line 7: the card number is not valid')
    // Each entry: where it is in the file, its title, what it becomes, and whether it is added.
    const entries = within(screen.getByTestId('import-entries')).getAllByRole('row').slice(1)
    expect(entries.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent))).toEqual([
      ['Line 2', 'Mail', 'Login', 'New'],
      ['Line 3', 'Bank', 'Login', 'New'],
      ['Line 4', 'Wifi', 'Secure note', 'New'],
      ['Line 5', 'Shop', 'Login', 'Already in the vault'],
      ['Line 6', 'Mail', 'Login', 'Twice in the file'],
      ['Line 7', '—', '—', 'Cannot be imported'],
    ])
    // Only "Other CSV" has columns to choose.
    expect(screen.queryByTestId('import-mapping')).toBeNull()

    click('Import 3 items')
    await vi.waitFor(() => expect(screen.getByTestId('import-result').textContent).toBe('Imported 3 items.'))
    expect(vault.applyImport).toHaveBeenCalledWith({ token: TOKEN })
    expect(screen.queryByTestId('import-preview')).toBeNull()
  })

  it('a large file: the first entries main sent, each list saying how many there are in all', async () => {
    const first = Array.from({ length: 500 }, (_, index) => ({
      index,
      source: { line: index + 2 },
      status: 'new' as const,
      type: 'login' as const,
      title: `Site ${index}`,
    }))
    const late = {
      index: 900,
      source: { line: 902 },
      status: 'invalid' as const,
      type: null,
      title: '',
      problem: 'bad',
    }
    const preview = { ...CHOSEN.preview, total: 1_200, toAdd: 1_197, invalid: 3, entries: [...first, late] }
    const vault = stubVault({ chooseImportFile: async () => ok({ ...CHOSEN, preview }) })
    renderSection(vault)
    click('Choose file…')
    const shown = await screen.findByTestId('import-preview')
    expect(shown.textContent).toContain('1200 entries')
    const list = within(shown).getByRole('list', { name: 'Entries that cannot be imported' })
    expect(list.textContent).toBe('Line 902: bad')
    expect(screen.getByTestId('import-invalid-more').textContent).toBe(
      'The first 1 of 3 entries that cannot be imported.',
    )
    const entries = screen.getByTestId('import-entries')
    expect(within(entries).getAllByRole('row')).toHaveLength(501)
    expect(entries.textContent).toContain('The first 500 of 1200 entries; the counts above cover them all.')
  })

  it('sends the chosen format, and says nothing when the dialog is cancelled', async () => {
    const vault = stubVault()
    renderSection(vault)
    const select = screen.getByLabelText('Format') as HTMLSelectElement
    const keepass = [...select.options].find((option) => option.textContent === 'KeePass (XML)')
    fireEvent.change(select, { target: { value: keepass?.value } })
    click('Choose file…')
    await vi.waitFor(() => expect(vault.chooseImportFile).toHaveBeenCalledWith({ format: 'keepass-xml' }))
    await vi.waitFor(() => expect(disabled('Choose file…')).toBe(false))
    expect(screen.queryByTestId('import-preview')).toBeNull()
    expect(screen.queryByTestId('import-error')).toBeNull()
  })

  it("shows main's reason for a file it cannot read, and offers no import when nothing is new", async () => {
    let answer: unknown = fail('IMPORT_INVALID', 'Cannot import "x.csv": line 3 is not valid CSV.')
    const vault = stubVault({ chooseImportFile: async () => answer })
    renderSection(vault)
    click('Choose file…')
    expect((await screen.findByTestId('import-error')).textContent).toContain('line 3 is not valid CSV')
    answer = ok({ ...CHOSEN, preview: { ...CHOSEN.preview, toAdd: 0 } })
    click('Choose file…')
    await screen.findByTestId('import-preview')
    expect(disabled('Nothing new to import')).toBe(true)
  })
})

describe('Import: the columns of an "Other CSV" file', () => {
  const GENERIC = {
    ...CHOSEN,
    fileName: 'list.csv',
    format: 'generic-csv',
    skipped: 0,
    preview: { ...CHOSEN.preview, total: 2, toAdd: 2, byType: { ...CHOSEN.preview.byType, login: 1, note: 1 } },
    mapping: { columns: ['Name', 'Login', 'Passcode', 'Memo'], fields: { title: 'Name', username: 'Login' } },
  } satisfies ImportChoiceView
  const NEW_TOKEN = 'b'.repeat(32)
  const REMAPPED = {
    ...GENERIC,
    token: NEW_TOKEN,
    preview: { ...GENERIC.preview, byType: { ...GENERIC.preview.byType, login: 2, note: 0 } },
    mapping: { ...GENERIC.mapping, fields: { title: 'Name', username: 'Login', password: 'Passcode' } },
  }
  const column = (label: string) => screen.getByLabelText(`${label} column`) as HTMLSelectElement
  const shown = (label: string) => column(label).selectedOptions[0]?.textContent
  const pick = (label: string, text: string) => {
    const option = [...column(label).options].find((candidate) => candidate.textContent === text)
    fireEvent.change(column(label), { target: { value: option?.value } })
  }

  it('shows the guessed column of each field; a change re-reads the file and the preview follows', async () => {
    const vault = stubVault({
      chooseImportFile: async () => ok(GENERIC),
      remapImport: async () => ok(REMAPPED),
      applyImport: async () => ok({ added: 2 }),
    })
    renderSection(vault)
    click('Choose file…')
    const mapping = await screen.findByTestId('import-mapping')
    expect(mapping.textContent).toContain('kept on every item as a custom field')
    expect(shown('Title')).toBe('Name')
    expect(shown('Username')).toBe('Login')
    expect(shown('Password')).toBe('— not imported —')
    expect([...column('Password').options].map((option) => option.textContent)).toEqual([
      '— not imported —',
      'Name',
      'Login',
      'Passcode',
      'Memo',
    ])
    expect(screen.getByTestId('import-new').textContent).toBe('2 (1 login, 1 secure note)')

    pick('Password', 'Passcode')
    await vi.waitFor(() => expect(screen.getByTestId('import-new').textContent).toBe('2 (2 logins)'))
    expect(vault.remapImport).toHaveBeenCalledWith({
      token: TOKEN,
      mapping: { title: 'Name', username: 'Login', password: 'Passcode' },
    })
    expect(shown('Password')).toBe('Passcode')

    click('Import 2 items')
    await vi.waitFor(() => expect(screen.getByTestId('import-result').textContent).toBe('Imported 2 items.'))
    expect(vault.applyImport).toHaveBeenCalledWith({ token: NEW_TOKEN })
  })

  it("keeps a refused change in place with main's reason beside it, and imports nothing until it is fixed", async () => {
    const refusal =
      'Cannot import "list.csv" (line 1): the mapping names the column "Login" for both username and password.'
    const vault = stubVault({
      chooseImportFile: async () => ok(GENERIC),
      remapImport: async (request: { mapping: Record<string, string> }) =>
        request.mapping.password === 'Login' ? fail('IMPORT_INVALID', refusal) : ok(REMAPPED),
    })
    renderSection(vault)
    click('Choose file…')
    await screen.findByTestId('import-mapping')
    pick('Password', 'Login')
    const error = await screen.findByTestId('import-mapping-error')
    expect(within(screen.getByTestId('import-mapping')).getByTestId('import-mapping-error')).toBe(error)
    expect(error.textContent).toContain('for both username and password')
    expect(shown('Password')).toBe('Login')
    expect(disabled('Import 2 items')).toBe(true)
    expect(screen.queryByTestId('import-error')).toBeNull()

    pick('Password', 'Passcode')
    await vi.waitFor(() => expect(disabled('Import 2 items')).toBe(false))
    expect(screen.queryByTestId('import-mapping-error')).toBeNull()
    expect(vault.remapImport).toHaveBeenLastCalledWith({
      token: TOKEN,
      mapping: { title: 'Name', username: 'Login', password: 'Passcode' },
    })
  })

  it('"— not imported —" leaves the field out of the mapping', async () => {
    const vault = stubVault({ chooseImportFile: async () => ok(GENERIC), remapImport: async () => ok(GENERIC) })
    renderSection(vault)
    click('Choose file…')
    await screen.findByTestId('import-mapping')
    pick('Username', '— not imported —')
    await vi.waitFor(() => expect(vault.remapImport).toHaveBeenCalledWith({ token: TOKEN, mapping: { title: 'Name' } }))
  })
})

describe('Export', () => {
  it('warns that the file is unencrypted and exports only after "I understand"', async () => {
    const vault = stubVault()
    renderSection(vault)
    const select = screen.getByLabelText('Export format') as HTMLSelectElement
    const csv = [...select.options].find((option) => option.textContent?.startsWith('CSV'))
    fireEvent.change(select, { target: { value: csv?.value } })
    click('Export…')
    const dialog = screen.getByRole('dialog', { name: 'Export unencrypted?' })
    expect(dialog.textContent).toContain('every password')
    expect(dialog.textContent).toContain('unencrypted')
    const exportButton = within(dialog).getByRole('button', { name: 'Export' }) as HTMLButtonElement
    expect(exportButton.disabled).toBe(true)
    fireEvent.click(within(dialog).getByLabelText('I understand'))
    expect(exportButton.disabled).toBe(false)
    fireEvent.click(exportButton)
    await vi.waitFor(() => expect(screen.getByTestId('export-result').textContent).toContain('vault-export-2026-11-22'))
    expect(vault.exportItems).toHaveBeenCalledWith({ format: 'csv', acknowledged: true })
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('Cancel in the warning exports nothing', () => {
    const vault = stubVault()
    renderSection(vault)
    click('Export…')
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(vault.exportItems).not.toHaveBeenCalled()
  })
})

describe('Encrypted backup', () => {
  it('needs a strong password typed twice, then saves and says where', async () => {
    const vault = stubVault()
    renderSection(vault)
    const save = () => disabled('Save backup…')
    expect(save()).toBe(true)
    fill('Backup password', 'copper violin meadow 58 harbour')
    await vi.waitFor(() => expect(vault.estimateStrength).toHaveBeenCalled())
    fill('Repeat backup password', 'copper violin meadow 58')
    // As at onboarding: a prefix may still be being typed, so the mismatch is said once the field is left.
    expect(screen.queryByText('The two passwords do not match.')).toBeNull()
    fireEvent.blur(screen.getByLabelText('Repeat backup password'))
    expect(screen.getByText('The two passwords do not match.')).toBeTruthy()
    expect(save()).toBe(true)
    fill('Repeat backup password', 'copper violin meadow 58 harbour')
    await vi.waitFor(() => expect(save()).toBe(false))
    expect(screen.getByTestId('backup-panel').textContent).toContain('vault restore-backup')
    click('Save backup…')
    await vi.waitFor(() =>
      expect(screen.getByTestId('backup-result').textContent).toBe('Saved as vault-backup-2026-11-22.vaultbak.'),
    )
    expect(vault.saveBackup).toHaveBeenCalledWith({ password: 'copper violin meadow 58 harbour' })
    expect((screen.getByLabelText('Backup password') as HTMLInputElement).value).toBe('')
  })

  it('keeps Save disabled for a password main calls too weak, and shows a refusal', async () => {
    const weak = { score: 1, crackTime: 'minutes', warning: '', suggestions: [], acceptable: false }
    const vault = stubVault({
      estimateStrength: async () => ok(weak),
      saveBackup: async () => fail('WEAK_PASSWORD', 'Too weak.'),
    })
    renderSection(vault)
    fill('Backup password', 'password1')
    fill('Repeat backup password', 'password1')
    await vi.waitFor(() => expect(vault.estimateStrength).toHaveBeenCalled())
    await screen.findByText('Weak')
    expect(disabled('Save backup…')).toBe(true)
    expect(vault.saveBackup).not.toHaveBeenCalled()
  })
})
