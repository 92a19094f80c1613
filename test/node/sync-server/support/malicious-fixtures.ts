/**
 * Shared by the malicious-server tests (test/node/sync-server/malicious/):
 * a victim account on two synced, unlocked machines holding canary items,
 * the server-side handle on it, and the checks every attack ends with:
 * the victim's local data survives (list and reveal, before and after, also
 * across lock and unlock) and no plaintext ever reaches the server.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { initCrypto } from '../../../../src-main/crypto/index.ts'
import type { HaltKind } from '../../../../src-main/sync/tamper.ts'
import type { SupabaseStack } from '../../../supabase/stack.ts'
import { closeDevices, firstDevice, joinedDevice, PASSWORD, type TestDevice, titles } from './devices.ts'
import { MaliciousServer } from './malicious-server.ts'
import { revealed } from './secret-changes.ts'
import { dumpPublic } from './server-scan.ts'
import { stackPerFile } from './stack-hooks.ts'

/** Every secret the victim's items hold; none may ever be found on the server. */
export const CANARIES = [
  'canary-title',
  'canary-user',
  'canary-pass',
  'canary-url',
  'canary-note',
  'canary-tag',
] as const

export const MAIL = 'canary-title-mail'
export const NOTE = 'canary-title-note'
export const CARD = 'canary-title-card'

export function addCanaryItems(device: TestDevice, tag = ''): void {
  device.vault.createItem({
    type: 'login',
    title: `${MAIL}${tag}`,
    tags: ['canary-tag-a1'],
    fields: { username: 'canary-user-b2', password: `canary-pass-mail${tag}`, urls: ['https://canary-url-c3.example'] },
    notes: 'canary-note-d4',
  })
  device.vault.createItem({ type: 'note', title: `${NOTE}${tag}`, notes: `canary-note-secret${tag}` })
  device.vault.createItem({ type: 'card', title: `${CARD}${tag}`, fields: { number: '4111111111111111', pin: '0042' } })
}

export function idOf(device: TestDevice, title: string): string {
  const found = device.vault.listItems({}).find((item) => item.title === title)
  if (found === undefined) throw new Error(`no item titled ${title} on this device`)
  return found.id
}

export interface Victim {
  readonly address: string
  readonly secretKey: string
  /** The machine whose edits the server hides or forges around. */
  readonly a: TestDevice
  /** The victim machine the attacks are aimed at. */
  readonly b: TestDevice
  readonly userId: string
  readonly vaultId: string
  /** Every item of B with every secret revealed, before the attack. */
  readonly before: ReturnType<typeof revealed>
  readonly server: MaliciousServer
}

/** A new account with canary items on A, synced, and B joined from it (both unlocked). */
export async function victim(stack: SupabaseStack): Promise<Victim> {
  const address = `victim-${randomUUID()}@example.org`
  const { device: a, secretKey } = await firstDevice(stack, address)
  addCanaryItems(a)
  await a.sync.syncNow()
  const b = await joinedDevice(stack, address, secretKey)
  expect(titles(b)).toEqual(titles(a))
  const server = new MaliciousServer(stack.dbUrl)
  const userId = await server.userIdOf(address)
  const vaultId = String((await server.row('vaults', userId)).vault_id)
  const before = revealed(b)
  expect(before[MAIL]?.secrets).toMatchObject({ password: 'canary-pass-mail' })
  return { address, secretKey, a, b, userId, vaultId, before, server }
}

/** Another account on the same server (its own user), with items of its own, synced. */
export async function otherAccount(stack: SupabaseStack): Promise<{ device: TestDevice; userId: string }> {
  const address = `other-${randomUUID()}@example.org`
  const { device } = await firstDevice(stack, address)
  addCanaryItems(device, '-other')
  await device.sync.syncNow()
  return { device, userId: await new MaliciousServer(stack.dbUrl).userIdOf(address) }
}

/** The victim's items and secrets are what they were (list and reveal every field). */
export function expectIntact(device: TestDevice, before: Victim['before']): void {
  expect(revealed(device)).toEqual(before)
}

/** Locks, unlocks with the real password, and finds every item and secret as before. */
export async function expectUnlocksIntact(device: TestDevice, before: Victim['before']): Promise<void> {
  device.vault.lock()
  await device.vault.unlock({ password: PASSWORD })
  expectIntact(device, before)
}

/**
 * The victim keeps working after the attack: a new canary item made on it
 * goes up sealed, and no column of any public table holds any canary (as
 * text or as decoded base64), nor the account's email.
 */
export async function expectNoPlaintextOnServer(stack: SupabaseStack, v: Victim, syncAfter = true): Promise<void> {
  if (syncAfter) {
    v.b.vault.createItem({ type: 'login', title: 'canary-title-after', fields: { password: 'canary-pass-after' } })
    await v.b.sync.syncNow()
  }
  const everything = await dumpPublic(stack.dbUrl)
  for (const canary of [...CANARIES, v.address]) expect(everything.includes(canary), canary).toBe(false)
}

/**
 * For it.fails tests (a defence still missing): wraps the part that must pass today (the attack,
 * the victim's sync, the leak scan), so that only the final assertion of the wanted behaviour is
 * expected to fail. A failure inside is recorded and fails the file in afterAll, where it.fails
 * cannot turn it into a pass. Call once per file, at the top level.
 */
export function mustPassToday(): <T>(part: () => Promise<T>) => Promise<T> {
  const failures: string[] = []
  afterAll(() => {
    expect(failures, 'a part of an it.fails test that must pass today failed').toEqual([])
  })
  return async (part) => {
    try {
      return await part()
    } catch (error) {
      failures.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error))
      throw error
    }
  }
}

/**
 * What every malicious-server test file sets up: the stack for the file,
 * libsodium, closing the devices after each test, and the guard for it.fails
 * tests (mustPassToday).
 */
export function maliciousSuite(): { stack: () => SupabaseStack; today: ReturnType<typeof mustPassToday> } {
  const stack = stackPerFile()
  const today = mustPassToday()
  beforeAll(async () => {
    await initCrypto()
  })
  afterEach(() => closeDevices())
  return { stack, today }
}

/**
 * B syncs and catches the lie: the sync halts (SYNC_HALTED) saying what it saw and naming these
 * items, stays halted (a second sync and a restart do not resume it), and B's data survives a lock
 * and unlock with nothing leaked. Nothing is pushed while halted, so the leak scan runs without one.
 */
export async function expectHaltedAndIntact(
  stack: SupabaseStack,
  v: Victim,
  kind: HaltKind,
  itemIds: readonly string[] = [],
): Promise<void> {
  await expectHalted(v.b, kind, itemIds)
  expectIntact(v.b, v.before)
  await expectUnlocksIntact(v.b, v.before)
  await expect(v.b.sync.syncNow()).rejects.toMatchObject({ code: 'SYNC_HALTED' })
  await expectNoPlaintextOnServer(stack, v, false)
}

/** The device's sync refuses with SYNC_HALTED, and its status says what kind of lie, about which items. */
export async function expectHalted(device: TestDevice, kind: HaltKind, itemIds: readonly string[] = []) {
  await expect(device.sync.syncNow()).rejects.toMatchObject({ code: 'SYNC_HALTED' })
  const { state, halted } = device.sync.status()
  expect(state).toBe('halted')
  expect(halted?.kind).toBe(kind)
  expect([...(halted?.itemIds ?? [])].sort()).toEqual([...itemIds].sort())
}

/** B syncs: exactly these records are refused, and B's data survives a lock and unlock with nothing leaked. */
export async function expectRefusedAndIntact(stack: SupabaseStack, v: Victim, refused: readonly string[]) {
  const report = await v.b.sync.syncNow()
  expect(report.rejected).toEqual(refused)
  expectIntact(v.b, v.before)
  await expectUnlocksIntact(v.b, v.before)
  await expectNoPlaintextOnServer(stack, v)
}
