/** When a password last changed: the walk itself, then through a real vault's revisions (VaultService.passwordHealth). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OLD_PASSWORD_AGE_MS } from '../../../src-main/health/health-report.ts'
import { type PasswordRevision, passwordChangedAt } from '../../../src-main/health/password-age.ts'
import { expectCodeAsync } from '../support/expect-code.ts'
import { absentKeychain, EMAIL, makeVault, PASSWORD, type TestVault } from '../vault/support.ts'

const rev = (password: string | undefined, savedAt: number): PasswordRevision => ({ password, savedAt })

describe('passwordChangedAt', () => {
  it('is the oldest revision of the unbroken run that holds the current password', () => {
    expect(passwordChangedAt([rev('a', 10)])).toBe(10)
    expect(passwordChangedAt([rev('a', 30), rev('a', 20), rev('b', 10)])).toBe(20)
    expect(passwordChangedAt([rev('a', 30), rev('a', 20), rev('a', 10)])).toBe(10)
  })

  it('dates a password changed back from its return', () => {
    expect(passwordChangedAt([rev('a', 40), rev('b', 30), rev('a', 20)])).toBe(40)
  })

  it('stops at a revision it cannot compare, never overstating the age', () => {
    expect(passwordChangedAt([rev('a', 30), rev(undefined, 20), rev('a', 10)])).toBe(30)
  })

  it('has no answer without a current password', () => {
    expect(passwordChangedAt([])).toBeNull()
    expect(passwordChangedAt([rev('', 30), rev('a', 20)])).toBeNull()
    expect(passwordChangedAt([rev(undefined, 30)])).toBeNull()
  })

  it('reads no further back than the first change', () => {
    const read: number[] = []
    function* revisions(): Generator<PasswordRevision> {
      for (const [password, savedAt] of [
        ['a', 50],
        ['a', 40],
        ['b', 30],
        ['c', 20],
      ] as const) {
        read.push(savedAt)
        yield rev(password, savedAt)
      }
      throw new Error('read past the first change')
    }
    expect(passwordChangedAt(revisions())).toBe(40)
    expect(read).toEqual([50, 40, 30])
  })
})

describe('password age through a real vault', () => {
  const DAY = 24 * 60 * 60 * 1000
  const NOW = Date.UTC(2026, 10, 22, 12)
  let clock = NOW - 1000 * DAY
  let vault: TestVault
  const ids: Record<string, string> = {}

  const at = (daysAgo: number) => {
    clock = NOW - daysAgo * DAY
  }
  const login = (title: string, password: string) =>
    vault.service.createItem({
      type: 'login',
      title,
      fields: { username: 'ada', password, urls: ['https://x.example'] },
    }).id

  beforeAll(async () => {
    vault = makeVault({ keychain: absentKeychain, now: () => clock })
    await vault.service.createAccount({ email: EMAIL, password: PASSWORD })
    at(800)
    ids.bank = login('Bank', 'bank-first-Pw-1!')
    at(500)
    vault.service.updateItem(ids.bank, { fields: { password: 'bank-second-Pw-2!' } })
    at(100)
    vault.service.updateItem(ids.bank, { title: 'My bank', notes: 'renamed' })
    at(10)
    vault.service.trashItem(ids.bank)
    vault.service.restoreItem(ids.bank)

    at(900)
    ids.restored = login('Restored', 'restored-first-Pw-3!')
    at(600)
    vault.service.updateItem(ids.restored, { fields: { password: 'restored-second-Pw-4!' } })
    at(20)
    vault.service.restoreRevision(ids.restored, 1)

    at(400)
    ids.fresh = login('Fresh', 'fresh-first-Pw-5!')
    at(5)
    vault.service.updateItem(ids.fresh, { fields: { password: 'fresh-second-Pw-6!' } })

    at(700)
    ids.trashed = login('Trashed', 'trashed-Pw-7!')
    vault.service.trashItem(ids.trashed)
    at(0)
  })
  afterAll(() => vault.cleanup())

  it('finds when each password was set, walking back past edits that kept it', async () => {
    const report = await vault.service.passwordHealth()
    expect(report.checkedAt).toBe(NOW)
    const old = [...report.old].sort((a, b) => a.changedAt - b.changedAt)
    // Bank: the password changed 500 days ago; the rename, trash and restore since kept it.
    // Restored: revision 1's password came back 20 days ago. Fresh: changed 5 days ago.
    expect(old).toEqual([{ id: ids.bank, changedAt: NOW - 500 * DAY }])
    expect(NOW - (old[0]?.changedAt ?? NOW)).toBeGreaterThan(OLD_PASSWORD_AGE_MS)
  })

  it('leaves the trash out and reports ids, with the titles of the items named, but no secret', async () => {
    const report = await vault.service.passwordHealth()
    expect(report.counts.total).toBe(3)
    const { titles, ...rest } = report
    const json = JSON.stringify(rest)
    expect(json).not.toContain(ids.trashed)
    for (const text of ['Pw-', 'ada', 'x.example', 'Bank', 'Fresh']) expect(json).not.toContain(text)
    for (const text of ['Pw-', 'ada', 'x.example']) expect(JSON.stringify(titles)).not.toContain(text)
    expect(Object.keys(titles).sort()).toEqual([ids.bank, ids.restored, ids.fresh].sort())
    expect(titles[ids.bank as string]).toBe('My bank')
    expect(report.noTotp.map((entry) => entry.id).sort()).toEqual([ids.bank, ids.restored, ids.fresh].sort())
  })

  it('needs the vault unlocked', async () => {
    vault.service.lock()
    await expectCodeAsync(vault.service.passwordHealth(), 'VAULT_LOCKED')
  })
})
