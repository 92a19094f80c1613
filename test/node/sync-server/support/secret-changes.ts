/** Shared by the secret-change tests: items with every kind of secret, two joined machines, the real server port. */
import { randomUUID } from 'node:crypto'
import { expect, vi } from 'vitest'
import type { CredentialServer } from '../../../../src-main/vault/index.ts'
import { VaultError } from '../../../../src-shared/errors.ts'
import type { SupabaseStack } from '../../../supabase/stack.ts'
import { firstDevice, joinedDevice, type TestDevice, titles } from './devices.ts'

export const NEW_PASSWORD = 'harbour lantern quilted 41 meadow'
export const TOTP_SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
export const email = () => `ada-${randomUUID()}@example.org`

export function addItems(device: TestDevice): void {
  device.vault.createItem({
    type: 'login',
    title: 'Mail',
    fields: { username: 'ada', password: 'mail-pw-7c1d', urls: ['https://mail.example'], totp: TOTP_SEED },
    notes: 'recovery codes in the drawer',
  })
  device.vault.createItem({ type: 'note', title: 'Safe combination', notes: '12-34-56' })
  device.vault.createItem({ type: 'card', title: 'Visa', fields: { number: '4111111111111111', pin: '0042' } })
}

/** Every item with every secret revealed, keyed by title: what two machines must agree on. */
export function revealed(device: TestDevice): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {}
  for (const summary of device.vault.listItems({})) {
    const view = device.vault.getItem(summary.id)
    const secrets = Object.fromEntries(view.secretFields.map((f) => [f, device.vault.revealField(summary.id, f)]))
    out[view.title] = { ...view, secrets }
  }
  return out
}

export function accountIdOf(device: TestDevice): string {
  const account = device.store.getAccount()
  if (account === null) throw new Error('no account on this device')
  return account.accountId
}

/** Two unlocked machines of one account, with items on both. */
export async function twoMachines(
  stack: SupabaseStack,
): Promise<{ address: string; secretKey: string; a: TestDevice; b: TestDevice }> {
  const address = email()
  const { device: a, secretKey } = await firstDevice(stack, address)
  addItems(a)
  await a.sync.syncNow()
  const b = await joinedDevice(stack, address, secretKey)
  expect(titles(b)).toEqual(titles(a))
  return { address, secretKey, a, b }
}

/** The device's real server port, captured before a test wraps it. */
export function realPort(device: TestDevice): CredentialServer {
  const port = device.sync.credentialServer()
  if (port === null) throw new Error('sync is off on this device')
  return port
}

export const unreachable = () => new VaultError('SYNC_UNREACHABLE', 'The sync server cannot be reached.')

/**
 * How the server step of a change fails, injected in front of the device's
 * real port: 'answer lost' commits on the server and then throws; with
 * 'server down' the server also stops answering afterwards.
 */
export type StepFailure = 'answer lost' | 'answer lost, server down'

export function failServerStep(device: TestDevice, failure: StepFailure): void {
  const real = realPort(device)
  let down = false
  vi.spyOn(device.sync, 'credentialServer').mockReturnValue({
    currentAccount: async () => {
      if (down) throw unreachable()
      return real.currentAccount()
    },
    changeCredentials: async (change) => {
      await real.changeCredentials(change)
      down = failure === 'answer lost, server down'
      throw unreachable()
    },
  })
}
