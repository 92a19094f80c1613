/** `vault export`: plain JSON or CSV only after an explicit yes, owner-only, and read back by `vault import`. */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PASSWORD, perTestVaults, tempDataDir } from './support.ts'

const secrets: string[] = [PASSWORD]
const { vault, cleanups } = perTestVaults(secrets)

function outDir(): string {
  const dir = tempDataDir()
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

async function vaultWithItem() {
  const v = await vault()
  const draft = {
    type: 'login',
    title: 'Mail',
    fields: { username: 'ada', password: 'FAKE-pw', urls: ['mail.example'] },
  }
  expect((await v.run(['add', '--json'], JSON.stringify(draft))).code).toBe(0)
  return v
}

describe('vault export', () => {
  it('writes nothing without a yes when there is no terminal to ask on', async () => {
    const v = await vaultWithItem()
    const file = join(outDir(), 'export.json')
    const result = await v.run(['export', '--format', 'json', '--out', file])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('PLAIN TEXT')
    expect(existsSync(file)).toBe(false)
  })

  it('with --yes writes an owner-only JSON that `vault import` recognises as already in the vault', async () => {
    const v = await vaultWithItem()
    const file = join(outDir(), 'export.json')
    expect((await v.run(['export', '--format', 'json', '--out', file, '--yes'])).code).toBe(0)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'vault-export', items: [{ title: 'Mail' }] })
    const preview = JSON.parse((await v.run(['import', file, '--dry-run', '--json'])).stdout)
    expect(preview).toMatchObject({ format: 'vault-json', toAdd: 0, inVault: 1 })
  })

  it('writes CSV, and keeps an existing file unless --force', async () => {
    const v = await vaultWithItem()
    const file = join(outDir(), 'export.csv')
    expect((await v.run(['export', '--format', 'csv', '--out', file, '--yes'])).code).toBe(0)
    expect(readFileSync(file, 'utf8').split('\n')[1]).toContain('FAKE-pw')
    expect((await v.run(['export', '--format', 'csv', '--out', file, '--yes'])).code).toBe(6)
    expect((await v.run(['export', '--format', 'csv', '--out', file, '--yes', '--force'])).code).toBe(0)
  })
})
