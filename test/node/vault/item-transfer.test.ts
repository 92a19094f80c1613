/**
 * Import into the vault with a preview and no duplicates, plain export, and
 * items with their history for a backup and its restore (vault/item-*.ts).
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { initCrypto } from '../../../src-main/crypto/index.ts'
import type { ImportCandidate } from '../../../src-main/vault/index.ts'
import { MemoryKeychain } from '../../support/main-fakes.ts'
import { EMAIL, makeVault, PASSWORD, type TestVault } from './support.ts'

let vaults: TestVault[] = []

beforeAll(async () => {
  await initCrypto()
})
afterEach(() => {
  for (const vault of vaults) vault.cleanup()
  vaults = []
})

async function unlockedVault(): Promise<TestVault> {
  const vault = makeVault({ keychain: new MemoryKeychain() })
  vaults.push(vault)
  await vault.service.createAccount({ email: EMAIL, password: PASSWORD })
  return vault
}

const login = (title: string, url: string, username: string, password: string, line: number): ImportCandidate => ({
  draft: { type: 'login', title, fields: { username, password, urls: [url] } },
  source: { line },
})

const FILE: ImportCandidate[] = [
  login('Mail', 'https://mail.example.org/inbox', 'ada', 'pw-1', 2),
  login('Mail again', 'mail.example.org', 'ada', 'pw-1', 3),
  login('Bank', 'https://www.bank.example', 'ada', 'pw-2', 4),
  { draft: { type: 'note', title: 'Recovery codes', notes: 'a\nb' }, source: { line: 5 } },
  { draft: { type: 'card', title: 'Visa', fields: { number: '4111111111111111' } }, source: { line: 6 } },
  { draft: { type: 'login', title: '' }, source: { line: 7 } },
]

describe('import', () => {
  it('previews without writing: types, duplicates within the file, invalid entries named by line', async () => {
    const vault = await unlockedVault()
    const preview = vault.service.transfer.previewImport(FILE)
    expect(preview).toMatchObject({ total: 6, toAdd: 4, inVault: 0, inFile: 1, invalid: 1 })
    expect(preview.byType).toMatchObject({ login: 2, note: 1, card: 1, identity: 0 })
    expect(preview.entries[1]).toMatchObject({ status: 'in-file', source: { line: 3 } })
    expect(preview.entries[5]).toMatchObject({ status: 'invalid', source: { line: 7 } })
    expect(JSON.stringify(preview)).not.toContain('pw-1')
    expect(vault.service.listItems({})).toHaveLength(0)
  })

  it('adds only the new entries, and importing the same file again adds nothing', async () => {
    const vault = await unlockedVault()
    expect(vault.service.transfer.applyImport(FILE)).toBe(4)
    expect(
      vault.service
        .listItems({})
        .map((item) => item.title)
        .sort(),
    ).toEqual(['Bank', 'Mail', 'Recovery codes', 'Visa'])
    const again = vault.service.transfer.previewImport(FILE)
    expect(again).toMatchObject({ toAdd: 0, inVault: 5, invalid: 1 })
    expect(vault.service.transfer.applyImport(FILE)).toBe(0)
    expect(vault.service.listItems({})).toHaveLength(4)
  })

  it('a login already in the vault under another title is recognised by site, username and password', async () => {
    const vault = await unlockedVault()
    const existing = vault.service.createItem({
      type: 'login',
      title: 'My mail',
      fields: { username: 'ada', password: 'pw-1', urls: ['https://mail.example.org'] },
    })
    const preview = vault.service.transfer.previewImport([FILE[0] as ImportCandidate])
    expect(preview.entries[0]).toMatchObject({ status: 'in-vault', existingId: existing.id })
    // Another password on the same site is a new login.
    expect(vault.service.transfer.previewImport([login('Mail', 'mail.example.org', 'ada', 'pw-9', 1)]).toAdd).toBe(1)
  })
})

describe('import after its preview', () => {
  it("takes the preview's findings when the vault has not changed, without opening every item again", async () => {
    const vault = await unlockedVault()
    vault.service.createItem({ type: 'note', title: 'Already here', notes: '' })
    const file = [...FILE]
    expect(vault.service.transfer.previewImport(file).toAdd).toBe(4)
    const reads = vi.spyOn(vault.store, 'getCurrentItem')
    expect(vault.service.transfer.applyImport(file)).toBe(4)
    expect(reads).not.toHaveBeenCalled()
  })

  it('looks again when the vault changed after the preview: an item added meanwhile is not added twice', async () => {
    const vault = await unlockedVault()
    const file = [...FILE]
    expect(vault.service.transfer.previewImport(file).toAdd).toBe(4)
    vault.service.createItem({
      type: 'login',
      title: 'Bank',
      fields: { username: 'ada', password: 'pw-2', urls: ['https://www.bank.example'] },
    })
    const reads = vi.spyOn(vault.store, 'getCurrentItem')
    expect(vault.service.transfer.applyImport(file)).toBe(3)
    expect(reads).toHaveBeenCalled()
    expect(vault.service.listItems({}).filter((item) => item.title === 'Bank')).toHaveLength(1)
  })

  it('a second preview (a remapped file) and a re-import after an import open no stored item', async () => {
    const vault = await unlockedVault()
    vault.service.createItem({ type: 'note', title: 'Already here', notes: '' })
    vault.service.transfer.previewImport([...FILE])
    const reads = vi.spyOn(vault.store, 'getCurrentItem')
    expect(vault.service.transfer.previewImport(FILE.slice(0, 3)).toAdd).toBe(2)
    expect(vault.service.transfer.applyImport([...FILE])).toBe(4)
    // The import's own items were added to the keys: the same file again finds them without a look.
    expect(vault.service.transfer.previewImport([...FILE])).toMatchObject({ toAdd: 0, inVault: 5 })
    expect(reads).not.toHaveBeenCalled()
  })

  it('looks again after a lock and unlock, and for other candidates than the ones previewed', async () => {
    const vault = await unlockedVault()
    const file = [...FILE]
    vault.service.transfer.previewImport(file)
    vault.service.lock()
    await vault.service.unlock({ password: PASSWORD })
    vault.service.createItem({ type: 'note', title: 'Recovery codes', notes: 'a\nb' })
    expect(vault.service.transfer.applyImport(file)).toBe(3)
    expect(vault.service.transfer.applyImport([...FILE])).toBe(0)
  })
})

describe('export, backup items and restore', () => {
  it('export leaves the trash out; the items with history carry every revision', async () => {
    const vault = await unlockedVault()
    const kept = vault.service.createItem({ type: 'login', title: 'Kept', fields: { password: 'one' } })
    vault.service.updateItem(kept.id, { fields: { password: 'two' } })
    const gone = vault.service.createItem({ type: 'note', title: 'Gone' })
    vault.service.trashItem(gone.id)
    expect(vault.service.transfer.exportItems().map((item) => item.content.title)).toEqual(['Kept'])
    const withHistory = vault.service.transfer.itemsWithHistory()
    expect(withHistory).toHaveLength(2)
    const keptHistory = withHistory.find((item) => item.id === kept.id)
    expect(keptHistory?.revisions.map((r) => (r.content.fields as { password: string }).password)).toEqual([
      'one',
      'two',
    ])
  })

  it('restores items with their history into another vault, and refuses to restore over an existing item', async () => {
    const from = await unlockedVault()
    const item = from.service.createItem({ type: 'login', title: 'Kept', tags: ['work'], fields: { password: 'one' } })
    from.service.updateItem(item.id, { fields: { password: 'two' } })
    const items = from.service.transfer.itemsWithHistory()

    const to = await unlockedVault()
    expect(to.service.transfer.restoreItems(items)).toBe(1)
    expect(to.service.getItem(item.id)).toMatchObject({ title: 'Kept', tags: ['work'], revision: 2 })
    expect(to.service.revealField(item.id, 'password')).toBe('two')
    expect(to.service.revealField(item.id, 'password', 1)).toBe('one')
    expect(() => to.service.transfer.restoreItems(items)).toThrow(expect.objectContaining({ code: 'INVALID_ITEM' }))
    expect(to.service.itemHistory(item.id)).toHaveLength(2)
  })
})
