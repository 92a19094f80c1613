/**
 * `vault health`. The vault and its items are made by the real command line
 * (child processes, as in the other CLI tests); the health command object is
 * then run in this process, with the master password on a stdin stand-in,
 * against the same folder and the same throwaway keychain.
 */
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCommandArgs } from '../../../src-main/cli/args.ts'
import { health } from '../../../src-main/cli/commands/health.ts'
import { createInputs } from '../../../src-main/cli/inputs.ts'
import type { Output } from '../../../src-main/cli/output.ts'
import { locateVault } from '../../../src-main/cli/session.ts'
import { StdinLines } from '../../../src-main/cli/stdin.ts'
import { requireTestKeyring } from '../keychain/test-keyring.ts'
import { type CliVault, createVault, expectNoSecretIn, guardCommandLines, PASSWORD, succeeds } from './support.ts'

const WEAK = 'qwerty123'
const STRONG = 'vK7#pQ2!xL9@mZ4$-glacier'
const TOTP_SEED = 'JBSWY3DPEHPK3PXP'
const USERNAME = 'ada.lovelace'
const secrets = [PASSWORD, WEAK, STRONG, TOTP_SEED]
guardCommandLines(secrets)

let vault: CliVault & { secretKey: string }
const ids: Record<string, string> = {}

async function addLogin(key: string, title: string, url: string, fields: object): Promise<void> {
  const args = ['add', 'login', '--title', title, '--username', USERNAME, '--url', url, '--json']
  ids[key] = (await succeeds(vault, args, JSON.stringify({ fields }))).trim()
}

beforeAll(async () => {
  requireTestKeyring()
  vault = await createVault()
  secrets.push(vault.secretKey)
  await addLogin('weak', 'Weak GitHub', 'https://github.com/login', { password: WEAK })
  await addLogin('copy', 'GitHub again', 'www.github.com', { password: WEAK })
  await addLogin('strong', 'Bank', 'https://bank.example', { password: STRONG, totp: TOTP_SEED })
  ids.note = (await succeeds(vault, ['add', 'note', '--title', 'Wifi'])).trim()
  const trashed = ['add', 'login', '--title', 'Old forum', '--json']
  ids.trashed = (await succeeds(vault, trashed, JSON.stringify({ fields: { password: WEAK } }))).trim()
  await succeeds(vault, ['delete', ids.trashed])
})
afterAll(() => vault?.cleanup())

/** Runs `vault health ARGS --password-stdin` in this process; what it printed on stdout and stderr. */
async function runHealth(args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const out: Output = {
    line: (text = '') => {
      stdout += `${text}\n`
    },
    raw: (value) => {
      stdout += `${value}\n`
    },
    json: (value) => {
      stdout += `${JSON.stringify(value, null, 2)}\n`
    },
    notice: (text) => {
      stderr += `${text}\n`
    },
    prompt: (text) => {
      stderr += text
    },
  }
  const parsed = parseCommandArgs('health', health.options, [...args, '--password-stdin'])
  const stdin = new StdinLines(Readable.from([`${PASSWORD}\n`]))
  const inputs = createInputs({ passwordStdin: true, stdin, terminal: null, output: out })
  await health.run({ out, inputs, location: locateVault(vault.dir), parsed })
  return { stdout, stderr }
}

interface HealthJson {
  counts: Record<string, number>
  weak: { id: string; title: string; score: number }[]
  reused: { items: { id: string; title: string }[] }[]
  old: unknown[]
  noTotp: { id: string; title: string }[]
  duplicates: { items: { id: string; title: string }[] }[]
}

describe('vault health', () => {
  it('--json lists each category by id and title', async () => {
    const { stdout, stderr } = await runHealth(['--json'])
    const report = JSON.parse(stdout) as HealthJson
    const pair = (key: string, title: string) => ({ id: ids[key], title })
    expect(report.counts).toEqual({ weak: 2, reused: 2, old: 0, noTotp: 2, duplicates: 2, total: 4 })
    expect(report.weak.map(({ id, title }) => ({ id, title }))).toEqual(
      expect.arrayContaining([pair('weak', 'Weak GitHub'), pair('copy', 'GitHub again')]),
    )
    expect(report.weak.every((entry) => entry.score < 3)).toBe(true)
    expect(report.reused).toHaveLength(1)
    expect(report.reused[0]?.items).toEqual(expect.arrayContaining([pair('weak', 'Weak GitHub')]))
    expect(report.duplicates[0]?.items.map((item) => item.title).sort()).toEqual(['GitHub again', 'Weak GitHub'])
    expect(report.noTotp.map((item) => item.id).sort()).toEqual([ids.weak, ids.copy].sort())
    expect(report.old).toEqual([])
    expectNoSecretIn(stdout + stderr, [...secrets, USERNAME, 'github.com', 'bank.example', ids.trashed as string])
  })

  it('prints the counts, then each category with titles and short ids', async () => {
    const { stdout, stderr } = await runHealth([])
    const lines = stdout.split('\n')
    expect(lines[0]).toMatch(/^Checked 4 items on \d{4}-\d\d-\d\d \d\d:\d\d\.$/)
    expect(stdout).toMatch(/Weak passwords\s+2\n/)
    expect(stdout).toMatch(/Old passwords\s+0\n/)
    expect(stdout).toMatch(/Duplicate items\s+2\n/)
    expect(stdout).toContain('Weak passwords:\nID ')
    expect(stdout).toMatch(new RegExp(`${ids.weak?.slice(0, 8)}\\s+Weak GitHub\\s+[012] of 4`))
    expect(stdout).toMatch(new RegExp(`${ids.copy?.slice(0, 8)}\\s+GitHub again\\s+1\\n`))
    expect(stdout).not.toContain('Old passwords:')
    expect(stdout).not.toContain('Bank')
    expect(stdout).not.toContain('Wifi')
    expectNoSecretIn(stdout + stderr, [...secrets, USERNAME, 'github.com'])
  })

  it('takes no arguments', async () => {
    await expect(runHealth(['GitHub'])).rejects.toMatchObject({ code: 'USAGE' })
    expect(health.help).toMatch(/^Usage: vault health \[--json\]/)
  })
})
