/** `vault create`, `status`, unlocking (keychain or typed Secret Key), and how each failure exits. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type CliVault,
  createVault,
  EMAIL,
  expectNoSecretIn,
  FLOOR_KDF,
  lines,
  noKeychainEnv,
  PASSWORD,
  perTestVaults,
  runCli,
  tempDataDir,
} from './support.ts'

const secrets: string[] = [PASSWORD]

const { vault, cleanups } = perTestVaults(secrets)

/** The same key with its last symbol changed: the checksum no longer holds. */
function typo(secretKey: string): string {
  const last = secretKey.at(-1) === 'A' ? 'B' : 'A'
  return secretKey.slice(0, -1) + last
}

describe('vault create', () => {
  it('prints the Secret Key once, warns to keep it, and stores it in the OS keychain', async () => {
    const dir = tempDataDir()
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const result = await runCli(['create', '--email', EMAIL, ...FLOOR_KDF, '--data-dir', dir, '--password-stdin'], {
      input: lines(PASSWORD),
    })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^K1-[A-Z2-9]{6}(-[A-Z2-9]{5,6}){5}\n$/)
    secrets.push(result.stdout.trim())
    expect(result.stderr).toMatch(/Strength: (strong|very strong)/)
    expect(result.stderr).toContain('Emergency Kit')
    expect(result.stderr).toContain('saved in the OS keychain')
    expectNoSecretIn(result.stderr, secrets)
    const status = await runCli(['status', '--json', '--data-dir', dir])
    expect(JSON.parse(status.stdout)).toMatchObject({
      state: 'locked',
      secretKeyInKeychain: true,
      fingerprint: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/),
    })
  })

  it("refuses a weak master password with zxcvbn's advice, and leaves no vault file", async () => {
    const dir = tempDataDir()
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const weak = 'password1234'
    const result = await runCli(['create', '--email', EMAIL, ...FLOOR_KDF, '--data-dir', dir, '--password-stdin'], {
      input: lines(weak),
    })
    expect(result.code).toBe(6)
    expect(result.stderr).toContain('WEAK_PASSWORD')
    expect(result.stderr).toMatch(/too easy to guess\. \S/)
    expectNoSecretIn(result.stderr + result.stdout, [weak])
    expect(existsSync(join(dir, 'vault.sqlite3'))).toBe(false)
  })

  it('refuses key derivation below the floor, and a second account', async () => {
    const dir = tempDataDir()
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const args = ['create', '--email', EMAIL, '--data-dir', dir, '--password-stdin']
    const low = await runCli([...args, '--kdf-memory-mib', '32', '--kdf-passes', '3'], { input: lines(PASSWORD) })
    expect(low.code).toBe(6)
    expect(low.stderr).toContain('KDF_BELOW_FLOOR')
    const half = await runCli([...args, '--kdf-passes', '3'], { input: lines(PASSWORD) })
    expect(half.code).toBe(2)
    const { dir: existing } = await vault()
    const again = await runCli(['create', '--email', EMAIL, ...FLOOR_KDF, '--data-dir', existing, '--password-stdin'], {
      input: lines(PASSWORD),
    })
    expect(again.code).toBe(5)
    expect(again.stderr).toContain('ACCOUNT_EXISTS')
  })
})

describe('vault status and a missing vault', () => {
  it('reports no vault without creating one; other commands exit 5 with a hint', async () => {
    const dir = join(tempDataDir(), 'nothing-here')
    cleanups.push(() => rmSync(join(dir, '..'), { recursive: true, force: true }))
    const status = await runCli(['status', '--json', '--data-dir', dir])
    expect(status.code).toBe(0)
    expect(JSON.parse(status.stdout)).toMatchObject({ state: 'no-account', vaultFile: join(dir, 'vault.sqlite3') })
    const list = await runCli(['list', '--data-dir', dir, '--password-stdin'], { input: lines(PASSWORD) })
    expect(list.code).toBe(5)
    expect(list.stderr).toContain('NO_ACCOUNT')
    expect(list.stderr).toContain('vault create')
    expect(existsSync(dir)).toBe(false)
  })

  it('takes the folder from VAULT_DATA_DIR', async () => {
    const { dir } = await vault()
    const status = await runCli(['status'], { env: { ...process.env, VAULT_DATA_DIR: dir } })
    expect(status.stdout).toContain(join(dir, 'vault.sqlite3'))
    expect(status.stdout).toContain('in the OS keychain')
  })
})

describe('unlocking', () => {
  let shared: CliVault & { secretKey: string }
  beforeAll(async () => {
    shared = await createVault()
    secrets.push(shared.secretKey)
  })
  afterAll(() => shared.cleanup())

  it('exits 3 on a wrong password, without echoing it', async () => {
    const wrong = `${PASSWORD}!`
    const result = await runCli(['list', '--data-dir', shared.dir, '--password-stdin'], { input: lines(wrong) })
    expect(result.code).toBe(3)
    expect(result.stderr).toContain('WRONG_PASSWORD_OR_SECRET_KEY')
    expectNoSecretIn(result.stderr + result.stdout, [wrong, PASSWORD, shared.secretKey])
  })

  it('exits 3 on an empty password and 2 when there is no terminal to ask on', async () => {
    const empty = await runCli(['list', '--data-dir', shared.dir, '--password-stdin'], { input: '' })
    expect(empty.code).toBe(3)
    expect(empty.stderr).toContain('PASSWORD_EMPTY')
    const noTerminal = await runCli(['list', '--data-dir', shared.dir], { input: lines(PASSWORD) })
    expect(noTerminal.code).toBe(2)
    expect(noTerminal.stderr).toContain('--password-stdin')
  })
})

describe('without an OS keychain', () => {
  let emptyDir: string
  let env: NodeJS.ProcessEnv
  let shared: CliVault & { secretKey: string }
  beforeAll(async () => {
    emptyDir = mkdtempSync(join(tmpdir(), 'vault-cli-no-bus-'))
    env = noKeychainEnv(emptyDir)
    shared = await createVault(env)
    secrets.push(shared.secretKey)
  })
  afterAll(() => {
    shared.cleanup()
    rmSync(emptyDir, { recursive: true, force: true })
  })

  it('reads the Secret Key from the line after the password', async () => {
    const status = await runCli(['status', '--json', '--data-dir', shared.dir], { env })
    expect(JSON.parse(status.stdout)).toMatchObject({ state: 'locked', secretKeyInKeychain: null })
    const result = await shared.run(['list', '--json'], shared.secretKey)
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual([])
  })

  it('exits 3 with SECRET_KEY_REQUIRED when no Secret Key follows', async () => {
    const result = await shared.run(['list'])
    expect(result.code).toBe(3)
    expect(result.stderr).toContain('SECRET_KEY_REQUIRED')
  })

  it('exits 3 on a mistyped Secret Key, without echoing it', async () => {
    const mistyped = typo(shared.secretKey)
    const result = await shared.run(['list'], mistyped)
    expect(result.code).toBe(3)
    expect(result.stderr).toContain('SECRET_KEY_TYPO')
    expectNoSecretIn(result.stderr, [mistyped, shared.secretKey, PASSWORD])
  })

  it('reads a JSON document after the Secret Key line', async () => {
    const added = await shared.run(['add', '--json'], shared.secretKey, '{"type":"note","title":"Kept"}')
    expect(added.code).toBe(0)
    const title = await shared.run(['get', 'Kept', 'title'], shared.secretKey)
    expect(title.stdout).toBe('Kept\n')
  })
})
