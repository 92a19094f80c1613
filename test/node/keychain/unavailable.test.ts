/**
 * The store where no keychain can be reached, in a child process so the
 * environment (no session bus, no display, or no loadable keytar) is real for
 * libsecret and does not leak into other tests. Runs with or without the
 * throwaway keyring.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const FIXTURE = join(import.meta.dirname, 'fixtures', 'keychain-probe.ts')
const TIMEOUT_MS = 4_000
const INSTALL = 'apt-get install gnome-keyring dbus libsecret-1-0'

interface Outcome {
  readonly ms: number
  readonly value?: unknown
  readonly code?: string
  readonly message?: string
}
interface Report {
  readonly availability: Outcome
  readonly get: Outcome
  readonly set: Outcome
  readonly delete: Outcome
  readonly leaked: boolean
}

type Mode = 'bus' | 'no-keytar'

/**
 * Runs the fixture in an environment with no way to reach a desktop session:
 * no display, and XDG_RUNTIME_DIR an empty directory (so no $XDG_RUNTIME_DIR/bus).
 * `busAddress`, given that directory, sets DBUS_SESSION_BUS_ADDRESS.
 */
async function probe(mode: Mode, busAddress?: (emptyDir: string) => string) {
  const emptyDir = mkdtempSync(join(tmpdir(), 'vault-no-bus-'))
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_RUNTIME_DIR: emptyDir }
  for (const name of ['DISPLAY', 'WAYLAND_DISPLAY', 'DBUS_SESSION_BUS_ADDRESS']) delete env[name]
  if (busAddress) env.DBUS_SESSION_BUS_ADDRESS = busAddress(emptyDir)
  const started = performance.now()
  try {
    // The kill timer is only a backstop against a hang; the assertions on timings are much tighter.
    const { stdout } = await run(process.execPath, [FIXTURE, mode, String(TIMEOUT_MS)], {
      env,
      timeout: 4 * TIMEOUT_MS,
    })
    return { report: JSON.parse(stdout) as Report, elapsedMs: performance.now() - started }
  } finally {
    rmSync(emptyDir, { recursive: true, force: true })
  }
}

function expectUnavailable(report: Report, reasonPattern: RegExp): void {
  expect(report.availability.value).toEqual({ available: false, reason: expect.stringMatching(reasonPattern) })
  for (const call of [report.get, report.set, report.delete]) {
    expect(call.code).toBe('KEYCHAIN_UNAVAILABLE')
    expect(call.message).toMatch(reasonPattern)
  }
  for (const call of [report.availability, report.get, report.set, report.delete]) {
    expect(call.ms).toBeLessThan(TIMEOUT_MS)
  }
  expect(report.leaked).toBe(false)
}

describe.runIf(process.platform === 'linux')('OS keychain where none can be reached (Linux)', () => {
  const noBus = /D-Bus/
  const cases = [
    ['the session bus address names a socket that does not exist', (dir: string) => `unix:path=${join(dir, 'no-bus')}`],
    ['there is no session bus address and no display', undefined],
  ] as const

  for (const [situation, busAddress] of cases) {
    it(`says so plainly, without hanging, when ${situation}`, async () => {
      const { report, elapsedMs } = await probe('bus', busAddress)
      expectUnavailable(report, noBus)
      expect(report.availability.value).toMatchObject({ reason: expect.stringContaining(INSTALL) })
      expect(elapsedMs).toBeLessThan(2 * TIMEOUT_MS)
    })
  }

  it('says so plainly when keytar or libsecret cannot be loaded, and importing the module still works', async () => {
    const { report } = await probe('no-keytar')
    expectUnavailable(report, /keychain module could not be loaded \(libsecret-1\.so\.0: cannot open/)
    expect(report.availability.value).toMatchObject({ reason: expect.stringContaining('libsecret-1-0') })
  })
})
