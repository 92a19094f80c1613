/**
 * Changing the master password or the Secret Key with sync on, end to end
 * against the local Supabase stack: the server swaps the keyset record and
 * the login secret in one transaction, other devices take the change in (and
 * refuse the old secrets with CREDENTIALS_CHANGED), a change interrupted
 * between the local and the server step settles, and the Emergency Kit alone
 * is enough to set up a new machine.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { formatSecretKey, initCrypto, parseSecretKey } from '../../../src-main/crypto/index.ts'
import { accountKit, parseSetupCode } from '../../../src-main/kit/index.ts'
import { sameKeysetRecord } from '../../../src-main/vault/credential-settle.ts'
import { keysetRecordDigest } from '../../../src-main/vault/credentials.ts'
import { decodeQr, renderPng, requirePoppler } from '../kit/poppler.ts'
import { expectCodeAsync } from '../support/expect-code.ts'
import { closeDevices, firstDevice, joinedDevice, newDevice, PASSWORD, titles } from './support/devices.ts'
import {
  accountIdOf,
  addItems,
  email,
  NEW_PASSWORD,
  realPort,
  revealed,
  twoMachines as twoMachinesOn,
} from './support/secret-changes.ts'
import { dumpAccounts, dumpPublic, serverKeysetRevision } from './support/server-scan.ts'
import { stackPerFile } from './support/stack-hooks.ts'

const stack = stackPerFile()

let tmp: string

beforeAll(async () => {
  await initCrypto()
  tmp = mkdtempSync(join(tmpdir(), 'vault-credentials-'))
})
afterAll(() => {
  if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true })
})
afterEach(() => {
  vi.restoreAllMocks()
  closeDevices()
})

/** A login (with a one-time password), a note and a card: every secret a recovered machine must reveal. */
const twoMachines = () => twoMachinesOn(stack())

describe('the account record on the server', () => {
  it('comes back as this device holds it: same keyset record, same digest the change notes vouch with', async () => {
    // Unlock, settling and changing the secrets compare the server's record with the local one,
    // byte for byte; the KDF record is stored as jsonb on the server, which reorders its keys.
    const { device: a } = await firstDevice(stack(), email())
    const local = a.store.getAccount()
    const remote = await realPort(a).currentAccount()
    if (local === null || remote === null) throw new Error('no account record')
    expect(JSON.parse(remote.kdf)).toEqual(JSON.parse(local.kdf))
    expect(sameKeysetRecord(remote, local)).toBe(true)
    expect(keysetRecordDigest(remote)).toBe(keysetRecordDigest(local))
  })
})

describe('changing the master password with two machines', () => {
  it('A changes it: a new machine joins only with the new one; B takes the change in and then refuses the old one', async () => {
    const { address, secretKey, a, b } = await twoMachines()

    const outcome = await a.vault.security.changeCredentials({
      changed: 'password',
      password: PASSWORD,
      newPassword: NEW_PASSWORD,
    })
    expect(outcome.record.keysetRevision).toBe(2)
    expect(outcome.secretKey).toBeUndefined()
    expect(a.store.credentials.pending()).toBeNull()
    expect(await serverKeysetRevision(stack().dbUrl, accountIdOf(a))).toBe(2)
    // A keeps syncing after its own change (no revision conflict on the account record).
    a.vault.createItem({ type: 'note', title: 'After the change' })
    await a.sync.syncNow()

    const c = await joinedDevice(stack(), address, secretKey, NEW_PASSWORD)
    expect(revealed(c)).toEqual(revealed(a))
    // The login secret changed with the keyset: the old password no longer signs in at all.
    await expectCodeAsync(joinedDevice(stack(), address, secretKey, PASSWORD), 'SYNC_AUTH_FAILED')

    await b.sync.syncNow()
    expect(b.store.getAccount()?.keysetRevision).toBe(2)
    expect(titles(b)).toEqual(titles(a))
    b.vault.lock()
    // B's record is already the new one, so the old password fails to open it; the lock screen is told why.
    const refused = await expectCodeAsync(b.vault.unlock({ password: PASSWORD }), 'CREDENTIALS_CHANGED')
    expect(refused.message).toMatch(/changed on another device/)
    expect(b.vault.status().state).toBe('locked')
    const opened = await b.vault.unlock({ password: NEW_PASSWORD })
    expect(opened.itemCount).toBe(4)
    expect(revealed(b)).toEqual(revealed(a))
    await b.sync.syncNow()
  })

  it('B was locked during the change: its old password is refused online with CREDENTIALS_CHANGED, the new one opens', async () => {
    const { a, b } = await twoMachines()
    b.vault.lock()
    await a.vault.security.changeCredentials({ changed: 'password', password: PASSWORD, newPassword: NEW_PASSWORD })

    const refused = await expectCodeAsync(b.vault.unlock({ password: PASSWORD }), 'CREDENTIALS_CHANGED')
    expect(refused.message).toMatch(/master password was changed on another device/)
    expect(b.vault.status().state).toBe('locked')
    // The vouched record was taken in while refusing, so B now holds revision 2.
    expect(b.store.getAccount()?.keysetRevision).toBe(2)

    await b.vault.unlock({ password: NEW_PASSWORD })
    expect(revealed(b)).toEqual(revealed(a))
    await b.sync.syncNow()
    b.vault.lock()
    await expectCodeAsync(b.vault.unlock({ password: PASSWORD }), 'WRONG_PASSWORD_OR_SECRET_KEY')
  })
})

describe('a new Secret Key', () => {
  it('B is told, forgets the old key, opens with the new one typed once; only the new key joins a fresh machine', async () => {
    const { address, secretKey: oldKey, a, b } = await twoMachines()
    const accountId = accountIdOf(a)
    b.vault.lock()

    const outcome = await a.vault.security.changeCredentials({ changed: 'secret-key', password: PASSWORD })
    if (outcome.secretKey === undefined) throw new Error('no new Secret Key returned')
    // Formatted at once: the returned key shares its bytes with the session, which zeroizes them on lock.
    const newKey = formatSecretKey(outcome.secretKey)
    expect(newKey).not.toBe(oldKey)
    expect(parseSecretKey(newKey).accountId).toBe(accountId)
    expect(outcome.keychain).toEqual({ secretKeyInKeychain: true })
    expect(await a.keychain.get(accountId)).toBe(newKey)

    expect(await b.keychain.get(accountId)).toBe(oldKey)
    const refused = await expectCodeAsync(b.vault.unlock({ password: PASSWORD }), 'CREDENTIALS_CHANGED')
    expect(refused.message).toMatch(/Secret Key was changed on another device/)
    expect(await b.keychain.get(accountId)).toBeNull()
    const availability = await b.vault.secretKeyAvailability()
    expect(availability.inKeychain).toBe(false)
    expect(availability.reason).toMatch(/another device/)
    await expectCodeAsync(b.vault.unlock({ password: PASSWORD }), 'SECRET_KEY_REQUIRED')

    await b.vault.unlock({ password: PASSWORD, secretKey: newKey })
    expect(revealed(b)).toEqual(revealed(a))
    expect(await b.keychain.get(accountId)).toBe(newKey)
    expect(await b.vault.secretKeyAvailability()).toEqual({ inKeychain: true })
    b.vault.lock()
    await b.vault.unlock({ password: PASSWORD })
    expect(b.vault.status().state).toBe('unlocked')

    await expectCodeAsync(joinedDevice(stack(), address, oldKey), 'SYNC_AUTH_FAILED')
    const c = await joinedDevice(stack(), address, newKey)
    expect(revealed(c)).toEqual(revealed(a))
    expect(await c.keychain.get(accountId)).toBe(newKey)
  })
})

describe('recovery from the Emergency Kit alone', () => {
  it("the kit's QR code and the master password set up an empty machine with every secret", async () => {
    requirePoppler()
    const address = email()
    const { device: a, secretKey } = await firstDevice(stack(), address)
    addItems(a)
    await a.sync.syncNow()

    const facts = a.vault.security.kitFacts()
    const server = a.sync.serverConfig()
    expect(server).toEqual(a.config)
    const kit = await accountKit({ productName: 'Vault', ...facts, server, now: Date.now() })
    const pdfPath = join(tmp, 'kit.pdf')
    writeFileSync(pdfPath, kit.pdf)
    const qr = decodeQr(renderPng(pdfPath, join(tmp, 'kit')))
    if (qr === null) throw new Error('no QR code found on the rendered kit')
    expect(qr).not.toContain(PASSWORD)

    // The new machine: an empty data folder, an empty keychain, and the paper.
    const code = parseSetupCode(qr)
    expect(code).toEqual({ server: a.config, email: address, secretKey })
    const b = newDevice(stack())
    expect(b.vault.status()).toEqual({ state: 'no-account' })
    const accountId = accountIdOf(a)
    expect(await b.keychain.get(accountId)).toBeNull()
    if (code.server === null) throw new Error('the kit of a synced account has no server')
    await b.sync.join({ config: code.server, email: code.email, secretKey: code.secretKey, password: PASSWORD })

    expect(revealed(b)).toEqual(revealed(a))
    const mail = b.vault.listItems({ query: 'Mail' })[0]?.id ?? ''
    expect(b.vault.revealField(mail, 'totp')).not.toBe('')
    // The same one-time code on both (A is asked before and after B, in case a period ends in between).
    const before = a.vault.totp(mail).code
    const onB = b.vault.totp(mail).code
    expect([before, a.vault.totp(mail).code]).toContain(onB)
    expect(await b.keychain.get(accountId)).toBe(secretKey)
    b.vault.lock()
    await b.vault.unlock({ password: PASSWORD })
    expect(b.vault.status().state).toBe('unlocked')
  })
})

describe('the server never sees the secrets', () => {
  it('after a password change no column holds the passwords, the Secret Key or the email', async () => {
    const { address, secretKey, a } = await twoMachines()
    await a.vault.security.changeCredentials({ changed: 'password', password: PASSWORD, newPassword: NEW_PASSWORD })
    await a.sync.syncNow()
    const secretSymbols = String.fromCharCode(...parseSecretKey(secretKey).secret)
    const canaries = {
      newPassword: NEW_PASSWORD,
      oldPassword: PASSWORD,
      secretKey,
      secretKeyCompact: secretKey.replaceAll('-', ''),
      secretSymbols,
      email: address,
      emailLocalPart: address.split('@')[0] ?? address,
    }
    const accounts = await dumpAccounts(stack().dbUrl)
    expect(accounts.rows).toBeGreaterThan(0)
    expect(accounts.text).toContain(accountIdOf(a))
    const everything = await dumpPublic(stack().dbUrl)
    for (const [name, canary] of Object.entries(canaries)) {
      expect(accounts.text.includes(canary), `public.accounts holds the ${name}`).toBe(false)
      expect(accounts.text.toLowerCase().includes(canary.toLowerCase()), `public.accounts holds the ${name}`).toBe(
        false,
      )
      expect(everything.includes(canary), `a public table holds the ${name}`).toBe(false)
    }
  })
})
