// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { VaultClientContext } from '../../src-renderer/src/api/use-vault-client.ts'
import { createVaultClient } from '../../src-renderer/src/api/vault-client.ts'
import { GeneratorPanel } from '../../src-renderer/src/features/generator/GeneratorPanel.tsx'
import {
  DEFAULT_GENERATOR_SETTINGS,
  rememberSettings,
} from '../../src-renderer/src/features/generator/generator-options.ts'
import { rateEntropy } from '../../src-renderer/src/features/generator/generator-strength.ts'
import { fail, ok, type StubVault, stubVault } from './support/stub-vault.ts'

beforeEach(() => {
  rememberSettings(DEFAULT_GENERATOR_SETTINGS)
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function renderPanel(vault: StubVault, onUse?: (value: string) => void) {
  return render(
    <VaultClientContext.Provider value={createVaultClient(vault as never)}>
      <GeneratorPanel {...(onUse ? { onUse } : {})} />
    </VaultClientContext.Provider>,
  )
}

/** Answers each request with a value of the requested size, so tests can see the options took effect. */
function sizedVault() {
  return stubVault({
    generate: async (request: { kind: string; length?: number; words?: number }) =>
      request.kind === 'password'
        ? ok({ value: 'a1!'.repeat(50).slice(0, request.length ?? 20), entropyBits: (request.length ?? 20) * 6.5 })
        : ok({ value: Array.from({ length: request.words ?? 6 }, () => 'word').join('-'), entropyBits: 77.5 }),
  })
}

describe('GeneratorPanel', () => {
  it('shows a 20-character password from main with its entropy and rating', async () => {
    const vault = sizedVault()
    renderPanel(vault)
    expect((await screen.findByTestId('generated-value')).textContent).toHaveLength(20)
    expect(vault.generate).toHaveBeenCalledWith({
      kind: 'password',
      length: 20,
      uppercase: true,
      lowercase: true,
      digits: true,
      symbols: true,
      excludeLookalikes: false,
    })
    expect(screen.getByTestId('generated-entropy').textContent).toBe('130 bits of entropy')
    expect(screen.getByText('Very strong')).toBeDefined()
  })

  it('makes a new value of the new length when the length changes', async () => {
    renderPanel(sizedVault())
    await screen.findByTestId('generated-value')
    fireEvent.change(screen.getByTestId('length-number'), { target: { value: '32' } })
    await vi.waitFor(() => expect(screen.getByTestId('generated-value').textContent).toHaveLength(32))
    fireEvent.change(screen.getByTestId('length-slider'), { target: { value: '8' } })
    await vi.waitFor(() => expect(screen.getByTestId('generated-value').textContent).toHaveLength(8))
    expect(screen.getByText('Weak')).toBeDefined()
  })

  it('switches to passphrases with their own options', async () => {
    const vault = sizedVault()
    renderPanel(vault)
    await screen.findByTestId('generated-value')
    fireEvent.click(screen.getByLabelText('Passphrase'))
    await vi.waitFor(() =>
      expect(screen.getByTestId('generated-value').textContent).toBe('word-word-word-word-word-word'),
    )
    expect(screen.getByText('Fair')).toBeDefined()
    fireEvent.click(screen.getByLabelText('Capitalize words'))
    expect(vault.generate).toHaveBeenLastCalledWith({
      kind: 'passphrase',
      words: 6,
      separator: '-',
      capitalize: true,
      includeNumber: false,
    })
  })

  it('never lets the last character class be switched off', async () => {
    renderPanel(sizedVault())
    await screen.findByTestId('generated-value')
    for (const label of ['Uppercase (A–Z)', 'Lowercase (a–z)', 'Digits (0–9)'])
      fireEvent.click(screen.getByLabelText(label))
    expect((screen.getByLabelText('Symbols (!@#$…)') as HTMLInputElement).disabled).toBe(true)
  })

  it('regenerates on request and hands the value over with Use', async () => {
    const vault = sizedVault()
    const onUse = vi.fn()
    renderPanel(vault, onUse)
    await screen.findByTestId('generated-value')
    fireEvent.click(screen.getByRole('button', { name: 'Regenerate' }))
    await vi.waitFor(() => expect(vault.generate).toHaveBeenCalledTimes(2))
    fireEvent.click(screen.getByRole('button', { name: 'Use password' }))
    expect(onUse).toHaveBeenCalledWith('a1!a1!a1!a1!a1!a1!a1')
  })

  it("shows main's message when it refuses the options", async () => {
    renderPanel(stubVault({ generate: async () => fail('INVALID_GENERATOR_OPTIONS', 'The option length is wrong.') }))
    expect((await screen.findByRole('alert')).textContent).toBe('The option length is wrong.')
  })

  it('rates entropy in four bands', () => {
    expect([59, 60, 80, 100].map((bits) => rateEntropy(bits).label)).toEqual(['Weak', 'Fair', 'Strong', 'Very strong'])
  })
})
