// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderSecurity, securityVault } from './support/render-security.tsx'
import { fail, ok, SECURITY_STATUS } from './support/stub-vault.ts'

const MiB = 1024 * 1024
const PASSWORD = 'glacier orbit lantern'
const NEW_KEY = 'K1-ABC234-XYZ789-QRS456-TUV234-WXYZ2-34567'
const OFFER = { memlimitBytes: 256 * MiB, opslimit: 4, estimatedMs: 640 }

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement
/** Scoped: with sync off, the Sync section has a "Master password" field of its own. */
const security = () => within(screen.getByRole('region', { name: 'Security' }))
const passwordField = () => security().getByLabelText('Master password') as HTMLInputElement

function confirmWithPassword(action: string, password = PASSWORD): void {
  fireEvent.click(button(action))
  fireEvent.change(passwordField(), { target: { value: password } })
  fireEvent.click(button(action))
}

describe('A new Secret Key', () => {
  it('explains what stops working, then shows the new key once', async () => {
    const vault = securityVault()
    await renderSecurity(vault)
    fireEvent.click(button('New Secret Key'))
    expect(screen.getByRole('form', { name: 'New Secret Key' }).textContent).toContain(
      'Your old Secret Key and every Emergency Kit printed with it stop working. Your other devices will ask for the new key once.',
    )
    fireEvent.change(passwordField(), { target: { value: PASSWORD } })
    fireEvent.click(button('New Secret Key'))
    expect(vault.changeSecretKey).toHaveBeenCalledWith({ password: PASSWORD })
    expect((await screen.findByTestId('secret-key')).textContent).toBe(NEW_KEY)
    expect(screen.queryByTestId('new-key-keychain')).toBeNull()
    fireEvent.click(button('Save new Emergency Kit…'))
    await vi.waitFor(() => expect(vault.saveEmergencyKit).toHaveBeenCalledTimes(1))
    fireEvent.click(button('I have saved it'))
    expect(screen.queryByTestId('secret-key')).toBeNull()
    expect(document.body.textContent).not.toContain(NEW_KEY)
  })

  it('says when the keychain could not keep the new key', async () => {
    const change = { changed: 'secret-key', keysetRevision: 2, secretKey: NEW_KEY, secretKeyInKeychain: false }
    await renderSecurity(
      securityVault({
        changeSecretKey: async () => ok({ ...change, keychainProblem: 'No D-Bus.', kdf: SECURITY_STATUS.kdf }),
      }),
    )
    confirmWithPassword('New Secret Key')
    expect((await screen.findByTestId('new-key-keychain')).textContent).toContain('No D-Bus.')
  })

  it('clears a wrong master password and keeps the old key', async () => {
    await renderSecurity(securityVault({ changeSecretKey: async () => fail('WRONG_PASSWORD_OR_SECRET_KEY') }))
    confirmWithPassword('New Secret Key', 'wrong')
    expect((await screen.findByRole('alert')).textContent).toBe('That master password is not right. Try again.')
    expect(passwordField().value).toBe('')
    expect(screen.queryByTestId('secret-key')).toBeNull()
  })

  it('opens one form at a time, so there is one master password field', async () => {
    await renderSecurity(securityVault({}, { kdfUpgrade: OFFER }))
    fireEvent.click(button('New Secret Key'))
    fireEvent.click(button('Strengthen key derivation'))
    expect(security().getAllByLabelText('Master password')).toHaveLength(1)
    expect(screen.queryByRole('form', { name: 'New Secret Key' })).toBeNull()
  })
})

describe('Key derivation', () => {
  it('offers a stronger cost when main does, and applies it', async () => {
    const vault = securityVault({}, { kdfUpgrade: OFFER })
    await renderSecurity(vault)
    expect(screen.getByTestId('kdf-offer').textContent).toBe(
      'This computer is faster than the one that set your account up. Strengthen key derivation to 256 MiB, 4 passes (about 640 ms per unlock)?',
    )
    vault.getSecurityStatus.mockImplementation(async () =>
      ok({ ...SECURITY_STATUS, kdf: { memlimitBytes: 256 * MiB, opslimit: 4 } }),
    )
    confirmWithPassword('Strengthen key derivation')
    expect(vault.upgradeKdf).toHaveBeenCalledWith({ password: PASSWORD })
    expect((await screen.findByTestId('kdf-upgraded')).textContent).toContain('strengthened to 256 MiB, 4 passes')
    await vi.waitFor(() => expect(screen.getByTestId('kdf-current').textContent).toBe('Argon2id, 256 MiB, 4 passes'))
    expect(screen.queryByRole('button', { name: 'Strengthen key derivation' })).toBeNull()
  })

  it('never offers a cost that is not stronger', async () => {
    await renderSecurity(securityVault({}, { kdfUpgrade: { memlimitBytes: 32 * MiB, opslimit: 8, estimatedMs: 300 } }))
    expect(screen.queryByTestId('kdf-offer')).toBeNull()
    expect(screen.queryByRole('button', { name: 'Strengthen key derivation' })).toBeNull()
  })
})
