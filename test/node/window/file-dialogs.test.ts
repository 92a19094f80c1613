/** The open and save dialogs' glue: what the dialogs are asked, the size limit on reads, owner-only writes. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Dialog } from 'electron'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openFromQueue, openWithDialog, readSmallFile } from '../../../src-main/window/open-file.ts'
import { saveWithDialog } from '../../../src-main/window/save-file.ts'

let folder = ''
afterEach(() => {
  if (folder !== '') rmSync(folder, { recursive: true, force: true })
  folder = ''
})

function tempFolder(): string {
  folder = mkdtempSync(join(tmpdir(), 'vault-dialogs-'))
  return folder
}

describe('the open dialog', () => {
  it('reads the chosen file, and answers null on Cancel', async () => {
    const dir = tempFolder()
    const path = join(dir, 'export.csv')
    writeFileSync(path, 'name,password\n')
    const showOpenDialog = vi
      .fn()
      .mockResolvedValueOnce({ canceled: false, filePaths: [path] })
      .mockResolvedValueOnce({ canceled: true, filePaths: [] })
    const open = openWithDialog({ showOpenDialog } as unknown as Pick<Dialog, 'showOpenDialog'>, () => undefined, dir)
    const file = await open(1024)
    expect(file?.name).toBe('export.csv')
    expect(new TextDecoder().decode(file?.bytes)).toBe('name,password\n')
    expect(showOpenDialog.mock.calls[0]?.[0]).toMatchObject({ properties: ['openFile'] })
    expect(await open(1024)).toBeNull()
  })

  it('refuses a file over the limit before reading it, and a folder', async () => {
    const dir = tempFolder()
    const path = join(dir, 'big.json')
    writeFileSync(path, 'x'.repeat(2048))
    await expect(readSmallFile(path, 1024)).rejects.toMatchObject({ code: 'IMPORT_INVALID' })
    await expect(readSmallFile(dir, 1024)).rejects.toMatchObject({ code: 'IMPORT_INVALID' })
    await expect(readSmallFile(join(dir, 'missing.csv'), 1024)).rejects.toMatchObject({ code: 'IMPORT_INVALID' })
    expect((await readSmallFile(path, 2048)).bytes).toHaveLength(2048)
  })

  it('for a backup, offers .vaultbak files and words a refusal as a backup error', async () => {
    const dir = tempFolder()
    const path = join(dir, 'big.vaultbak')
    writeFileSync(path, 'x'.repeat(2048))
    const showOpenDialog = vi.fn().mockResolvedValueOnce({ canceled: false, filePaths: [path] })
    const open = openWithDialog({ showOpenDialog } as unknown as Pick<Dialog, 'showOpenDialog'>, () => undefined, dir)
    const refusal = {
      code: 'BACKUP_INVALID',
      message: expect.stringMatching(/^Cannot restore "big\.vaultbak".*backup/),
    }
    await expect(open(1024, 'backup')).rejects.toMatchObject(refusal)
    expect(showOpenDialog.mock.calls[0]?.[0]?.filters?.[0]).toEqual({ name: 'Vault backups', extensions: ['vaultbak'] })
    await expect(readSmallFile(dir, 1024, 'backup')).rejects.toMatchObject({ code: 'BACKUP_INVALID' })
  })

  it('the test stand-in answers with the queued files in order, then Cancel', async () => {
    const dir = tempFolder()
    const a = join(dir, 'a.csv')
    writeFileSync(a, 'a')
    const queue = [a]
    const open = openFromQueue(queue)
    expect((await open(10))?.name).toBe('a.csv')
    expect(await open(10)).toBeNull()
  })
})

describe('the save dialog', () => {
  it("offers the suggested name's file type, and writes owner-only", async () => {
    const dir = tempFolder()
    const target = join(dir, 'chosen.vaultbak')
    const showSaveDialog = vi.fn().mockResolvedValue({ canceled: false, filePath: target })
    const save = saveWithDialog({ showSaveDialog } as unknown as Pick<Dialog, 'showSaveDialog'>, () => undefined, dir)
    expect(await save('vault-backup-2026-11-22.vaultbak', new Uint8Array([1, 2, 3]))).toBe('chosen.vaultbak')
    expect(showSaveDialog.mock.calls[0]?.[0]).toMatchObject({
      defaultPath: join(dir, 'vault-backup-2026-11-22.vaultbak'),
      filters: [{ name: 'VAULTBAK', extensions: ['vaultbak'] }],
    })
    expect(statSync(target).mode & 0o777).toBe(0o600)
    expect([...readFileSync(target)]).toEqual([1, 2, 3])
  })
})
