/** The terminal path: prompts read in raw mode, with nothing typed ever echoed. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EMAIL, expectNoSecretIn, FLOOR_KDF, noKeychainEnv, PASSWORD, perTestVaults, tempDataDir } from './support.ts'
import { runInTerminal } from './terminal.ts'

const FIELD_SECRET = 'typed-field-secret-W9'
const secrets = [PASSWORD, FIELD_SECRET]
const typePassword = { after: 'Master password:', type: `${PASSWORD}\r` }

const { vault, cleanups } = perTestVaults(secrets)

describe('vault create on a terminal', () => {
  it('asks for the password twice without echo and shows the Secret Key', async () => {
    const dir = tempDataDir()
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const { code, screen } = await runInTerminal(
      ['create', '--email', EMAIL, ...FLOOR_KDF, '--data-dir', dir],
      [
        { after: 'Choose a master password:', type: `${PASSWORD}\r` },
        { after: 'Repeat it:', type: `${PASSWORD}\r` },
      ],
    )
    expect(code, screen).toBe(0)
    expect(screen).toMatch(/K1-[A-Z2-9]{6}(-[A-Z2-9]{5,6}){5}/)
    expect(screen).toContain('Strength:')
    expect(screen).not.toContain(PASSWORD)
  })

  it('refuses two different passwords, echoing neither', async () => {
    const dir = tempDataDir()
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const other = `${PASSWORD} again`
    const { code, screen } = await runInTerminal(
      ['create', '--email', EMAIL, ...FLOOR_KDF, '--data-dir', dir],
      [
        { after: 'Choose a master password:', type: `${PASSWORD}\r` },
        { after: 'Repeat it:', type: `${other}\r` },
      ],
    )
    expect(code, screen).toBe(6)
    expect(screen).toContain('do not match')
    expectNoSecretIn(screen, [PASSWORD, other])
  })
})

describe('unlocking on a terminal', () => {
  it('reads the password without echo, with Backspace and Ctrl-U editing', async () => {
    const { dir } = await vault()
    const { code, screen } = await runInTerminal(
      ['list', '--data-dir', dir],
      [{ after: 'Master password:', type: `garbage\u0015${PASSWORD}x\u007f\r` }],
    )
    expect(code, screen).toBe(0)
    expect(screen).toContain('No items.')
    expect(screen).not.toContain(PASSWORD)
    expect(screen).not.toContain('garbage')
  })

  it('exits 130 on Ctrl-C at the prompt', async () => {
    const { dir } = await vault()
    const { code, screen } = await runInTerminal(
      ['list', '--data-dir', dir],
      [{ after: 'Master password:', type: 'abc\u0003' }],
    )
    expect(code, screen).toBe(130)
    expect(screen).toContain('Cancelled.')
  })

  it('asks for the Secret Key when this device has none, without echo', async () => {
    const emptyDir = mkdtempSync(join(tmpdir(), 'vault-cli-no-bus-'))
    cleanups.push(() => rmSync(emptyDir, { recursive: true, force: true }))
    const env = noKeychainEnv(emptyDir)
    const { dir, secretKey } = await vault(env)
    const { code, screen } = await runInTerminal(
      ['list', '--data-dir', dir],
      [typePassword, { after: 'Secret Key:', type: `${secretKey}\r` }],
      env,
    )
    expect(code, screen).toBe(0)
    expect(screen).toContain('Emergency Kit')
    expectNoSecretIn(screen, [PASSWORD, secretKey])
  })
})

describe('prompted fields and confirmations', () => {
  it('takes a secret field and multi-line notes at no-echo prompts', async () => {
    const created = await vault()
    const { code, screen } = await runInTerminal(
      ['add', 'login', '--title', 'Typed', '--prompt', 'password', '--prompt', 'notes', '--data-dir', created.dir],
      [
        typePassword,
        { after: 'Password:', type: `${FIELD_SECRET}\r` },
        { after: 'Notes (end with Ctrl-D', type: 'first line\rsecond line\r\u0004' },
      ],
    )
    expect(code, screen).toBe(0)
    expectNoSecretIn(screen, [PASSWORD, FIELD_SECRET, 'first line'])
    expect((await created.run(['get', 'Typed', 'password'])).stdout).toBe(`${FIELD_SECRET}\n`)
    expect((await created.run(['get', 'Typed', 'notes'])).stdout).toBe('first line\nsecond line\n')
  })

  it('asks before emptying the trash, and empties it on "y"', async () => {
    const created = await vault()
    await created.run(['add', 'note', '--title', 'Old'])
    await created.run(['delete', 'Old'])
    const declined = await runInTerminal(
      ['empty-trash', '--data-dir', created.dir],
      [typePassword, { after: '[y/N]', type: 'n\r' }],
    )
    expect(declined.code, declined.screen).toBe(1)
    expect(declined.screen).toContain('Nothing was deleted.')
    const accepted = await runInTerminal(
      ['empty-trash', '--data-dir', created.dir],
      [typePassword, { after: '[y/N]', type: 'y\r' }],
    )
    expect(accepted.code, accepted.screen).toBe(0)
    expect(accepted.screen).toContain('Deleted 1 item(s) for good.')
  })
})
