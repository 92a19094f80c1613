/**
 * Damage on disk: an edited sealed row is reported for that item alone, two
 * rows whose ciphertexts were swapped are both caught, and the rest of the
 * vault keeps working. A file that is not a vault is refused, never reset.
 */
import { readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it } from 'vitest'
import { VaultStore } from '../../../src-main/store/index.ts'
import { expectCode } from '../support/expect-code.ts'
import { EMAIL, makeVault, PASSWORD, type TestVault } from './support.ts'

let vault: TestVault | undefined
afterEach(() => vault?.cleanup())

async function vaultWithItems(titles: string[]): Promise<{ vault: TestVault; ids: string[] }> {
  vault = makeVault()
  await vault.service.createAccount({ email: EMAIL, password: PASSWORD })
  const ids = titles.map(
    (title) => vault?.service.createItem({ type: 'login', title, fields: { password: `pw ${title}` } }).id ?? '',
  )
  vault.service.lock()
  vault.store.close()
  return { vault, ids }
}

function rawDb(vault: TestVault, work: (db: DatabaseSync) => void): void {
  const db = new DatabaseSync(vault.file)
  try {
    work(db)
  } finally {
    db.close()
  }
}

function sealedOf(db: DatabaseSync, itemId: string): Uint8Array {
  const row = db.prepare('SELECT sealed FROM item_revisions WHERE item_id = ?').get(itemId) as { sealed: Uint8Array }
  return row.sealed
}

describe('damage on disk', () => {
  it('reports an edited sealed row as DECRYPTION_FAILED for that item only', async () => {
    const { vault, ids } = await vaultWithItems(['alpha', 'beta', 'gamma'])
    rawDb(vault, (db) => {
      const sealed = Uint8Array.from(sealedOf(db, ids[1] ?? ''))
      sealed[100] = (sealed[100] ?? 0) ^ 0x01
      db.prepare('UPDATE item_revisions SET sealed = ? WHERE item_id = ?').run(sealed, ids[1] ?? '')
    })
    vault.restart()
    expect(await vault.service.unlock({ password: PASSWORD })).toEqual({ itemCount: 3, damagedCount: 1 })
    const damaged = vault.service.listItems().find((item) => item.id === ids[1])
    expect(damaged?.damaged?.code).toBe('DECRYPTION_FAILED')
    expectCode(() => vault.service.getItem(ids[1] ?? ''), 'DECRYPTION_FAILED')
    expect(vault.service.revealField(ids[0] ?? '', 'password')).toBe('pw alpha')
    expect(vault.service.revealField(ids[2] ?? '', 'password')).toBe('pw gamma')
  })

  it('lists a damaged old revision in the history without hiding the others', async () => {
    const { vault, ids } = await vaultWithItems(['alpha'])
    const id = ids[0] ?? ''
    vault.restart()
    await vault.service.unlock({ password: PASSWORD })
    vault.service.updateItem(id, { title: 'alpha 2' })
    vault.service.lock()
    vault.store.close()
    rawDb(vault, (db) => {
      const row = db.prepare('SELECT sealed FROM item_revisions WHERE item_id = ? AND revision = 1').get(id) as {
        sealed: Uint8Array
      }
      const sealed = Uint8Array.from(row.sealed)
      sealed[60] = (sealed[60] ?? 0) ^ 0x80
      db.prepare('UPDATE item_revisions SET sealed = ? WHERE item_id = ? AND revision = 1').run(sealed, id)
    })
    vault.restart()
    await vault.service.unlock({ password: PASSWORD })
    const history = vault.service.itemHistory(id)
    expect(history.map((entry) => [entry.revision, entry.title, entry.damaged?.code])).toEqual([
      [1, '', 'DECRYPTION_FAILED'],
      [2, 'alpha 2', undefined],
    ])
    expectCode(() => vault.service.restoreRevision(id, 1), 'DECRYPTION_FAILED')
  })

  it('catches two rows whose ciphertexts were swapped, both of them', async () => {
    const { vault, ids } = await vaultWithItems(['alpha', 'beta', 'gamma'])
    const [first = '', second = ''] = ids
    rawDb(vault, (db) => {
      const a = sealedOf(db, first)
      const b = sealedOf(db, second)
      db.prepare('UPDATE item_revisions SET sealed = ? WHERE item_id = ?').run(b, first)
      db.prepare('UPDATE item_revisions SET sealed = ? WHERE item_id = ?').run(a, second)
    })
    vault.restart()
    expect(await vault.service.unlock({ password: PASSWORD })).toEqual({ itemCount: 3, damagedCount: 2 })
    expectCode(() => vault.service.getItem(first), 'DECRYPTION_FAILED')
    expectCode(() => vault.service.getItem(second), 'DECRYPTION_FAILED')
    expect(vault.service.getItem(ids[2] ?? '').title).toBe('gamma')
  })

  it('refuses a truncated vault file with STORE_CORRUPT and leaves it as it was', async () => {
    const { vault } = await vaultWithItems(['alpha'])
    truncateSync(vault.file, Math.floor(readFileSync(vault.file).length / 2))
    const before = readFileSync(vault.file)
    expectCode(() => VaultStore.open(vault.file), 'STORE_CORRUPT')
    expect(readFileSync(vault.file).equals(before)).toBe(true)
    writeFileSync(vault.file, before) // leave something cleanup() can close over
    vault.store = { close() {} } as unknown as VaultStore
  })
})
