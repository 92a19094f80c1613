// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { VaultClientContext } from '../../src-renderer/src/api/use-vault-client.ts'
import { createVaultClient } from '../../src-renderer/src/api/vault-client.ts'
import { SettingsPanel } from '../../src-renderer/src/features/settings/SettingsPanel.tsx'
import { fail, ok, type StubVault, stubVault } from './support/stub-vault.ts'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function renderPanel(vault: StubVault, onClose?: () => void) {
  return render(
    <VaultClientContext.Provider value={createVaultClient(vault as never)}>
      <SettingsPanel {...(onClose ? { onClose } : {})} />
    </VaultClientContext.Provider>,
  )
}

const optionLabels = (select: HTMLElement) => [...select.querySelectorAll('option')].map((option) => option.textContent)

describe('SettingsPanel', () => {
  it('offers exactly the delays main accepts, in words, with the current ones selected', async () => {
    renderPanel(stubVault())
    const autoLock = (await screen.findByLabelText('Auto-lock after')) as HTMLSelectElement
    await vi.waitFor(() => expect(autoLock.disabled).toBe(false))
    expect(optionLabels(autoLock)).toEqual([
      '1 minute',
      '2 minutes',
      '5 minutes',
      '10 minutes',
      '30 minutes',
      '1 hour',
      '4 hours',
      'Never',
    ])
    expect(autoLock.selectedOptions[0]?.textContent).toBe('10 minutes')
    const clipboard = screen.getByLabelText('Clear copied secrets after') as HTMLSelectElement
    expect(optionLabels(clipboard)).toEqual(['10 seconds', '30 seconds', '1 minute', '2 minutes', '5 minutes', 'Never'])
    expect(clipboard.selectedOptions[0]?.textContent).toBe('30 seconds')
  })

  it('saves a change at once and confirms it', async () => {
    const vault = stubVault({ updateSettings: async () => ok({ autoLockMs: 0, clipboardClearMs: 30_000 }) })
    renderPanel(vault)
    const autoLock = (await screen.findByLabelText('Auto-lock after')) as HTMLSelectElement
    await vi.waitFor(() => expect(autoLock.disabled).toBe(false))
    fireEvent.change(autoLock, { target: { value: '7' } })
    expect(vault.updateSettings).toHaveBeenCalledWith({ autoLockMs: 0 })
    await vi.waitFor(() => expect(screen.getByTestId('autoLockMs-status').textContent).toBe(' Saved'))
    expect(autoLock.selectedOptions[0]?.textContent).toBe('Never')
  })

  it("rolls a refused change back and shows main's reason", async () => {
    const vault = stubVault({ updateSettings: async () => fail('STORE_BUSY', 'The vault file is busy.') })
    renderPanel(vault)
    const clipboard = (await screen.findByLabelText('Clear copied secrets after')) as HTMLSelectElement
    await vi.waitFor(() => expect(clipboard.disabled).toBe(false))
    fireEvent.change(clipboard, { target: { value: '0' } })
    await vi.waitFor(() =>
      expect(screen.getByTestId('clipboardClearMs-status').textContent).toBe('The vault file is busy.'),
    )
    expect(clipboard.selectedOptions[0]?.textContent).toBe('30 seconds')
  })

  it('shows a delay set outside the offered choices as Custom', async () => {
    renderPanel(stubVault({ getSettings: async () => ok({ autoLockMs: 1_500, clipboardClearMs: 30_000 }) }))
    const autoLock = (await screen.findByLabelText('Auto-lock after')) as HTMLSelectElement
    await vi.waitFor(() => expect(autoLock.selectedOptions[0]?.textContent).toBe('Custom'))
  })

  it('shows the About facts and a Done button when it can close', async () => {
    const onClose = vi.fn()
    renderPanel(stubVault(), onClose)
    expect((await screen.findByTestId('app-version')).textContent).toBe('Vault 0.1.0')
    expect(screen.getByTestId('crypto-format').textContent).toBe('v1')
    expect(screen.getByTestId('kdf-floor').textContent).toBe('Argon2id, 64 MiB, 3 passes')
    fireEvent.click(screen.getByRole('button', { name: 'Done' }))
    expect(onClose).toHaveBeenCalledTimes(1)
  })
})
