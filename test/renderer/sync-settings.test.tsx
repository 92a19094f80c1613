// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { VaultClientContext } from '../../src-renderer/src/api/use-vault-client.ts'
import { createVaultClient } from '../../src-renderer/src/api/vault-client.ts'
import { SettingsPanel } from '../../src-renderer/src/features/settings/SettingsPanel.tsx'
import { fail, ok, type StubVault, SYNC_OFF, SYNC_REPORT, SYNC_URL, stubVault, syncOn } from './support/stub-vault.ts'
import { IDS, SUMMARIES } from './vault-fixtures.tsx'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const ANON_KEY = 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.c2lnbmF0dXJl'
const PASSWORD = 'correct horse battery staple 42'
const THIS_DEVICE = 'a1b2c3d4-0000-4000-8000-000000000001'
const OTHER_DEVICE = 'a1b2c3d4-0000-4000-8000-000000000002'

function renderPanel(vault: StubVault) {
  return render(
    <VaultClientContext.Provider value={createVaultClient(vault as never)}>
      <SettingsPanel />
    </VaultClientContext.Provider>,
  )
}

/**
 * A vault whose sync status is `before` until enableSync, syncNow or
 * recheckSync succeeds (once `gate` opens, when given), then `after`.
 */
function vaultWithSync(
  before: object,
  after: object = syncOn(Date.now()),
  overrides: Parameters<typeof stubVault>[0] = {},
  gate?: Promise<unknown>,
) {
  let status = before
  const succeed = async () => {
    await gate
    status = after
    return ok(SYNC_REPORT)
  }
  return stubVault({
    getSyncStatus: async () => ok(status),
    enableSync: succeed,
    syncNow: succeed,
    recheckSync: succeed,
    disableSync: async () => {
      status = SYNC_OFF
      return ok(null)
    },
    ...overrides,
  })
}

function fill(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

async function fillSetup(): Promise<void> {
  await screen.findByLabelText('Project URL')
  fill('Project URL', SYNC_URL)
  fill('Anon key (public)', ANON_KEY)
  fill('Master password', PASSWORD)
}

/** Every call any method received, as text: to prove where a secret went. */
function callsMentioning(vault: StubVault, secret: string): string[] {
  return Object.entries(vault)
    .filter(([, value]) => vi.isMockFunction(value))
    .filter(([, fn]) => JSON.stringify((fn as ReturnType<typeof vi.fn>).mock.calls).includes(secret))
    .map(([name]) => name)
}

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined
  const promise = new Promise<T>((done) => {
    resolve = done
  })
  return { promise, resolve }
}

describe('Settings → Sync, while off', () => {
  it('explains sync and turns it on with exactly what was typed, showing progress', async () => {
    const gate = deferred<void>()
    const vault = vaultWithSync(SYNC_OFF, syncOn(Date.now()), {}, gate.promise)
    renderPanel(vault)
    expect(await screen.findByText(/the server never sees your data/)).toBeDefined()
    await fillSetup()
    fireEvent.click(screen.getByRole('button', { name: 'Turn on sync' }))
    expect(vault.enableSync).toHaveBeenCalledTimes(1)
    expect(vault.enableSync).toHaveBeenCalledWith({ url: SYNC_URL, anonKey: ANON_KEY, password: PASSWORD })
    expect(screen.getByRole('button', { name: /Turning on sync/ })).toBeDefined()
    expect(screen.getByText(/uploading your sealed vault/)).toBeDefined()
    await act(async () => gate.resolve())
    expect((await screen.findByTestId('sync-url')).textContent).toBe(SYNC_URL)
    expect(screen.getByTestId('sync-last').textContent).toBe('just now')
    expect(callsMentioning(vault, PASSWORD)).toEqual(['enableSync'])
  })

  it('asks for each missing field before calling main, and focuses it', async () => {
    const vault = vaultWithSync(SYNC_OFF)
    renderPanel(vault)
    await screen.findByLabelText('Project URL')
    fireEvent.click(screen.getByRole('button', { name: 'Turn on sync' }))
    expect(await screen.findByText('Enter the project URL.')).toBeDefined()
    expect(document.activeElement).toBe(screen.getByLabelText('Project URL'))
    fill('Project URL', SYNC_URL)
    fill('Anon key (public)', ANON_KEY)
    fireEvent.click(screen.getByRole('button', { name: 'Turn on sync' }))
    expect(await screen.findByText('Enter your master password.')).toBeDefined()
    expect(vault.enableSync).not.toHaveBeenCalled()
  })

  it.each([
    ['SYNC_BAD_URL', 'The server address must start with https://.', 'Project URL'],
    ['WRONG_PASSWORD_OR_SECRET_KEY', 'That master password is not right. Try again.', 'Master password'],
  ] as const)('shows %s under the field it is about', async (code, words, label) => {
    renderPanel(vaultWithSync(SYNC_OFF, SYNC_OFF, { enableSync: async () => fail(code, words) }))
    await fillSetup()
    fireEvent.click(screen.getByRole('button', { name: 'Turn on sync' }))
    const field = screen.getByLabelText(label) as HTMLInputElement
    await vi.waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'))
    expect(screen.getByText(words)).toBeDefined()
    expect(document.activeElement).toBe(field)
    if (code === 'WRONG_PASSWORD_OR_SECRET_KEY') expect(field.value).toBe('')
  })

  it.each([
    ['SYNC_UNREACHABLE', 'The sync server cannot be reached.', 'Cannot reach the sync server'],
    ['SYNC_AUTH_FAILED', 'The server wants the email address confirmed first.', 'The sync server refused the sign-in'],
    ['SYNC_PROTOCOL', 'The sync server answered unexpectedly (PGRST202).', 'Unexpected answer from the server'],
    ['SYNC_HALTED', 'The sync server showed an older copy of the vault.', 'Syncing stopped to protect your vault'],
  ] as const)('explains %s in a banner and keeps what was typed', async (code, words, title) => {
    renderPanel(vaultWithSync(SYNC_OFF, SYNC_OFF, { enableSync: async () => fail(code, words) }))
    await fillSetup()
    fireEvent.click(screen.getByRole('button', { name: 'Turn on sync' }))
    const banner = await screen.findByTestId('sync-setup-error')
    expect(banner.textContent).toContain(title)
    expect(banner.textContent).toContain(words)
    if (code === 'SYNC_PROTOCOL') expect(banner.textContent).toContain("Vault's sync schema")
    if (code === 'SYNC_HALTED')
      expect(banner.textContent).toContain('Your items on this device were left as they were.')
    expect((screen.getByLabelText('Master password') as HTMLInputElement).value).toBe(PASSWORD)
  })
})

describe('Settings → Sync, while on', () => {
  it('shows the server, the last sync (exact time as a tooltip) and syncs now with no password', async () => {
    const vault = vaultWithSync(syncOn())
    renderPanel(vault)
    expect((await screen.findByTestId('sync-url')).textContent).toBe(SYNC_URL)
    const last = screen.getByTestId('sync-last')
    expect(last.textContent).toBe('2 min ago')
    expect(last.getAttribute('title')).toMatch(/\d/)
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }))
    expect(vault.syncNow).toHaveBeenCalledWith({})
    expect(await screen.findByTestId('sync-report')).toBeDefined()
  })

  it('reports conflicts (kept in history) and rejected records (local item kept)', async () => {
    const report = { ...SYNC_REPORT, pulled: 3, pushed: 1, conflicts: ['id-1', 'id-2'], rejected: ['id-3'] }
    renderPanel(vaultWithSync(syncOn(), syncOn(Date.now()), { syncNow: async () => ok(report) }))
    fireEvent.click(await screen.findByRole('button', { name: 'Sync now' }))
    const summary = await screen.findByTestId('sync-report')
    expect(summary.textContent).toContain('3 changes received, 1 change sent.')
    expect(screen.getByTestId('sync-conflicts').textContent).toContain('2 items changed on two devices')
    expect(screen.getByTestId('sync-conflicts').textContent).toContain("earlier version in the item's history")
    expect(screen.getByTestId('sync-rejected').textContent).toContain('1 server record could not be opened')
    expect(screen.getByTestId('sync-rejected').textContent).toContain('the copy on this device was kept')
  })

  it('shows the vault history this device verified, with what to compare', async () => {
    renderPanel(vaultWithSync(syncOn(undefined, { history: { counter: 12, code: 'K7QD-3MXA' } })))
    expect((await screen.findByTestId('sync-history')).textContent).toBe('Vault history #12 · K7QD-3MXA')
    expect(screen.getByText(/A different code for the same number means the server is showing them/)).toBeDefined()
  })

  it('shows no vault history before one was verified', async () => {
    renderPanel(vaultWithSync(syncOn()))
    await screen.findByTestId('sync-url')
    expect(screen.queryByTestId('sync-history')).toBeNull()
  })

  it('says why sync is paused', async () => {
    const error = { code: 'SYNC_UNREACHABLE', message: 'The sync server cannot be reached.' }
    renderPanel(vaultWithSync(syncOn(null, { state: 'error', error })))
    expect((await screen.findByTestId('sync-error')).textContent).toContain('The sync server cannot be reached.')
    expect(screen.getByTestId('sync-last').textContent).toBe('Not yet')
  })

  it('lists the devices and signs another one out only after confirming', async () => {
    const now = Date.now()
    const devices = [
      { deviceId: THIS_DEVICE, label: 'Linux', createdAt: now, lastSeenAt: now, revoked: false, thisDevice: true },
      { deviceId: OTHER_DEVICE, label: 'macOS', createdAt: now, lastSeenAt: now, revoked: false, thisDevice: false },
    ]
    const vault = vaultWithSync(syncOn(), syncOn(), { listDevices: async () => ok({ devices }) })
    renderPanel(vault)
    const rows = await screen.findAllByTestId('sync-device')
    expect(rows).toHaveLength(2)
    expect(within(rows[0] as HTMLElement).getByText('This device')).toBeDefined()
    expect(within(rows[0] as HTMLElement).queryByRole('button')).toBeNull()
    const signOut = within(rows[1] as HTMLElement).getByRole('button', { name: /^Sign out macOS/ })

    fireEvent.click(signOut)
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }))
    expect(vault.revokeDevice).not.toHaveBeenCalled()

    devices[1] = { ...(devices[1] as (typeof devices)[number]), revoked: true }
    fireEvent.click(signOut)
    const dialog = screen.getByRole('dialog', { name: 'Sign out macOS?' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign out device' }))
    expect(vault.revokeDevice).toHaveBeenCalledWith({ deviceId: OTHER_DEVICE })
    await vi.waitFor(() => expect(screen.getByText('Signed out')).toBeDefined())
    expect(screen.queryByRole('button', { name: /^Sign out macOS/ })).toBeNull()
  })

  it('turns sync off after confirming, and says the local vault stays', async () => {
    const vault = vaultWithSync(syncOn())
    renderPanel(vault)
    fireEvent.click(await screen.findByRole('button', { name: 'Turn off sync' }))
    const dialog = screen.getByRole('dialog', { name: 'Turn off sync on this device?' })
    expect(dialog.textContent).toContain('Your vault stays on this device')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Turn off sync' }))
    expect(vault.disableSync).toHaveBeenCalledTimes(1)
    expect(await screen.findByRole('button', { name: 'Turn on sync' })).toBeDefined()
  })
})

describe('Settings → Sync, when signed out', () => {
  const SIGNED_OUT = syncOn(Date.now() - 3_600_000, { state: 'signed-out' })

  it('asks for the master password and signs in again through syncNow', async () => {
    const vault = vaultWithSync(SIGNED_OUT)
    renderPanel(vault)
    expect((await screen.findByTestId('sync-signed-out')).textContent).toContain('sign in again')
    fill('Master password', PASSWORD)
    fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }))
    expect(vault.syncNow).toHaveBeenCalledWith({ password: PASSWORD })
    expect(await screen.findByRole('button', { name: 'Sync now' })).toBeDefined()
    expect(screen.queryByTestId('sync-signed-out')).toBeNull()
    expect(callsMentioning(vault, PASSWORD)).toEqual(['syncNow'])
  })

  it('clears a wrong master password and says so', async () => {
    const vault = vaultWithSync(SIGNED_OUT, SIGNED_OUT, {
      syncNow: async () => fail('WRONG_PASSWORD_OR_SECRET_KEY', 'Wrong master password or Secret Key.'),
    })
    renderPanel(vault)
    await screen.findByTestId('sync-signed-out')
    fill('Master password', 'not it')
    fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }))
    expect(await screen.findByText('That master password is not right. Try again.')).toBeDefined()
    expect((screen.getByLabelText('Master password') as HTMLInputElement).value).toBe('')
  })

  it('follows a status change that main announces', async () => {
    let status: object = syncOn()
    const vault = stubVault({ getSyncStatus: async () => ok(status) })
    renderPanel(vault)
    await screen.findByRole('button', { name: 'Sync now' })
    status = SIGNED_OUT
    act(() => vault.emit({ type: 'syncChanged' }))
    expect(await screen.findByTestId('sync-signed-out')).toBeDefined()
  })
})

describe('Settings → Sync, when stopped to protect the vault', () => {
  const NOT_HERE = '0b6f9d52-6a43-4f7e-9a57-1f0c3c1f1a99'
  const MESSAGE =
    'The sync server showed this device a vault history that differs from the one your other devices wrote.'
  // Main names the items this device has; '' for one it lacks.
  const titlesOf = (itemIds: string[]) =>
    Object.fromEntries(itemIds.map((id) => [id, SUMMARIES.find((item) => item.id === id)?.title ?? '']))
  const halted = (itemIds: string[]) =>
    syncOn(Date.now() - 3_600_000, {
      state: 'halted',
      halted: {
        kind: 'fork',
        message: MESSAGE,
        itemIds,
        titles: titlesOf(itemIds),
        detectedAt: Date.now() - 5 * 60_000,
      },
      history: { counter: 12, code: 'K7QD-3MXA' },
    })
  const withItems = { listItems: async () => ok({ items: SUMMARIES, total: SUMMARIES.length }) }
  const alert = async () => within(await screen.findByTestId('sync-halted')).getByRole('alert')

  it('says what happened, names the items it knows, what it means, and keeps turning sync off at hand', async () => {
    const vault = vaultWithSync(halted([IDS.github, IDS.visa, NOT_HERE]), syncOn(), withItems)
    renderPanel(vault)
    const box = await alert()
    expect(within(box).getByText('Syncing stopped to protect your vault')).toBeDefined()
    expect(within(box).getByTestId('sync-halted-message').textContent).toBe(MESSAGE)
    const items = await within(box).findAllByRole('listitem')
    expect(items.map((item) => item.textContent)).toEqual(['GitHub', 'Visa', 'and 1 other item'])
    expect(box.textContent).toContain('Nothing on this device was changed or sent')
    expect(box.textContent).toContain('Your other devices may have been shown something different.')
    expect(box.textContent).toContain('Compare the vault history number and code')
    expect(box.textContent).toContain(
      'If you did not restore the sync server from a backup, treat the server as compromised.',
    )
    expect(box.textContent).toMatch(/Stopped 5 min ago\./)
    expect(screen.getByTestId('sync-state').textContent).toBe('Stopped')
    expect(screen.getByTestId('sync-history').textContent).toBe('Vault history #12 · K7QD-3MXA')
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Turn off sync' })).toBeDefined()
    expect(vault.syncNow).not.toHaveBeenCalled()
  })

  it('counts the items when this device does not know them', async () => {
    renderPanel(vaultWithSync(halted([NOT_HERE, '0b6f9d52-6a43-4f7e-9a57-1f0c3c1f1a98'])))
    const box = await alert()
    await vi.waitFor(() =>
      expect(within(box).getByTestId('sync-halted-items').textContent).toBe('It concerns 2 items.'),
    )
    expect(within(box).queryByRole('list')).toBeNull()
  })

  it('checks again, busy meanwhile, and shows sync back on once the server agrees', async () => {
    const gate = deferred<void>()
    const report = { ...SYNC_REPORT, pulled: 2 }
    const vault = vaultWithSync(halted([IDS.github]), syncOn(Date.now()), withItems, gate.promise)
    vault.recheckSync.mockImplementation(async () => {
      await gate.promise
      vault.getSyncStatus.mockImplementation(async () => ok(syncOn(Date.now())))
      return ok(report)
    })
    renderPanel(vault)
    await alert()
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }))
    expect(vault.recheckSync).toHaveBeenCalledTimes(1)
    const busy = screen.getByRole('button', { name: /Checking/ }) as HTMLButtonElement
    expect(busy.disabled).toBe(true)
    expect(screen.getByTestId('sync-recheck-status').textContent).toContain('Asking the server')
    await act(async () => gate.resolve())
    await vi.waitFor(() => expect(screen.queryByTestId('sync-halted')).toBeNull())
    expect(screen.getByTestId('sync-state').textContent).toBe('On')
    expect(screen.getByTestId('sync-report').textContent).toContain('2 changes received')
    expect(screen.getByRole('button', { name: 'Sync now' })).toBeDefined()
    expect(vault.syncNow).not.toHaveBeenCalled()
  })

  it('keeps the alert and says so when the problem is still there', async () => {
    const vault = vaultWithSync(halted([IDS.github]), syncOn(), {
      ...withItems,
      recheckSync: async () => fail('SYNC_HALTED', MESSAGE),
    })
    renderPanel(vault)
    await alert()
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }))
    await vi.waitFor(() =>
      expect(screen.getByTestId('sync-recheck-status').textContent).toBe(
        'The problem is still there, so syncing stays stopped.',
      ),
    )
    expect(screen.getByTestId('sync-recheck-status').getAttribute('role')).toBe('status')
    expect((await alert()).textContent).toContain(MESSAGE)
    expect((screen.getByRole('button', { name: 'Check again' }) as HTMLButtonElement).disabled).toBe(false)
    expect(vault.recheckSync).toHaveBeenCalledTimes(1)
  })

  it('says when the check itself could not be made', async () => {
    renderPanel(
      vaultWithSync(halted([]), syncOn(), {
        recheckSync: async () => fail('SYNC_UNREACHABLE', 'The sync server cannot be reached.'),
      }),
    )
    await alert()
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }))
    await vi.waitFor(() =>
      expect(screen.getByTestId('sync-recheck-status').textContent).toBe(
        'Could not check again: The sync server cannot be reached.',
      ),
    )
    expect(screen.getByTestId('sync-halted')).toBeDefined()
    expect(screen.queryByTestId('sync-halted-items')).toBeNull()
  })
})
