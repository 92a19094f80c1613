/**
 * The fixtures every user journey gets, and the one place that registers the
 * journeys: renderer.spec.ts (Debian Chromium + the real main-process
 * services) and electron.spec.ts (the real app) both call registerJourney, so
 * the two can never drift apart.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type {
  Page,
  PlaywrightTestArgs,
  PlaywrightTestOptions,
  PlaywrightWorkerArgs,
  PlaywrightWorkerOptions,
  TestInfo,
  TestType,
} from '@playwright/test'
import { registerJourneys } from '../journeys/index.ts'
import type { MainControl } from './main-control.ts'
import { PROJECT_ROOT } from './paths.ts'

export interface JourneyFixtures {
  /** The app's window, loaded and idle, on a fresh vault folder (no account yet). */
  readonly appPage: Page
  /** Console errors and uncaught exceptions seen since the page started loading. */
  readonly pageErrors: string[]
  /** The main process behind the window (see main-control.ts). */
  readonly main: MainControl
  /** Saves a PNG of the page as a test artifact, under test-results/screenshots/<project>/<name>.png. */
  readonly saveScreenshot: (page: Page, name: string) => Promise<void>
}

export type JourneyTest = TestType<
  PlaywrightTestArgs & PlaywrightTestOptions & JourneyFixtures,
  PlaywrightWorkerArgs & PlaywrightWorkerOptions
>

export const SCREENSHOT_DIR = join(PROJECT_ROOT, 'test-results', 'screenshots')

/** Records errors from the very first document on; call before navigating. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

/** The screenshot fixture's implementation, shared by both projects. */
export function screenshotSaver(testInfo: TestInfo): (page: Page, name: string) => Promise<void> {
  return async (page, name) => {
    const folder = join(SCREENSHOT_DIR, testInfo.project.name)
    mkdirSync(folder, { recursive: true })
    const path = join(folder, `${name}.png`)
    await page.screenshot({ path, fullPage: false })
    await testInfo.attach(name, { path, contentType: 'image/png' })
  }
}

export function registerJourney(test: JourneyTest): void {
  registerJourneys(test)
}
