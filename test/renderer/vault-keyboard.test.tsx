// @vitest-environment happy-dom
/** The workspace from the keyboard: moving through results, opening one, shortcuts, and stale answers. */
import { cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ok } from './support/stub-vault.ts'
import { IDS, MOD, renderWorkspace, SUMMARIES, stubItemsVault } from './vault-fixtures.tsx'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const selectedTitle = () => screen.getByRole('option', { selected: true }).textContent

describe('the workspace from the keyboard', () => {
  it('selects the first result, moves with the arrows, opens with Enter and returns with Escape', async () => {
    renderWorkspace(stubItemsVault())
    const search = screen.getByRole('searchbox', { name: 'Search the vault' })
    await vi.waitFor(() => expect(selectedTitle()).toContain('GitHub'))
    fireEvent.keyDown(search, { key: 'ArrowDown' })
    expect(selectedTitle()).toContain('Google')
    fireEvent.keyDown(search, { key: 'ArrowDown' })
    fireEvent.keyDown(search, { key: 'ArrowDown' })
    expect(selectedTitle()).toContain('Visa')

    const list = screen.getByRole('listbox', { name: 'Items' })
    list.focus()
    fireEvent.keyDown(list, { key: 'Home' })
    expect(selectedTitle()).toContain('GitHub')
    expect(list.getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { selected: true }).id)
    fireEvent.keyDown(list, { key: 'Enter' })
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('item-detail')))
    fireEvent.keyDown(screen.getByTestId('item-detail'), { key: 'Escape' })
    expect(document.activeElement).toBe(search)
  })

  it('opens the new-item menu, the shortcuts help, and copies the password without seeing it', async () => {
    const vault = stubItemsVault()
    renderWorkspace(vault)
    await vi.waitFor(() => expect(selectedTitle()).toContain('GitHub'))
    fireEvent.keyDown(document.body, { key: 'n', code: 'KeyN', ...MOD })
    expect(await screen.findByRole('menu', { name: 'Item types' })).toBeDefined()
    fireEvent.keyDown(screen.getByRole('menuitem', { name: /^Login/ }), { key: 'Escape' })

    fireEvent.keyDown(document.body, { key: '?', code: 'Slash', shiftKey: true })
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeDefined()
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' })

    fireEvent.keyDown(document.body, { key: 'C', code: 'KeyC', shiftKey: true, ...MOD })
    await vi.waitFor(() => expect(vault.copyField).toHaveBeenCalledWith({ id: IDS.github, field: 'password' }))
    expect(await screen.findByText('Password copied · clears in 30 s')).toBeDefined()
    expect(vault.revealField).not.toHaveBeenCalled()
  })

  it('keeps the newest search results when an older answer arrives late', async () => {
    const answers: Record<string, (value: unknown) => void> = {}
    const vault = stubItemsVault({
      listItems: (request: never) => {
        const query = (request as { filter: { query?: string } }).filter.query ?? ''
        return new Promise((resolve) => {
          answers[query] = resolve
        })
      },
    })
    renderWorkspace(vault)
    const search = screen.getByRole('searchbox', { name: 'Search the vault' })
    fireEvent.change(search, { target: { value: 'g' } })
    fireEvent.change(search, { target: { value: 'go' } })
    answers.go?.(ok({ items: [SUMMARIES[1]], total: 1 }))
    await vi.waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(1))
    answers.g?.(ok({ items: SUMMARIES.slice(0, 2), total: 2 }))
    answers['']?.(ok({ items: SUMMARIES, total: 3 }))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      expect.stringContaining('Google'),
    ])
    expect(screen.getByTestId('result-count').textContent).toBe('1 item')
  })

  it('asks for the next page when the list scrolls near its end, one page at a time', async () => {
    const many = Array.from({ length: 250 }, (_, index) => ({
      ...SUMMARIES[0],
      id: `0b6f9d52-6a43-4f7e-9a57-${String(index).padStart(12, '0')}`,
      title: `Item ${index}`,
    }))
    const vault = stubItemsVault({
      listItems: async (request: never) => {
        const { limit } = request as { limit: number }
        return ok({ items: many.slice(0, limit), total: many.length })
      },
    })
    renderWorkspace(vault)
    await vi.waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(100))
    const list = screen.getByRole('listbox', { name: 'Items' })
    fireEvent.scroll(list)
    fireEvent.scroll(list)
    await vi.waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(200))
    const limits = vault.listItems.mock.calls.map((call) => (call[0] as { limit: number }).limit)
    expect(limits).toEqual([100, 200])
    expect(screen.getByTestId('result-count').textContent).toBe('250 items')
  })
})
