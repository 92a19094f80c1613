/** `vault import`: a preview first, only new items added, the same file again adds nothing, errors by file and line. */
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { expectNoSecretIn, PASSWORD, perTestVaults, tempDataDir } from './support.ts'

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'import')
const secrets: string[] = [PASSWORD, 'FAKE-pw-social']
const { vault, cleanups } = perTestVaults(secrets)

describe('vault import', () => {
  it('previews, imports with --yes, and adds nothing the second time', async () => {
    const v = await vault()
    const file = join(FIXTURES, 'bitwarden.csv')
    const dry = await v.run(['import', file, '--dry-run', '--json'])
    expect(dry.code).toBe(0)
    const preview = JSON.parse(dry.stdout)
    expect(preview).toMatchObject({ format: 'bitwarden-csv', inVault: 0 })
    expect(preview.toAdd).toBeGreaterThan(0)
    expect((await v.run(['list', '--json'])).stdout.trim()).toBe('[]')

    const first = await v.run(['import', file, '--yes', '--json'])
    expect(first.code).toBe(0)
    expect(first.stdout).toContain(`"added": ${preview.toAdd}`)
    const listed = JSON.parse((await v.run(['list', '--json'])).stdout)
    expect(listed).toHaveLength(preview.toAdd)

    const again = JSON.parse((await v.run(['import', file, '--dry-run', '--json'])).stdout)
    expect(again).toMatchObject({ toAdd: 0, inVault: preview.toAdd + preview.inFile })
    expect((await v.run(['import', file, '--yes'])).code).toBe(0)
    expect(JSON.parse((await v.run(['list', '--json'])).stdout)).toHaveLength(preview.toAdd)
    expectNoSecretIn(dry.stdout + dry.stderr + first.stderr, secrets)
  })

  it('without a terminal and without --yes it writes nothing and says how to go on', async () => {
    const v = await vault()
    const result = await v.run(['import', join(FIXTURES, 'chrome.csv')])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--yes')
    expect((await v.run(['list', '--json'])).stdout.trim()).toBe('[]')
  })

  it('a malformed file is refused naming the file and the line, and nothing is written', async () => {
    const v = await vault()
    const dir = tempDataDir()
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const file = join(dir, 'broken.csv')
    writeFileSync(
      file,
      'name,url,username,password\nok,https://a.example,me,FAKE-pw-1\nbad,"https://b.example,me,FAKE-pw-2\n',
    )
    const result = await v.run(['import', file, '--format', 'chrome-csv', '--yes'])
    expect(result.code).toBe(6)
    expect(result.stderr).toContain('IMPORT_INVALID')
    expect(result.stderr).toContain('broken.csv')
    expect(result.stderr).toMatch(/line \d/)
    expectNoSecretIn(result.stderr, ['FAKE-pw-1', 'FAKE-pw-2'])
    expect((await v.run(['list', '--json'])).stdout.trim()).toBe('[]')
  })
})
