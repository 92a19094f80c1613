// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderSecurity, securityVault } from './support/render-security.tsx'
import { fail, ok } from './support/stub-vault.ts'

const CURRENT = 'glacier orbit lantern'
const STRONG = 'correct horse battery staple 42'
const WEAK = { score: 1, crackTime: '3 hours', warning: '', suggestions: [], acceptable: false }

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function fill(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement

async function openChangePassword(next = STRONG, confirm = next): Promise<void> {
  fireEvent.click(button('Change master password'))
  fill('Current master password', CURRENT)
  fill('New master password', next)
  fill('Confirm new master password', confirm)
  await screen.findByText(next === STRONG ? 'Very strong' : 'Weak')
}

describe('Settings → Security', () => {
  it('shows the Emergency Kit, the three changes and the key-derivation cost, without an upgrade offer', async () => {
    await renderSecurity(securityVault())
    for (const name of ['Save Emergency Kit…', 'Verify my kit', 'Change master password', 'New Secret Key']) {
      expect(button(name)).toBeDefined()
    }
    expect(screen.getByTestId('kdf-current').textContent).toBe('Argon2id, 64 MiB, 3 passes')
    expect(screen.getByTestId('kdf-last-derive').textContent).toBe('420 ms to derive your keys')
    expect(screen.queryByRole('button', { name: 'Strengthen key derivation' })).toBeNull()
    expect(screen.queryByTestId('kit-outdated')).toBeNull()
    expect(screen.queryByTestId('change-pending')).toBeNull()
  })

  it('warns that the kit is outdated, and re-reads the status once a new one is saved', async () => {
    const vault = securityVault({}, { kitOutdated: true })
    await renderSecurity(vault)
    const banner = screen.getByTestId('kit-outdated')
    expect(banner.textContent).toContain('Your Secret Key changed: your old Emergency Kit no longer works.')
    fireEvent.click(within(banner).getByRole('button', { name: 'Save Emergency Kit…' }))
    await vi.waitFor(() => expect(vault.getSecurityStatus).toHaveBeenCalledTimes(2))
  })

  it('shows the account fingerprint to compare between machines, selectable as one piece', async () => {
    await renderSecurity(securityVault({}, { fingerprint: 'Q9WE-7TRM-X4KD-2PLA-HN3C' }))
    const fingerprint = screen.getByTestId('account-fingerprint')
    expect(fingerprint.textContent).toBe('Q9WE-7TRM-X4KD-2PLA-HN3C')
    expect(fingerprint.className).toBe('security-fingerprint')
    expect(screen.getByRole('heading', { name: 'Account fingerprint' })).toBeDefined()
    expect(
      screen.getByText(
        "Every machine signed in to this account shows this same fingerprint. Compare it when you set up a new machine; if it differs, do not use that machine's vault.",
      ),
    ).toBeDefined()
  })

  it('says when a change is waiting for the sync server', async () => {
    await renderSecurity(securityVault({}, { changePending: true }))
    expect(screen.getByTestId('change-pending').textContent).toBe(
      'A change of password or Secret Key is waiting for the sync server; it will finish or be undone at the next sync.',
    )
  })
})

describe('Changing the master password', () => {
  const strengthByPassword = async (request: { password: string }) =>
    ok(request.password === STRONG ? { ...WEAK, score: 4, acceptable: true } : WEAK)

  it('changes it and says what the other devices will do', async () => {
    const vault = securityVault({ estimateStrength: strengthByPassword })
    await renderSecurity(vault)
    await openChangePassword()
    fireEvent.click(button('Change master password'))
    expect(vault.changePassword).toHaveBeenCalledWith({ currentPassword: CURRENT, newPassword: STRONG })
    expect((await screen.findByTestId('password-changed')).textContent).toBe(
      'Master password changed. Your other devices will ask for the new one at their next unlock.',
    )
    expect(screen.queryByLabelText('Current master password')).toBeNull()
  })

  it('clears and refocuses a wrong current password', async () => {
    await renderSecurity(
      securityVault({
        estimateStrength: strengthByPassword,
        changePassword: async () => fail('WRONG_PASSWORD_OR_SECRET_KEY'),
      }),
    )
    await openChangePassword()
    fireEvent.click(button('Change master password'))
    const current = screen.getByLabelText('Current master password') as HTMLInputElement
    expect((await screen.findByRole('alert')).textContent).toBe('That is not your current master password. Try again.')
    expect(current.value).toBe('')
    expect(document.activeElement).toBe(current)
    expect((screen.getByLabelText('New master password') as HTMLInputElement).value).toBe(STRONG)
  })

  it('keeps Change disabled for a weak password, and shows main refusing one under the new password', async () => {
    const refusal = 'The master password is too easy to guess.'
    const vault = securityVault({ changePassword: async () => fail('WEAK_PASSWORD', refusal) })
    vault.estimateStrength.mockImplementation(async () => ok(WEAK))
    await renderSecurity(vault)
    await openChangePassword('password123')
    expect(button('Change master password').disabled).toBe(true)
    vault.estimateStrength.mockImplementation(strengthByPassword)
    fill('New master password', STRONG)
    fill('Confirm new master password', STRONG)
    await screen.findByText('Very strong')
    fireEvent.click(button('Change master password'))
    expect((await screen.findByRole('alert')).textContent).toBe(refusal)
    expect(screen.getByLabelText('New master password').getAttribute('aria-invalid')).toBe('true')
  })

  it('keeps Change disabled while the confirmation differs', async () => {
    const vault = securityVault({ estimateStrength: strengthByPassword })
    await renderSecurity(vault)
    await openChangePassword(STRONG, `${STRONG}!`)
    expect(button('Change master password').disabled).toBe(true)
    expect(screen.getByText('The two new passwords do not match.')).toBeDefined()
    fill('Confirm new master password', STRONG)
    expect(button('Change master password').disabled).toBe(false)
  })

  it("shows main's words when the change could not reach the server, and re-reads the status", async () => {
    const message = 'Nothing was changed: the sync server did not answer. Changing secrets needs the sync server.'
    const vault = securityVault({
      estimateStrength: strengthByPassword,
      changePassword: async () => fail('CREDENTIAL_CHANGE_FAILED', message),
    })
    await renderSecurity(vault)
    await openChangePassword()
    fireEvent.click(button('Change master password'))
    expect((await screen.findByTestId('change-password-error')).textContent).toBe(message)
    expect(vault.getSecurityStatus).toHaveBeenCalledTimes(2)
  })
})
