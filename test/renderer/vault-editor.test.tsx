// @vitest-environment happy-dom
/**
 * The editor sends only what changed: a secret the window never received is
 * left out of the patch (so main keeps it), and a hidden custom field goes
 * without its value.
 */
import { cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fail } from './support/stub-vault.ts'
import { GITHUB_VIEW, IDS, renderWorkspace, stubItemsVault } from './vault-fixtures.tsx'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

async function openEditor() {
  fireEvent.click(await screen.findByRole('button', { name: 'Edit' }))
  return (await screen.findByLabelText('Title')) as HTMLInputElement
}

const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }))

describe('editing an item', () => {
  it('sends only the changed title: untouched secrets and fields stay out of the patch', async () => {
    const vault = stubItemsVault()
    renderWorkspace(vault)
    fireEvent.change(await openEditor(), { target: { value: 'GitHub (work)' } })
    save()
    await vi.waitFor(() => expect(vault.updateItem).toHaveBeenCalledTimes(1))
    expect(vault.updateItem).toHaveBeenCalledWith({
      id: IDS.github,
      patch: { title: 'GitHub (work)' },
      expectedRevision: GITHUB_VIEW.revision,
    })
  })

  it('sends a hidden custom field without a value when only another field changed', async () => {
    const vault = stubItemsVault()
    renderWorkspace(vault)
    await openEditor()
    const names = screen.getAllByLabelText('Field name') as HTMLInputElement[]
    fireEvent.change(names[1] as HTMLInputElement, { target: { value: 'Account number' } })
    save()
    await vi.waitFor(() => expect(vault.updateItem).toHaveBeenCalledTimes(1))
    expect(vault.updateItem.mock.calls[0]?.[0]).toEqual({
      id: IDS.github,
      patch: {
        customFields: [
          { id: 'rc', label: 'Recovery code', kind: 'hidden' },
          { id: 'acct', label: 'Account number', kind: 'text', value: '42' },
        ],
      },
      expectedRevision: 3,
    })
  })

  it('sends a secret only once the user changed it', async () => {
    const vault = stubItemsVault()
    renderWorkspace(vault)
    await openEditor()
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }))
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'n3w-Secret!' } })
    save()
    await vi.waitFor(() => expect(vault.updateItem).toHaveBeenCalledTimes(1))
    expect(vault.updateItem.mock.calls[0]?.[0]).toEqual({
      id: IDS.github,
      patch: { fields: { password: 'n3w-Secret!' } },
      expectedRevision: 3,
    })
  })

  it('explains a revision conflict and keeps the edits on screen', async () => {
    const vault = stubItemsVault({ updateItem: async () => fail('REVISION_CONFLICT') })
    renderWorkspace(vault)
    fireEvent.change(await openEditor(), { target: { value: 'Mine' } })
    save()
    expect(await screen.findByText(/changed somewhere else/)).toBeDefined()
    expect(screen.getByRole('button', { name: 'Reload item' })).toBeDefined()
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Mine')
  })

  it("puts main's validation message next to the field it names", async () => {
    const message = 'The item is not valid (fields.username: Too big: expected string to have <=10000 characters).'
    const vault = stubItemsVault({ updateItem: async () => fail('INVALID_ITEM', message) })
    renderWorkspace(vault)
    await openEditor()
    const username = screen.getByLabelText('Username')
    fireEvent.change(username, { target: { value: 'x' } })
    save()
    await vi.waitFor(() => expect(username.getAttribute('aria-invalid')).toBe('true'))
    expect(screen.getByText('Too big: expected string to have <=10000 characters')).toBeDefined()
  })

  it('asks before discarding changes on Escape', async () => {
    renderWorkspace(stubItemsVault())
    const title = await openEditor()
    fireEvent.change(title, { target: { value: 'Changed' } })
    fireEvent.keyDown(title, { key: 'Escape' })
    expect(await screen.findByRole('dialog', { name: 'Discard changes?' })).toBeDefined()
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }))
    expect(await screen.findByTestId('item-detail')).toBeDefined()
  })
})
