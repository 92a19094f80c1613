/** Password health, import, export and the encrypted backup through the real IPC dispatcher and main services. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readBackup } from '../../../src-main/backup/index.ts'
import { IMPORT_FORMATS, MAX_IMPORT_BYTES } from '../../../src-main/import/index.ts'
import { createIpcDispatcher } from '../../../src-main/ipc/dispatcher.ts'
import { entriesToSend } from '../../../src-main/ipc/handlers/import-handlers.ts'
import type { ImportStatus } from '../../../src-main/vault/index.ts'
import { IMPORT_FILE_MAX_BYTES, IMPORT_FORMAT_NAMES } from '../../../src-shared/ipc/transfer.ts'
import { EMAIL, PASSWORD, startTestMain, type TestMain } from './main-services-support.ts'

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'import')
const BACKUP_PASSWORD = 'copper violin meadow 58 harbour'
let main: TestMain | undefined
const cleanups: (() => void)[] = []

afterEach(() => {
  main?.close()
  main = undefined
  for (const cleanup of cleanups.splice(0)) cleanup()
})

async function unlocked(): Promise<TestMain> {
  main = startTestMain()
  await main.ok('createAccount', { email: EMAIL, password: PASSWORD })
  return main
}

function code(result: { ok: boolean; error?: { code: string } }): string {
  return result.ok ? 'ok' : (result.error?.code ?? '?')
}

function message(result: { ok: boolean; error?: { message: string } }): string {
  return result.error?.message ?? ''
}

function login(title: string, password: string, url = 'https://mail.example.org') {
  return { draft: { type: 'login', title, fields: { username: 'ada', password, urls: [url] } } }
}

interface Choice {
  chosen: boolean
  token: string
  fileName: string
  format: string
  skipped: number
  preview: {
    total: number
    toAdd: number
    byType: Record<string, number>
    inVault: number
    inFile: number
    invalid: number
    entries: unknown[]
  }
  mapping?: { columns: string[]; fields: Record<string, string> }
}

describe('the shared import formats', () => {
  it('are the formats main reads, with the same size limit', () => {
    expect([...IMPORT_FORMAT_NAMES]).toEqual([...IMPORT_FORMATS])
    expect(IMPORT_FILE_MAX_BYTES).toBe(MAX_IMPORT_BYTES)
  })
})

describe('password health over IPC', () => {
  it('names weak and reused logins by id only, never a password', async () => {
    const main = await unlocked()
    const a = await main.ok<{ id: string }>('createItem', login('A', 'password1'))
    const b = await main.ok<{ id: string }>('createItem', login('B', 'password1', 'https://other.example.org'))
    const report = await main.ok<{
      counts: Record<string, number>
      weak: { id: string }[]
      reused: { ids: string[] }[]
    }>('getPasswordHealth')
    expect(report.counts).toMatchObject({ weak: 2, reused: 2, total: 2 })
    expect(report.weak.map((entry) => entry.id).sort()).toEqual([a.id, b.id].sort())
    expect(report.reused.map((group) => [...group.ids].sort())).toEqual([[a.id, b.id].sort()])
    expect(JSON.stringify(report)).not.toContain('password1')
  })

  it('needs the vault unlocked', async () => {
    const main = await unlocked()
    await main.ok('lock')
    expect(code(await main.call('getPasswordHealth'))).toBe('VAULT_LOCKED')
  })
})

describe('import over IPC', () => {
  it('previews the file the open dialog gave, imports only new items, and a second time adds nothing', async () => {
    const main = await unlocked()
    main.toOpen.push(join(FIXTURES, 'bitwarden.csv'))
    const choice = await main.ok<Choice>('chooseImportFile', {})
    expect(choice).toMatchObject({ chosen: true, fileName: 'bitwarden.csv', format: 'bitwarden-csv' })
    expect(choice.preview.toAdd).toBeGreaterThan(0)
    expect(choice.token).toMatch(/^[0-9a-f]{32}$/)
    expect(JSON.stringify(choice)).not.toContain('FAKE-pw-social')
    expect((await main.ok<{ total: number }>('listItems', {})).total).toBe(0)

    expect(await main.ok('applyImport', { token: choice.token })).toEqual({ added: choice.preview.toAdd })
    // The window's list reloads on this, as after a sync.
    expect(main.events).toContainEqual({ type: 'itemsChanged' })
    expect((await main.ok<{ total: number }>('listItems', {})).total).toBe(choice.preview.toAdd)
    // The token is spent.
    expect(code(await main.call('applyImport', { token: choice.token }))).toBe('IMPORT_INVALID')

    main.toOpen.push(join(FIXTURES, 'bitwarden.csv'))
    const again = await main.ok<Choice>('chooseImportFile', { format: 'bitwarden-csv' })
    expect(again.preview).toMatchObject({ toAdd: 0, inVault: choice.preview.toAdd + choice.preview.inFile })
  })

  it('a cancelled dialog reads nothing; a wrong token, a lock or a newer file drop the pending import', async () => {
    const main = await unlocked()
    expect(await main.ok('chooseImportFile', {})).toEqual({ chosen: false })
    expect(code(await main.call('applyImport', { token: '0'.repeat(32) }))).toBe('IMPORT_INVALID')

    main.toOpen.push(join(FIXTURES, 'chrome.csv'), join(FIXTURES, 'firefox.csv'))
    const first = await main.ok<Choice>('chooseImportFile', {})
    const second = await main.ok<Choice>('chooseImportFile', {})
    expect(second.format).toBe('firefox-csv')
    expect(code(await main.call('applyImport', { token: first.token }))).toBe('IMPORT_INVALID')

    await main.ok('lock')
    await main.ok('unlock', { password: PASSWORD })
    expect(code(await main.call('applyImport', { token: second.token }))).toBe('IMPORT_INVALID')
    expect((await main.ok<{ total: number }>('listItems', {})).total).toBe(0)
  })

  it('refuses a locked vault before the dialog, a file it cannot place, and malformed requests', async () => {
    const main = await unlocked()
    await main.ok('lock')
    main.toOpen.push(join(FIXTURES, 'chrome.csv'))
    expect(code(await main.call('chooseImportFile', {}))).toBe('VAULT_LOCKED')
    // The dialog was never shown, so the queued file is still waiting.
    expect(main.toOpen).toHaveLength(1)
    main.toOpen.length = 0
    await main.ok('unlock', { password: PASSWORD })

    expect(code(await main.call('chooseImportFile', { format: 'lastpass-csv' }))).toBe('INVALID_REQUEST')
    expect(code(await main.call('chooseImportFile', { extra: 1 }))).toBe('INVALID_REQUEST')
    expect(code(await main.call('applyImport', { token: 'not-a-token' }))).toBe('INVALID_REQUEST')
  })

  it('a file of unknown format or broken content is an import error naming the file, never quoting it', async () => {
    const main = await unlocked()
    const folder = mkdtempSync(join(tmpdir(), 'vault-import-'))
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }))
    const unknown = join(folder, 'notes.txt')
    writeFileSync(unknown, 'just some words, FAKE-pw-9\n')
    main.toOpen.push(unknown)
    const result = await main.call('chooseImportFile', {})
    expect(code(result)).toBe('IMPORT_UNSUPPORTED')
    expect(JSON.stringify(result)).not.toContain('FAKE-pw-9')

    const broken = join(folder, 'broken.csv')
    writeFileSync(broken, 'name,url,username,password\nbad,"https://b.example,me,FAKE-pw-2\n')
    main.toOpen.push(broken)
    const refused = await main.call('chooseImportFile', { format: 'chrome-csv' })
    expect(code(refused)).toBe('IMPORT_INVALID')
    expect(JSON.stringify(refused)).toContain('broken.csv')
    expect(JSON.stringify(refused)).not.toContain('FAKE-pw-2')
  })
})

describe('the preview over IPC', () => {
  it('lists the first 500 entries, then only later ones that cannot be imported; the counts cover all', () => {
    const entry = (index: number, status: ImportStatus) =>
      ({ index, source: { line: index + 2 }, status, type: null, title: '' }) as const
    const entries = Array.from({ length: 1_600 }, (_, index) => entry(index, index % 2 === 0 ? 'new' : 'invalid'))
    const sent = entriesToSend(entries)
    expect(sent.slice(0, 500)).toEqual(entries.slice(0, 500))
    expect(sent.slice(500).map((e) => e.index)).toEqual(
      entries
        .slice(500)
        .filter((e) => e.status === 'invalid')
        .slice(0, 500)
        .map((e) => e.index),
    )
    expect(entriesToSend(entries.slice(0, 20))).toEqual(entries.slice(0, 20))
  })

  it('a file of 1,200 logins answers complete counts and 500 entries', async () => {
    const main = await unlocked()
    const folder = mkdtempSync(join(tmpdir(), 'vault-import-'))
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }))
    const file = join(folder, 'chrome.csv')
    const rows = Array.from({ length: 1_200 }, (_, i) => `Site ${i},https://s${i}.example,ada,FAKE-pw-${i}`)
    writeFileSync(file, `name,url,username,password\n${rows.join('\n')}\n`)
    main.toOpen.push(file)
    const choice = await main.ok<Choice>('chooseImportFile', { format: 'chrome-csv' })
    expect(choice.preview).toMatchObject({ total: 1_200, toAdd: 1_200, invalid: 0 })
    expect(choice.preview.entries).toHaveLength(500)
    expect(await main.ok('applyImport', { token: choice.token })).toEqual({ added: 1_200 })
  })
})

describe('choosing the columns of an "Other CSV" file over IPC', () => {
  async function chooseGeneric(): Promise<{ main: TestMain; choice: Choice }> {
    const main = await unlocked()
    main.toOpen.push(join(FIXTURES, 'generic-mapping.csv'))
    return { main, choice: await main.ok<Choice>('chooseImportFile', {}) }
  }

  it('answers the header names and the guessed mapping, and no cell value', async () => {
    const { choice } = await chooseGeneric()
    expect(choice.format).toBe('generic-csv')
    expect(choice.mapping).toEqual({
      columns: ['Name', 'Login', 'Passcode', 'Memo'],
      fields: { title: 'Name', username: 'Login' },
    })
    expect(choice.preview.byType).toMatchObject({ login: 1, note: 1 })
    for (const value of ['FAKE-pw-shop', 'FAKE-pw-diary', 'shopper', 'Order notes', 'Private thoughts']) {
      expect(JSON.stringify(choice)).not.toContain(value)
    }
  })

  it('a new mapping re-reads the kept file under a new token, and that preview is what gets imported', async () => {
    const { main, choice } = await chooseGeneric()
    const mapping = { title: 'Name', username: 'login', password: 'Passcode', notes: 'Memo' }
    const remapped = await main.ok<Choice>('remapImport', { token: choice.token, mapping })
    expect(remapped.preview.byType).toMatchObject({ login: 2, note: 0 })
    // Named as the header has them, whatever the case asked for.
    expect(remapped.mapping?.fields).toEqual({ title: 'Name', username: 'Login', password: 'Passcode', notes: 'Memo' })
    expect(remapped.token).not.toBe(choice.token)
    expect(JSON.stringify(remapped)).not.toContain('FAKE-pw-shop')
    expect(code(await main.call('applyImport', { token: choice.token }))).toBe('IMPORT_INVALID')

    expect(await main.ok('applyImport', { token: remapped.token })).toEqual({ added: 2 })
    const listed = await main.ok<{ items: { type: string }[] }>('listItems', {})
    expect(listed.items.map((item) => item.type)).toEqual(['login', 'login'])
  })

  it('refuses a column the header lacks, or one column for two fields, and keeps the last good preview', async () => {
    const { main, choice } = await chooseGeneric()
    const missing = await main.call('remapImport', { token: choice.token, mapping: { password: 'Pin' } })
    expect(code(missing)).toBe('IMPORT_INVALID')
    expect(message(missing)).toContain('"Pin"')
    const twice = await main.call('remapImport', {
      token: choice.token,
      mapping: { username: 'Login', password: 'Login' },
    })
    expect(code(twice)).toBe('IMPORT_INVALID')
    expect(message(twice)).toContain('"Login" for both username and password')
    expect(JSON.stringify(twice)).not.toContain('FAKE-pw')
    expect((await main.ok<{ total: number }>('listItems', {})).total).toBe(0)
    expect(await main.ok('applyImport', { token: choice.token })).toEqual({ added: 2 })
  })

  it('refuses a wrong token, a file of another format, a locked vault, and a malformed mapping', async () => {
    const { main, choice } = await chooseGeneric()
    const mapping = { password: 'Passcode' }
    expect(code(await main.call('remapImport', { token: '0'.repeat(32), mapping }))).toBe('IMPORT_INVALID')
    expect(code(await main.call('remapImport', { token: choice.token, mapping: { pin: 'Passcode' } }))).toBe(
      'INVALID_REQUEST',
    )
    expect(code(await main.call('remapImport', { token: choice.token, mapping: { title: '' } }))).toBe(
      'INVALID_REQUEST',
    )
    const long = { title: 'x'.repeat(201) }
    expect(code(await main.call('remapImport', { token: choice.token, mapping: long }))).toBe('INVALID_REQUEST')
    expect(code(await main.call('remapImport', { token: choice.token }))).toBe('INVALID_REQUEST')

    await main.ok('lock')
    await main.ok('unlock', { password: PASSWORD })
    expect(code(await main.call('remapImport', { token: choice.token, mapping }))).toBe('IMPORT_INVALID')

    main.toOpen.push(join(FIXTURES, 'chrome.csv'))
    const chrome = await main.ok<Choice>('chooseImportFile', {})
    expect(chrome.mapping).toBeUndefined()
    const other = await main.call('remapImport', { token: chrome.token, mapping })
    expect(code(other)).toBe('IMPORT_INVALID')
    expect(message(other)).toContain('Other CSV')
  })

  it('previews a file where no column could be guessed, so its columns can be chosen', async () => {
    const main = await unlocked()
    const folder = mkdtempSync(join(tmpdir(), 'vault-import-'))
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }))
    const odd = join(folder, 'odd.csv')
    writeFileSync(odd, 'alpha,beta\nFAKE-secret-a,FAKE-secret-b\n')
    main.toOpen.push(odd)
    const choice = await main.ok<Choice>('chooseImportFile', {})
    expect(choice.mapping).toEqual({ columns: ['alpha', 'beta'], fields: {} })
    expect(choice.preview.byType).toMatchObject({ note: 1 })
    const remapped = await main.ok<Choice>('remapImport', { token: choice.token, mapping: { password: 'beta' } })
    expect(remapped.preview.byType).toMatchObject({ login: 1, note: 0 })
  })
})

describe('export over IPC', () => {
  it('needs the warning acknowledged, and writes every item owner-only where the dialog says', async () => {
    const main = await unlocked()
    await main.ok('createItem', login('Mail', 'FAKE-pw-export'))
    expect(code(await main.call('exportItems', { format: 'json' }))).toBe('INVALID_REQUEST')
    expect(code(await main.call('exportItems', { format: 'json', acknowledged: false }))).toBe('INVALID_REQUEST')
    expect(code(await main.call('exportItems', { format: 'xml', acknowledged: true }))).toBe('INVALID_REQUEST')

    const saved = await main.ok<{ saved: boolean; fileName: string }>('exportItems', {
      format: 'json',
      acknowledged: true,
    })
    expect(saved.saved).toBe(true)
    expect(saved.fileName).toMatch(/^vault-export-\d{4}-\d{2}-\d{2}\.json$/)
    const [path] = main.saved
    if (path === undefined) throw new Error('nothing saved')
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(readFileSync(path, 'utf8')).toContain('FAKE-pw-export')

    const csv = await main.ok<{ fileName: string }>('exportItems', { format: 'csv', acknowledged: true })
    expect(csv.fileName).toMatch(/\.csv$/)
    expect(readFileSync(main.saved[1] ?? '', 'utf8')).toContain('FAKE-pw-export')
  })

  it('a cancelled dialog writes nothing, and a locked vault exports nothing', async () => {
    const main = await unlocked()
    main.cancelSaves = true
    expect(await main.ok('exportItems', { format: 'csv', acknowledged: true })).toEqual({ saved: false })
    main.cancelSaves = false
    await main.ok('lock')
    expect(code(await main.call('exportItems', { format: 'csv', acknowledged: true }))).toBe('VAULT_LOCKED')
    expect(main.saved).toEqual([])
  })
})

describe('the encrypted backup over IPC', () => {
  it('is saved owner-only and opens with the backup password, every item inside', async () => {
    const main = await unlocked()
    await main.ok('createItem', login('Mail', 'FAKE-pw-backup'))
    const saved = await main.ok<{ saved: boolean; fileName: string }>('saveBackup', { password: BACKUP_PASSWORD })
    expect(saved.saved).toBe(true)
    expect(saved.fileName).toMatch(/^vault-backup-\d{4}-\d{2}-\d{2}\.vaultbak$/)
    const [path] = main.saved
    if (path === undefined) throw new Error('nothing saved')
    expect(statSync(path).mode & 0o777).toBe(0o600)
    const bytes = new Uint8Array(readFileSync(path))
    expect(Buffer.from(bytes).toString('latin1')).not.toContain('FAKE-pw-backup')
    const payload = await readBackup(bytes, BACKUP_PASSWORD)
    expect(payload.items).toHaveLength(1)
  })

  it('refuses a weak backup password, writes nothing on Cancel, and checks the sender', async () => {
    const main = await unlocked()
    expect(code(await main.call('saveBackup', { password: 'short' }))).toBe('WEAK_PASSWORD')
    main.cancelSaves = true
    expect(await main.ok('saveBackup', { password: BACKUP_PASSWORD })).toEqual({ saved: false })
    expect(main.saved).toEqual([])
    const dispatcher = createIpcDispatcher(main.services.handlers, { trustedOrigins: ['app://vault'] })
    const foreign = await dispatcher.dispatch(
      'saveBackup',
      { password: BACKUP_PASSWORD },
      { origin: 'https://evil.example', isTopFrame: true },
    )
    expect(code(foreign)).toBe('FORBIDDEN_SENDER')
  })
})
