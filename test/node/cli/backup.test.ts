/** `vault backup`, `vault restore-backup` and `vault decrypt-backup`: every item with its history, out and back in. */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EMAIL, expectNoSecretIn, FLOOR_KDF, lines, PASSWORD, perTestVaults, runCli, tempDataDir } from './support.ts'

const BACKUP_PASSWORD = 'lantern quarry 47 velvet orchard'
const secrets: string[] = [PASSWORD, BACKUP_PASSWORD, 'canary-pass-one', 'canary-pass-two']
const { vault, cleanups } = perTestVaults(secrets)

function tempDir(): string {
  const dir = tempDataDir()
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

async function vaultWithHistory() {
  const v = await vault()
  const draft = { type: 'login', title: 'Mail', tags: ['work'], fields: { password: 'canary-pass-one' } }
  expect((await v.run(['add', '--json'], JSON.stringify(draft))).code).toBe(0)
  const patch = { fields: { password: 'canary-pass-two' } }
  expect((await v.run(['edit', 'Mail', '--json'], JSON.stringify(patch))).code).toBe(0)
  return v
}

describe('vault backup, restore-backup, decrypt-backup', () => {
  it('writes an owner-only encrypted file, and restores every item with its history into a new vault', async () => {
    const v = await vaultWithHistory()
    const file = join(tempDir(), 'vault.vaultbak')
    const written = await v.run(['backup', '--out', file], BACKUP_PASSWORD)
    expect(written.code).toBe(0)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const bytes = readFileSync(file)
    expect(bytes.subarray(0, 8).toString()).toBe('VAULTBAK')
    expectNoSecretIn(bytes.toString('latin1'), secrets)

    const dir = tempDir()
    const restore = ['restore-backup', file, '--email', EMAIL, ...FLOOR_KDF, '--data-dir', dir, '--password-stdin']
    const restored = await runCli(restore, { input: lines(BACKUP_PASSWORD, PASSWORD) })
    expect(restored.code).toBe(0)
    expect(restored.stderr).toMatch(/Restored 1 item/)
    const secretKey = restored.stdout.trim()
    const read = (args: string[]) =>
      runCli([...args, '--data-dir', dir, '--password-stdin'], { input: lines(PASSWORD, secretKey) })
    expect((await read(['get', 'Mail', 'password'])).stdout).toBe('canary-pass-two\n')
    const history = await read(['history', 'Mail', '--json'])
    expect(JSON.parse(history.stdout)).toHaveLength(2)
    expectNoSecretIn(written.stdout + written.stderr + restored.stderr, secrets)
  })

  it('decrypt-backup needs no vault and writes the plaintext JSON, owner-only', async () => {
    const v = await vaultWithHistory()
    const dir = tempDir()
    const file = join(dir, 'vault.vaultbak')
    expect((await v.run(['backup', '--out', file], BACKUP_PASSWORD)).code).toBe(0)
    const out = join(dir, 'plain.json')
    const empty = tempDir()
    const decrypted = await runCli(['decrypt-backup', file, '--out', out, '--data-dir', empty, '--password-stdin'], {
      input: lines(BACKUP_PASSWORD),
    })
    expect(decrypted.code).toBe(0)
    expect(statSync(out).mode & 0o777).toBe(0o600)
    const payload = JSON.parse(readFileSync(out, 'utf8'))
    const revisions = payload.items[0].revisions.map(
      (r: { content: { fields: { password: string } } }) => r.content.fields.password,
    )
    expect(revisions).toEqual(['canary-pass-one', 'canary-pass-two'])
  })

  it('a wrong backup password exits 3 and writes nothing; an altered file exits 6', async () => {
    const v = await vaultWithHistory()
    const dir = tempDir()
    const file = join(dir, 'vault.vaultbak')
    expect((await v.run(['backup', '--out', file], BACKUP_PASSWORD)).code).toBe(0)
    const out = join(dir, 'plain.json')
    const args = ['decrypt-backup', file, '--out', out, '--data-dir', tempDir(), '--password-stdin']
    const wrong = await runCli(args, { input: lines('not the backup password at all 12') })
    expect(wrong.code).toBe(3)
    expect(wrong.stderr).toContain('BACKUP_WRONG_PASSWORD')
    expect(() => statSync(out)).toThrow()
    const truncated = join(dir, 'cut.vaultbak')
    writeFileSync(truncated, readFileSync(file).subarray(0, 100))
    const cut = await runCli(['decrypt-backup', truncated, '--out', out, '--data-dir', tempDir(), '--password-stdin'], {
      input: lines(BACKUP_PASSWORD),
    })
    expect(cut.code).toBe(6)
    expect(cut.stderr).toContain('BACKUP_INVALID')
  })
})
