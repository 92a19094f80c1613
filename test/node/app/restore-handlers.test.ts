/** Restoring an encrypted backup into a new vault from the first-run screen, through the real IPC dispatcher. */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type BackupPayload, writeBackup } from '../../../src-main/backup/index.ts'
import { KDF_FLOOR } from '../../../src-main/crypto/index.ts'
import { createIpcDispatcher } from '../../../src-main/ipc/dispatcher.ts'
import { VaultError } from '../../../src-shared/errors.ts'
import { FIXTURE_FILE, FIXTURE_INPUTS, FIXTURE_PAYLOAD } from '../backup/fixture.ts'
import { EMAIL, PASSWORD, startTestMain, type TestMain } from './main-services-support.ts'

const FIXTURE = fileURLToPath(FIXTURE_FILE)
const BACKUP_PASSWORD = FIXTURE_INPUTS.password
const FIXTURE_TITLE = 'Example \u00e9\u2603'
let main: TestMain | undefined
const cleanups: (() => void)[] = []

afterEach(() => {
  vi.restoreAllMocks()
  main?.close()
  main = undefined
  for (const cleanup of cleanups.splice(0)) cleanup()
})

interface Choice {
  chosen: boolean
  token: string
  fileName: string
  createdAt: number
}

function start(): TestMain {
  main = startTestMain()
  return main
}

function code(result: { ok: boolean; error?: { code: string } }): string {
  return result.ok ? 'ok' : (result.error?.code ?? '?')
}

function scratchFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'vault-restore-'))
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }))
  return folder
}

async function choose(main: TestMain, path = FIXTURE): Promise<Choice> {
  main.toOpen.push(path)
  return main.ok<Choice>('chooseBackupFile')
}

/** A backup of more than one 64 KiB chunk, so damage past the first chunk is told apart from a wrong password. */
async function twoChunkBackup(folder: string): Promise<string> {
  const [template] = FIXTURE_PAYLOAD.items
  if (template === undefined) throw new Error('the fixture has no item')
  const items = Array.from({ length: 120 }, (_, index) => ({
    ...template,
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  }))
  const payload: BackupPayload = { ...FIXTURE_PAYLOAD, items }
  const bytes = await writeBackup(payload, BACKUP_PASSWORD, { kdf: KDF_FLOOR })
  const path = join(folder, 'big.vaultbak')
  writeFileSync(path, bytes)
  return path
}

describe('restoring a backup over IPC', () => {
  it('chooses, opens and restores every item with its history, showing the Secret Key once', async () => {
    const main = start()
    const choice = await choose(main)
    expect(choice).toEqual({
      chosen: true,
      token: expect.stringMatching(/^[0-9a-f]{32}$/),
      fileName: 'kat-v1.vaultbak',
      createdAt: FIXTURE_PAYLOAD.createdAt,
    })

    const opened = await main.ok('openBackupFile', { token: choice.token, password: BACKUP_PASSWORD })
    expect(opened).toEqual({ itemCount: 1, createdAt: FIXTURE_PAYLOAD.createdAt })
    expect(await main.ok('getStatus')).toEqual({ state: 'no-account' })

    const done = await main.ok<{ accountId: string; secretKey: string; restored: number }>('restoreBackup', {
      token: choice.token,
      email: EMAIL,
      password: PASSWORD,
    })
    expect(done).toMatchObject({ restored: 1, secretKeyInKeychain: true, secretKey: expect.stringMatching(/^K1-/) })
    expect(await main.keychain.get(done.accountId)).toBe(done.secretKey)
    const list = await main.ok<{ items: { id: string; title: string }[] }>('listItems', {})
    expect(list.items.map((item) => item.title)).toEqual([FIXTURE_TITLE])
    const [item] = list.items
    const history = await main.ok<{ revisions: unknown[] }>('itemHistory', { id: item?.id })
    expect(history.revisions).toHaveLength(2)
    // The token is spent, and a vault now exists.
    const again = await main.call('restoreBackup', { token: choice.token, email: EMAIL, password: PASSWORD })
    expect(code(again)).toBe('BACKUP_INVALID')
    expect(code(await main.call('chooseBackupFile'))).toBe('ACCOUNT_EXISTS')
  })

  it('a wrong backup password is told apart and keeps the file chosen', async () => {
    const main = start()
    const choice = await choose(main)
    const wrong = await main.call('openBackupFile', { token: choice.token, password: 'not the password' })
    expect(code(wrong)).toBe('BACKUP_WRONG_PASSWORD')
    expect(code(await main.call('openBackupFile', { token: choice.token, password: '' }))).toBe('PASSWORD_EMPTY')
    const opened = await main.ok('openBackupFile', { token: choice.token, password: BACKUP_PASSWORD })
    expect(opened).toMatchObject({ itemCount: 1 })
  })

  it('refuses a file that is no backup when chosen, and a damaged one when opened; a cancel reads nothing', async () => {
    const main = start()
    expect(await main.ok('chooseBackupFile')).toEqual({ chosen: false })
    const folder = scratchFolder()
    const notes = join(folder, 'notes.txt')
    writeFileSync(notes, 'just some words\n')
    main.toOpen.push(notes)
    expect(code(await main.call('chooseBackupFile'))).toBe('BACKUP_INVALID')
    const cut = join(folder, 'cut.vaultbak')
    writeFileSync(cut, readFileSync(FIXTURE).subarray(0, 400))
    main.toOpen.push(cut)
    expect(code(await main.call('chooseBackupFile'))).toBe('BACKUP_INVALID')

    const big = await twoChunkBackup(folder)
    const bytes = readFileSync(big)
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 1
    writeFileSync(big, bytes)
    const choice = await choose(main, big)
    const damaged = await main.call('openBackupFile', { token: choice.token, password: BACKUP_PASSWORD })
    expect(code(damaged)).toBe('BACKUP_INVALID')
    expect(await main.ok('getStatus')).toEqual({ state: 'no-account' })
  })

  it('refuses when a vault exists, before showing the dialog', async () => {
    const main = start()
    await main.ok('createAccount', { email: EMAIL, password: PASSWORD })
    main.toOpen.push(FIXTURE)
    expect(code(await main.call('chooseBackupFile'))).toBe('ACCOUNT_EXISTS')
    expect(main.toOpen).toHaveLength(1)
  })

  it('drops the pending backup on Back, on a newer choice, and wants it opened before a restore', async () => {
    const main = start()
    const folder = scratchFolder()
    const copy = join(folder, 'copy.vaultbak')
    copyFileSync(FIXTURE, copy)
    const first = await choose(main)
    const request = { token: first.token, email: EMAIL, password: PASSWORD }
    expect(code(await main.call('restoreBackup', request))).toBe('BACKUP_INVALID')

    // A cancelled dialog keeps the current file; a new file replaces it.
    expect(await main.ok('chooseBackupFile')).toEqual({ chosen: false })
    await main.ok('openBackupFile', { token: first.token, password: BACKUP_PASSWORD })
    const second = await choose(main, copy)
    expect(second.fileName).toBe('copy.vaultbak')
    expect(code(await main.call('restoreBackup', request))).toBe('BACKUP_INVALID')

    expect(await main.ok('forgetBackupFile')).toBeNull()
    const forgotten = await main.call('openBackupFile', { token: second.token, password: BACKUP_PASSWORD })
    expect(code(forgotten)).toBe('BACKUP_INVALID')
    expect(await main.ok('getStatus')).toEqual({ state: 'no-account' })
  })

  it('leaves no vault at all when the restore fails after the keys were made, and can be tried again', async () => {
    const main = start()
    const choice = await choose(main)
    await main.ok('openBackupFile', { token: choice.token, password: BACKUP_PASSWORD })
    const request = { token: choice.token, email: EMAIL, password: PASSWORD }
    expect(code(await main.call('restoreBackup', { ...request, password: 'short' }))).toBe('WEAK_PASSWORD')

    // The items are written, then the disk fails: the account's rows and the items go back together.
    const keychainSet = vi.spyOn(main.keychain, 'set')
    const { transfer } = main.services.vault
    const restoreItems = transfer.restoreItems.bind(transfer)
    const spy = vi.spyOn(transfer, 'restoreItems').mockImplementation((items) => {
      restoreItems(items)
      throw new VaultError('STORE_BUSY', 'The disk is busy.')
    })
    expect(code(await main.call('restoreBackup', request))).toBe('STORE_BUSY')
    expect(await main.ok('getStatus')).toEqual({ state: 'no-account' })
    expect(main.events).not.toContainEqual(expect.objectContaining({ type: 'locked' }))
    expect(keychainSet).not.toHaveBeenCalled()
    spy.mockRestore()

    const done = await main.ok<{ accountId: string; restored: number }>('restoreBackup', request)
    expect(done.restored).toBe(1)
    expect(await main.ok('getStatus')).toMatchObject({ state: 'unlocked', itemCount: 1 })
  })

  it('validates every request strictly and answers only the trusted window', async () => {
    const main = start()
    const choice = await choose(main)
    expect(code(await main.call('chooseBackupFile', {}))).toBe('INVALID_REQUEST')
    expect(code(await main.call('openBackupFile', { token: 'nope', password: BACKUP_PASSWORD }))).toBe(
      'INVALID_REQUEST',
    )
    const extra = { token: choice.token, password: BACKUP_PASSWORD, path: '/etc/passwd' }
    expect(code(await main.call('openBackupFile', extra))).toBe('INVALID_REQUEST')
    const badEmail = { token: choice.token, email: 'ada', password: PASSWORD }
    expect(code(await main.call('restoreBackup', badEmail))).toBe('INVALID_REQUEST')
    expect(code(await main.call('forgetBackupFile', { token: choice.token }))).toBe('INVALID_REQUEST')

    const dispatcher = createIpcDispatcher(main.services.handlers, { trustedOrigins: ['app://vault'] })
    const foreign = await dispatcher.dispatch(
      'openBackupFile',
      { token: choice.token, password: BACKUP_PASSWORD },
      { origin: 'https://evil.example', isTopFrame: true },
    )
    expect(code(foreign)).toBe('FORBIDDEN_SENDER')
    // The refused calls left the file chosen.
    expect(await main.ok('openBackupFile', { token: choice.token, password: BACKUP_PASSWORD })).toMatchObject({
      itemCount: 1,
    })
  })
})
