// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../src-renderer/src/App.tsx'
import { ACCOUNT_ID, fail, ok, SECRET_KEY, stubVault } from './support/stub-vault.ts'

vi.mock('../../src-renderer/src/features/vault/VaultWorkspace.tsx', async () => {
  const { FakeWorkspace } = await import('./support/fake-workspace.tsx')
  return { VaultWorkspace: FakeWorkspace }
})

const LOCKED = { state: 'locked', accountId: ACCOUNT_ID, secretKeyNeeded: false }
const UNLOCKED = { state: 'unlocked', accountId: ACCOUNT_ID, email: 'ada@example.org', itemCount: 0 }
const CHANGED =
  'Your Secret Key was changed on another device on 2026-11-22. Enter your master password and the new Secret Key from your new Emergency Kit.'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

async function unlockWith(password: string): Promise<HTMLInputElement> {
  const field = (await screen.findByLabelText('Master password')) as HTMLInputElement
  fireEvent.change(field, { target: { value: password } })
  fireEvent.click(screen.getByRole('button', { name: 'Unlock' }))
  return field
}

/** Locked; each unlock answers with the next of `answers`, and a success opens the vault. */
function lockedVault(answers: unknown[]) {
  let unlocked = false
  return stubVault({
    getStatus: async () => ok(unlocked ? UNLOCKED : LOCKED),
    unlock: async () => {
      const answer = answers.shift() as { ok: boolean }
      unlocked = answer.ok
      return answer
    },
    lock: async () => {
      unlocked = false
      return ok(null)
    },
  })
}

describe('Secrets changed on another device', () => {
  it("shows main's words, asks for the status again and then for the Secret Key", async () => {
    const vault = lockedVault([fail('CREDENTIALS_CHANGED', CHANGED), ok({ itemCount: 3, damagedCount: 0 })])
    const reason = 'The Secret Key in the keychain is an old one.'
    vault.getStatus.mockImplementationOnce(async () => ok(LOCKED))
    vault.getStatus.mockImplementationOnce(async () =>
      ok({ ...LOCKED, secretKeyNeeded: true, secretKeyReason: reason }),
    )
    render(<App />)
    const password = await unlockWith('old but right')
    const banner = await screen.findByTestId('credentials-changed')
    expect(banner.getAttribute('role')).toBe('alert')
    expect(banner.textContent).toContain('Changed on another device')
    expect(banner.textContent).toContain(CHANGED)
    const secretKey = await screen.findByLabelText('Secret Key')
    expect(screen.getByTestId('secret-key-reason').textContent).toContain(reason)
    expect(password.value).toBe('')
    expect(document.activeElement).toBe(password)
    fireEvent.change(secretKey, { target: { value: SECRET_KEY } })
    vault.getStatus.mockImplementation(async () => ok(UNLOCKED))
    await unlockWith('old but right')
    expect(await screen.findByTestId('workspace')).toBeDefined()
    expect(vault.unlock).toHaveBeenLastCalledWith({ password: 'old but right', secretKey: SECRET_KEY })
  })
})

describe('A change settled at unlock', () => {
  it('says a Secret Key change finished, points to the new kit, and goes when dismissed', async () => {
    lockedVault([
      ok({ itemCount: 3, damagedCount: 0, credentialNotice: { outcome: 'finished', changed: 'secret-key' } }),
    ])
    render(<App />)
    await unlockWith('glacier orbit')
    const notice = await screen.findByTestId('credential-notice')
    expect(screen.getByTestId('workspace')).toBeDefined()
    expect(notice.textContent).toContain(
      'Your change of Secret Key has finished. Save your new Emergency Kit from Settings → Security.',
    )
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss notice' }))
    expect(screen.queryByTestId('credential-notice')).toBeNull()
  })

  it('says an undone password change left the previous password working, once', async () => {
    lockedVault([
      ok({ itemCount: 3, damagedCount: 0, credentialNotice: { outcome: 'undone', changed: 'password' } }),
      ok({ itemCount: 3, damagedCount: 0 }),
    ])
    render(<App />)
    await unlockWith('glacier orbit')
    expect((await screen.findByTestId('credential-notice')).textContent).toContain(
      'Your earlier change of master password never reached the sync server, so it was undone: your previous master password still works.',
    )
    fireEvent.click(screen.getByRole('button', { name: 'Lock' }))
    await unlockWith('glacier orbit')
    await screen.findByTestId('workspace')
    expect(screen.queryByTestId('credential-notice')).toBeNull()
  })
})
