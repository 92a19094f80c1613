/** Password health, import, export and the encrypted backup through the real IPC dispatcher and main services. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readBackup } from '../../../src-main/backup/index.ts'
import { IMPORT_FORMATS, MAX_IMPORT_BYTES } from '../../../src-main/import/index.ts'
import { createIpcDispatcher } from '../../../src-main/ipc/dispatcher.ts'
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

function login(title: string, password: string, url = 'https://mail.example.org') {
  return { draft: { type: 'login', title, fields: { username: 'ada', password, urls: [url] } } }
}

interface Choice {
  chosen: boolean
  token: string
  fileName: string
  format: string
  skipped: number
  preview: { total: number; toAdd: number; inVault: number; inFile: number; invalid: number; entries: unknown[] }
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
