// @vitest-environment happy-dom
import type { VaultApi } from '@shared/ipc/contract.ts'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../src-renderer/src/App.tsx'

const APP_INFO = {
  name: 'Vault',
  version: '0.1.0',
  cryptoFormatVersion: 1,
  kdfFloor: { memlimitBytes: 64 * 1024 * 1024, opslimit: 3 },
}

function stubVault(overrides: Partial<VaultApi> = {}) {
  const vault = {
    getAppInfo: vi.fn(async () => ({ ok: true as const, data: APP_INFO })),
    checkSecretKey: vi.fn(async () => ({ ok: true as const, data: { accountId: 'ABC234' } })),
    ...overrides,
  }
  vi.stubGlobal('vault', vault)
  return vault
}

function submitSecretKey(text: string): void {
  fireEvent.change(screen.getByLabelText('Secret Key', { exact: true }), { target: { value: text } })
  fireEvent.click(screen.getByRole('button', { name: 'Check' }))
}

beforeEach(() => {
  stubVault()
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('App', () => {
  it('shows the heading and the app info from window.vault', async () => {
    render(<App />)
    expect(screen.getByRole('heading', { level: 1, name: 'Vault' })).toBeDefined()
    expect((await screen.findByTestId('app-version')).textContent).toBe('Vault 0.1.0')
    expect(screen.getByTestId('crypto-format').textContent).toBe('v1')
    expect(screen.getByTestId('kdf-floor').textContent).toBe('Argon2id, 64 MiB, 3 passes')
  })

  it('sends the typed Secret Key and announces its account id', async () => {
    const vault = stubVault()
    render(<App />)
    submitSecretKey('k1 abc234 ...')
    expect(vault.checkSecretKey).toHaveBeenCalledWith({ secretKey: 'k1 abc234 ...' })
    const status = screen.getByRole('status')
    expect(status.getAttribute('aria-live')).toBe('polite')
    await vi.waitFor(() => expect(status.textContent).toBe('This Secret Key belongs to account ABC234.'))
  })

  it('shows the specific typo message and marks the field invalid', async () => {
    const message = 'The Secret Key does not check out: a character is mistyped or two are swapped.'
    stubVault({ checkSecretKey: async () => ({ ok: false, error: { code: 'SECRET_KEY_TYPO', message } }) })
    render(<App />)
    submitSecretKey('K1-ABC234-XXXX')
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe(message))
    expect(screen.getByLabelText('Secret Key', { exact: true }).getAttribute('aria-invalid')).toBe('true')
  })

  it('says so when the app info cannot be loaded', async () => {
    const message = 'This window is not allowed to talk to the vault.'
    stubVault({ getAppInfo: async () => ({ ok: false, error: { code: 'FORBIDDEN_SENDER', message } }) })
    render(<App />)
    expect((await screen.findByText(message)).tagName).toBe('P')
  })
})
