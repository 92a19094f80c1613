/**
 * Cold unlock-to-searchable, one fresh Node process per run (unlock-driver.ts),
 * with and without the lock screen's pre-warmed Argon2 worker, in an order
 * rotated per round so the machine's noise lands on both alike.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { BuiltVault } from './build.ts'
import { PASSWORD } from './build.ts'
import { rotated } from './order.ts'
import type { DriverInput, DriverOutput } from './unlock-driver.ts'

const DRIVER = fileURLToPath(new URL('./unlock-driver.ts', import.meta.url))
const DRIVER_TIMEOUT_MS = 60_000
/** Set to a folder to get a .cpuprofile of every driver run (node --cpu-prof). */
const CPU_PROF_ENV = 'VAULT_BENCH_CPU_PROF_DIR'

export interface UnlockVariant {
  readonly id: string
  readonly label: string
  readonly prewarm: boolean
}

export const UNLOCK_VARIANTS: readonly UnlockVariant[] = [
  { id: 'prewarmed', label: 'pre-warmed worker', prewarm: true },
  { id: 'cold', label: 'no pre-warm', prewarm: false },
]

/** variant id → one driver output per round. */
export type UnlockRun = Record<string, DriverOutput[]>

function driverArgs(): string[] {
  const profileDir = process.env[CPU_PROF_ENV]
  return profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, DRIVER] : [DRIVER]
}

/** Runs the driver in a fresh process; its stderr goes to ours, its stdout is the result. */
function runDriver(input: DriverInput): Promise<DriverOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, driverArgs(), {
      stdio: ['pipe', 'pipe', 'inherit'],
      timeout: DRIVER_TIMEOUT_MS,
    })
    let stdout = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk
    })
    child.on('error', reject)
    child.on('close', (code, signal) => {
      if (code !== 0) reject(new Error(`unlock driver exited with ${signal ?? `code ${code}`}`))
      else resolve(JSON.parse(stdout) as DriverOutput)
    })
    child.stdin.end(JSON.stringify(input))
  })
}

export async function measureUnlock(vault: BuiltVault, rounds: number, query: string): Promise<UnlockRun> {
  const run: UnlockRun = Object.fromEntries(UNLOCK_VARIANTS.map((v) => [v.id, [] as DriverOutput[]]))
  const base = { file: vault.file, accountId: vault.accountId, secretKey: vault.secretKey, password: PASSWORD, query }
  for (let r = 0; r < rounds; r += 1) {
    for (const variant of rotated(UNLOCK_VARIANTS, r)) {
      run[variant.id]?.push(await runDriver({ ...base, prewarm: variant.prewarm }))
    }
    console.error(`  vault unlock: round ${r + 1}/${rounds} done`)
  }
  return run
}

/** What went wrong in a run, as opposed to what was slow. */
export function unlockFailures(run: UnlockRun, expectedItems: number): string[] {
  const failures: string[] = []
  for (const [variant, samples] of Object.entries(run)) {
    samples.forEach((s, i) => {
      const at = `vault unlock ${variant} run ${i + 1}`
      if (s.itemCount !== expectedItems) failures.push(`${at}: ${s.itemCount} items, expected ${expectedItems}`)
      if (s.damagedCount !== 0) failures.push(`${at}: ${s.damagedCount} damaged items`)
      if (s.firstSearchResults === 0) failures.push(`${at}: the first search found nothing`)
      if (s.deriveMs === null || s.indexMs === null) failures.push(`${at}: no vault.unlock.* performance measures`)
    })
  }
  return failures
}
