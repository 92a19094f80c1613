/**
 * Runs the real command line (src-main/cli/main.ts on this Node 24) as a
 * child process against a temp --data-dir, under the throwaway keyring of
 * scripts/with-keyring.sh. Every child's command line is read back from
 * /proc before it is given any input, so the tests can show that no secret
 * was ever in it.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { requireTestKeyring } from '../keychain/test-keyring.ts'

export const MAIN = join(import.meta.dirname, '..', '..', '..', 'src-main', 'cli', 'main.ts')
export const PASSWORD = 'glacier orbit pamphlet 93 tundra'
export const EMAIL = 'ada@example.org'
/** The Argon2id floor, so each unlock stays well under a second. */
export const FLOOR_KDF = ['--kdf-memory-mib', '64', '--kdf-passes', '3']

export interface CliResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Every command line the tests ran, as the kernel saw it. */
export const seenCommandLines: string[] = []

export interface RunOptions {
  /** Written to stdin, which is then closed. */
  readonly input?: string
  readonly env?: NodeJS.ProcessEnv
}

export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('spawn', () => {
      seenCommandLines.push(commandLineOf(child.pid))
      child.stdin.end(options.input ?? '')
    })
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** /proc/PID/cmdline: what `ps` shows every user of the machine. */
export function commandLineOf(pid: number | undefined): string {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ')
}

/** Lines for stdin: the master password first (--password-stdin), then whatever follows. */
export function lines(...parts: string[]): string {
  return parts.map((part) => `${part}\n`).join('')
}

export function expectNoSecretIn(text: string, secrets: readonly string[]): void {
  for (const secret of secrets) expect(text).not.toContain(secret)
}

export interface CliVault {
  readonly dir: string
  /** Runs a command on this vault with the master password on stdin. */
  run(args: readonly string[], ...stdinAfterPassword: string[]): Promise<CliResult>
  cleanup(): void
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'vault-cli-test-'))
}

/** A new vault at the KDF floor; its Secret Key goes to the (throwaway) OS keychain. */
export async function createVault(env?: NodeJS.ProcessEnv): Promise<CliVault & { secretKey: string }> {
  const dir = tempDataDir()
  const created = await runCli(['create', '--email', EMAIL, ...FLOOR_KDF, '--data-dir', dir, '--password-stdin'], {
    input: lines(PASSWORD),
    ...(env ? { env } : {}),
  })
  expect(created.stderr).not.toContain(PASSWORD)
  expect(created.code).toBe(0)
  return {
    dir,
    secretKey: created.stdout.trim(),
    run: (args, ...rest) =>
      runCli([...args, '--data-dir', dir, '--password-stdin'], {
        input: lines(PASSWORD, ...rest),
        ...(env ? { env } : {}),
      }),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
}

/** An environment in which no OS keychain can be reached: no session bus, no display. */
export function noKeychainEnv(emptyDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_RUNTIME_DIR: emptyDir }
  for (const name of ['DISPLAY', 'WAYLAND_DISPLAY', 'DBUS_SESSION_BUS_ADDRESS']) delete env[name]
  return env
}

/** Registers a check, after all of a file's tests, that no child ever had one of these secrets on its command line. */
export function guardCommandLines(secrets: string[]): void {
  afterAll(() => {
    // By construction: secrets only ever travel on stdin or a terminal.
    for (const commandLine of seenCommandLines) expectNoSecretIn(commandLine, secrets)
  })
}

/**
 * The set-up a test file with a fresh vault per test needs: the throwaway
 * keyring, cleanup after each test, and the command-line guard, which also
 * covers the Secret Key of every vault made through vault().
 */
export function perTestVaults(secrets: string[]) {
  const cleanups: (() => void)[] = []
  beforeAll(requireTestKeyring)
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup()
  })
  guardCommandLines(secrets)
  return {
    cleanups,
    async vault(env?: NodeJS.ProcessEnv) {
      const created = await createVault(env)
      secrets.push(created.secretKey)
      cleanups.push(created.cleanup)
      return created
    },
  }
}

/** Runs a command that must succeed and returns its stdout; a failure shows the command and its stderr. */
export async function succeeds(vault: CliVault, args: readonly string[], ...stdin: string[]): Promise<string> {
  const result = await vault.run(args, ...stdin)
  if (result.code !== 0) throw new Error(`vault ${args.join(' ')} exited ${result.code}: ${result.stderr}`)
  return result.stdout
}
