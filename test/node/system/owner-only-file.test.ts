/**
 * Files holding secrets are written owner-only whatever was at the path
 * (system/owner-only-file.ts): an existing world-readable file, a symlink,
 * or nothing; and never over a file unless asked.
 */
import {
  chmodSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { writeOwnerOnly } from '../../../src-main/system/owner-only-file.ts'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

function folder(): string {
  const made = mkdtempSync(join(tmpdir(), 'owner-only-'))
  folders.push(made)
  return made
}

const modeOf = (path: string) => statSync(path).mode & 0o777

describe('writeOwnerOnly', () => {
  it('creates a new file readable by its owner only', async () => {
    const path = join(folder(), 'kit.pdf')
    await writeOwnerOnly(path, 'secret', { replace: false })
    expect(readFileSync(path, 'utf8')).toBe('secret')
    expect(modeOf(path)).toBe(0o600)
  })

  it('refuses an existing file unless told to replace it, and leaves it as it was', async () => {
    const path = join(folder(), 'export.csv')
    writeFileSync(path, 'old')
    await expect(writeOwnerOnly(path, 'new', { replace: false })).rejects.toMatchObject({ code: 'EEXIST' })
    expect(readFileSync(path, 'utf8')).toBe('old')
  })

  it('replaces a world-readable file with an owner-only one', async () => {
    const dir = folder()
    const path = join(dir, 'export.csv')
    writeFileSync(path, 'old')
    chmodSync(path, 0o644)
    await writeOwnerOnly(path, 'every password', { replace: true })
    expect(readFileSync(path, 'utf8')).toBe('every password')
    expect(modeOf(path)).toBe(0o600)
    expect(readdirSync(dir)).toEqual(['export.csv'])
  })

  it('replaces a symlink itself, never writing through it to its target', async () => {
    const dir = folder()
    const target = join(dir, 'elsewhere.txt')
    writeFileSync(target, 'untouched')
    const path = join(dir, 'backup.vaultbak')
    symlinkSync(target, path)
    await writeOwnerOnly(path, 'backup', { replace: true })
    expect(lstatSync(path).isSymbolicLink()).toBe(false)
    expect(readFileSync(path, 'utf8')).toBe('backup')
    expect(readFileSync(target, 'utf8')).toBe('untouched')
    await expect(writeOwnerOnly(target, 'x', { replace: false })).rejects.toMatchObject({ code: 'EEXIST' })
  })
})
