/**
 * The same journeys in the real Electron app (main, preload, app:// protocol,
 * OS clipboard), with main's test hooks on (VAULT_E2E_HOOKS=1, see
 * src-main/app/e2e-hooks.ts) and a fresh data folder per test. Skipped,
 * loudly, where no Electron binary exists; REQUIRE_ELECTRON=1 makes that a
 * failure instead.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron, test as base, type ElectronApplication } from '@playwright/test'
import { findElectronBinary } from './support/electron-binary.ts'
import { electronMainControl } from './support/electron-main-control.ts'
import { collectPageErrors, type JourneyFixtures, registerJourney, screenshotSaver } from './support/journey.ts'
import { PROJECT_ROOT } from './support/paths.ts'

const binary = findElectronBinary()

if (!binary.found) {
  if (process.env.REQUIRE_ELECTRON === '1') {
    throw new Error(`[electron e2e] FAILED: REQUIRE_ELECTRON=1 but there is no Electron binary: ${binary.reason}`)
  }
  // Printed once, by the runner; the list reporter does not show skip reasons.
  if (process.env.TEST_WORKER_INDEX === undefined) console.warn(`[electron e2e] SKIPPED: ${binary.reason}`)
}

const test = base.extend<JourneyFixtures & { electronApp: ElectronApplication }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures must destructure their dependencies.
  electronApp: async ({}, use) => {
    if (!binary.found) throw new Error('unreachable: the file is skipped without a binary')
    const dataDir = mkdtempSync(join(tmpdir(), 'vault-electron-e2e-'))
    // Chromium's own sandbox cannot start as root (containers, CI); the renderer sandbox flag still applies.
    const rootOnly = process.getuid?.() === 0 ? ['--no-sandbox'] : []
    const app = await _electron.launch({
      executablePath: binary.path,
      args: ['.', ...rootOnly],
      cwd: PROJECT_ROOT,
      env: { ...process.env, VAULT_DATA_DIR: dataDir, VAULT_E2E_HOOKS: '1' } as Record<string, string>,
    })
    await use(app)
    await app.close()
    rmSync(dataDir, { recursive: true, force: true })
  },
  // Attached as soon as the window exists; errors before that show up as a failed load instead.
  pageErrors: async ({ electronApp }, use) => {
    await use(collectPageErrors(await electronApp.firstWindow()))
  },
  appPage: async ({ electronApp, pageErrors: _ }, use) => {
    const page = await electronApp.firstWindow()
    await page.waitForLoadState('domcontentloaded')
    await use(page)
  },
  main: async ({ electronApp }, use) => {
    await use(electronMainControl(electronApp))
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures must destructure their dependencies.
  saveScreenshot: async ({}, use, testInfo) => {
    await use(screenshotSaver(testInfo))
  },
})

test.skip(!binary.found, binary.found ? '' : binary.reason)

registerJourney(test)
