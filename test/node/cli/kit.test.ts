/** `vault kit`: the Emergency Kit written where asked (and nowhere else), and `--verify` against a printed key. */
import { readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseSetupCode } from '../../../src-main/kit/index.ts'
import { decodeQr, pdfText, renderPng, requirePoppler } from '../kit/poppler.ts'
import { EMAIL, expectNoSecretIn, PASSWORD, perTestVaults, tempDataDir } from './support.ts'

const secrets: string[] = [PASSWORD]
const { vault, cleanups } = perTestVaults(secrets)

describe('vault kit', () => {
  it('writes the kit to --out only, owner-readable, with the Secret Key and email but never the password', async () => {
    requirePoppler()
    const v = await vault()
    const outDir = tempDataDir()
    cleanups.push(() => rmSync(outDir, { recursive: true, force: true }))
    const before = readdirSync(v.dir).sort()
    const file = join(outDir, 'kit.pdf')
    const result = await v.run(['kit', '--out', file])
    expect(result.code).toBe(0)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readdirSync(v.dir).sort()).toEqual(before)
    const text = pdfText(file)
    expect(text.replace(/\s/g, '')).toContain(v.secretKey)
    expect(text).toContain(EMAIL)
    expect(text).toContain('Local only')
    expect(text).not.toContain(PASSWORD)
    const code = parseSetupCode(decodeQr(renderPng(file, join(outDir, 'kit'))) ?? '')
    expect(code).toEqual({ server: null, email: EMAIL, secretKey: v.secretKey })
    expectNoSecretIn(result.stdout + result.stderr, secrets)
  })

  it('keeps an existing file unless --force', async () => {
    const v = await vault()
    const outDir = tempDataDir()
    cleanups.push(() => rmSync(outDir, { recursive: true, force: true }))
    const file = join(outDir, 'kit.pdf')
    expect((await v.run(['kit', '--out', file])).code).toBe(0)
    const again = await v.run(['kit', '--out', file])
    expect(again.code).toBe(6)
    expect(again.stderr).toContain('already exists')
    expect((await v.run(['kit', '--out', file, '--force'])).code).toBe(0)
  })

  it('--verify says whether the printed key matches, without showing the stored one', async () => {
    const v = await vault()
    const match = await v.run(['kit', '--verify', '--json'], v.secretKey.toLowerCase())
    expect(match.code).toBe(0)
    expect(JSON.parse(match.stdout)).toEqual({ secretKeyMatches: true, emailMatches: null, serverMatches: null })
    const other = await vault()
    const mismatch = await v.run(['kit', '--verify'], other.secretKey)
    expect(mismatch.code).toBe(3)
    expect(mismatch.stdout).toContain('does NOT match')
    expectNoSecretIn(mismatch.stdout + mismatch.stderr, [v.secretKey])
  })
})
