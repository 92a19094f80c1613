/**
 * After a scripted session that puts a unique canary in every field of every
 * item type (and in the account email), no canary appears anywhere in the
 * vault file, its WAL or its shared-memory file, in any common encoding; and
 * the keychain holds one entry, the Secret Key, and nothing else.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateSshKey } from '../../../src-main/items/index.ts'
import { createOsKeychain } from '../../../src-main/keychain/index.ts'
import { requireTestKeyring, searchKeyring } from '../keychain/test-keyring.ts'
import { makeVault, PASSWORD, type TestVault, testKeychainService } from './support.ts'

const canaries: string[] = []
function canary(label: string): string {
  const value = `cnry${label}${canaries.length}x${Math.random().toString(36).slice(2, 8)}`
  canaries.push(value)
  return value
}

const keychainService = testKeychainService()
let vault: TestVault
afterAll(() => vault.cleanup())

function scriptedSession(): void {
  const c = canary
  const service = vault.service
  const login = service.createItem({
    type: 'login',
    title: c('title'),
    tags: [c('tag')],
    notes: c('notes'),
    fields: {
      username: c('user'),
      password: c('pass'),
      urls: [`https://${c('url')}.example`],
      totp: 'JBSWY3DPEHPK3PXP',
    },
    customFields: [
      { id: 'a', label: c('label'), kind: 'text', value: c('text') },
      { id: 'b', label: c('hiddenlabel'), kind: 'hidden', value: c('hidden') },
      { id: 'c', label: c('urllabel'), kind: 'url', value: `https://${c('customurl')}.example` },
    ],
  })
  service.updateItem(login.id, { title: c('title2'), fields: { password: c('pass2') } })
  service.createItem({ type: 'note', title: c('notetitle'), notes: c('notebody') })
  service.createItem({
    type: 'card',
    title: c('cardtitle'),
    fields: {
      cardholder: c('holder'),
      number: '4000 0012 3456 7899',
      securityCode: '987',
      pin: '2468',
      expiry: '01/2031',
      brand: c('brand'),
    },
  })
  service.createItem({
    type: 'identity',
    title: c('idtitle'),
    fields: {
      firstName: c('first'),
      lastName: c('last'),
      email: `${c('idmail')}@example.org`,
      phone: c('phone'),
      address1: c('street'),
    },
  })
  const ssh = generateSshKey({ comment: c('sshcomment') })
  service.createItem({
    type: 'sshKey',
    title: c('sshtitle'),
    fields: { privateKey: ssh.privateKey, passphrase: c('sshpass') },
  })
  service.createItem({
    type: 'apiCredential',
    title: c('apititle'),
    fields: { username: c('apiuser'), credential: c('apitoken'), url: `https://${c('apiurl')}.example` },
  })
  const trashed = service.createItem({ type: 'note', title: c('trashtitle') })
  service.trashItem(trashed.id)
}

function encodings(text: string): Buffer[] {
  return [
    Buffer.from(text, 'utf8'),
    Buffer.from(text, 'utf16le'),
    Buffer.from(text.toUpperCase(), 'utf8'),
    Buffer.from(text, 'latin1').subarray(0, 12),
  ]
}

function filesOfVault(): string[] {
  return readdirSync(vault.dir).map((name) => join(vault.dir, name))
}

function leaks(): string[] {
  const found: string[] = []
  for (const file of filesOfVault()) {
    const bytes = readFileSync(file)
    for (const value of canaries) {
      if (encodings(value).some((encoded) => bytes.includes(encoded))) found.push(`${value} in ${file}`)
    }
  }
  return found
}

describe('no plaintext on disk', () => {
  it('holds for the vault file, its WAL and shm, during and after a session', async () => {
    vault = makeVault({ keychain: createOsKeychain({ service: keychainService }) })
    const email = `${canary('email')}@example.org`
    const created = await vault.service.createAccount({ email, password: PASSWORD })
    scriptedSession()
    expect(filesOfVault().some((file) => file.endsWith('-wal'))).toBe(true)
    expect(leaks()).toEqual([])
    vault.service.lock()
    vault.restart()
    await vault.service.unlock({ password: PASSWORD })
    vault.service.emptyTrash()
    expect(leaks()).toEqual([])
    vault.service.lock()
    vault.store.close()
    expect(leaks()).toEqual([])
    vault.store = { close() {} } as unknown as TestVault['store']

    const entries = keychainEntries(keychainService)
    expect(entries).toEqual([{ account: created.accountId, secret: created.secretKey }])
  })
})

/** Reads the throwaway keyring through libsecret's own tool, independently of our keychain module. */
function keychainEntries(service: string): { account: string; secret: string }[] {
  requireTestKeyring()
  return searchKeyring({ service }).map((item) => ({ account: item.attributes.account ?? '', secret: item.secret }))
}
