/**
 * The user journey, written once and registered by both renderer.spec.ts
 * (Debian Chromium + the real IPC dispatcher) and electron.spec.ts (the real
 * app), so the two can never drift apart.
 */
import type {
  Page,
  PlaywrightTestArgs,
  PlaywrightTestOptions,
  PlaywrightWorkerArgs,
  PlaywrightWorkerOptions,
  TestType,
} from '@playwright/test'
import { expect } from '@playwright/test'
import {
  type AccountId,
  formatSecretKey,
  generateAccountId,
  generateSecretKey,
  initCrypto,
  parseSecretKey,
} from '../../../src-main/crypto/index.ts'
import { CONTENT_SECURITY_POLICY_META } from '../../../src-main/window/csp.ts'
import { METHODS } from '../../../src-shared/ipc/methods.ts'
import type { PageGlobals } from './page-globals.ts'
import { APP_IDENTITY } from './paths.ts'

export interface JourneyFixtures {
  /** The app's window, loaded and idle. */
  readonly appPage: Page
  /** Console errors and uncaught exceptions seen since the page started loading. */
  readonly pageErrors: string[]
}

export type JourneyTest = TestType<
  PlaywrightTestArgs & PlaywrightTestOptions & JourneyFixtures,
  PlaywrightWorkerArgs & PlaywrightWorkerOptions
>

/** Records errors from the very first document on; call before navigating. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

export function registerJourney(test: JourneyTest): void {
  test('loads under the strict CSP without a single console error', async ({ appPage, pageErrors }) => {
    await expect(appPage.getByTestId('app-version')).toBeVisible()
    expect(pageErrors).toEqual([])
    const meta = appPage.locator('meta[http-equiv="Content-Security-Policy"]')
    await expect(meta).toHaveAttribute('content', CONTENT_SECURITY_POLICY_META)
    expect(await probeCsp(appPage)).toEqual({ inlineScriptRan: false, evalRan: false, innerHtmlRan: false })
  })

  test('shows the app info from the main process', async ({ appPage }) => {
    await expect(appPage.getByRole('heading', { level: 1, name: 'Vault' })).toBeVisible()
    await expect(appPage.getByTestId('app-version')).toHaveText(`${APP_IDENTITY.name} ${APP_IDENTITY.version}`)
    await expect(appPage.getByTestId('crypto-format')).toHaveText('v1')
    await expect(appPage.getByTestId('kdf-floor')).toHaveText('Argon2id, 64 MiB, 3 passes')
  })

  test('a mistyped Secret Key shows what is wrong with it', async ({ appPage }) => {
    const mistyped = mistype(await newFormattedSecretKey())
    await checkSecretKey(appPage, mistyped)
    await expect(appPage.getByRole('status')).toHaveText(await expectedTypoMessage(mistyped))
    await expect(appPage.getByLabel('Secret Key', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  })

  test('a valid Secret Key, typed in lower case with spaces, shows its account id', async ({ appPage }) => {
    await initCrypto()
    const accountId = generateAccountId()
    const typed = formatSecretKey(generateSecretKey(accountId)).toLowerCase().replaceAll('-', ' ')
    await checkSecretKey(appPage, typed)
    await expect(appPage.getByRole('status')).toHaveText(`This Secret Key belongs to account ${accountId}.`)
  })

  test('the page gets exactly the IPC methods, frozen, and no Node', async ({ appPage }) => {
    const surface = await appPage.evaluate(() => {
      const page = globalThis as unknown as PageGlobals
      return {
        keys: Object.keys(page.vault).sort(),
        frozen: Object.isFrozen(page.vault),
        requireType: typeof page.require,
        processType: typeof page.process,
      }
    })
    expect(surface).toEqual({
      keys: [...METHODS].sort(),
      frozen: true,
      requireType: 'undefined',
      processType: 'undefined',
    })
  })
}

async function checkSecretKey(page: Page, typed: string): Promise<void> {
  await page.getByLabel('Secret Key', { exact: true }).fill(typed)
  await page.getByRole('button', { name: 'Check' }).click()
}

async function newFormattedSecretKey(accountId?: AccountId): Promise<string> {
  await initCrypto()
  return formatSecretKey(generateSecretKey(accountId ?? generateAccountId()))
}

/** Replaces the last symbol with another valid one: a single substitution, which the checksum always catches. */
function mistype(formatted: string): string {
  const last = formatted.at(-1)
  return formatted.slice(0, -1) + (last === 'A' ? 'B' : 'A')
}

async function expectedTypoMessage(typed: string): Promise<string> {
  try {
    parseSecretKey(typed)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('the mistyped key parsed; the test is broken')
}

/** Tries the three things the CSP must stop: inline script, eval, and HTML from a string. */
function probeCsp(page: Page): Promise<{ inlineScriptRan: boolean; evalRan: boolean; innerHtmlRan: boolean }> {
  return page.evaluate(async () => {
    const { document } = globalThis as unknown as PageGlobals
    const attempt = (run: () => void): boolean => {
      try {
        run()
        return true
      } catch {
        return false
      }
    }
    // A text node, not textContent: Trusted Types would refuse textContent before the CSP got a say.
    const script = document.createElement('script')
    script.append(document.createTextNode('globalThis.__inlineRan = true'))
    document.head.append(script)
    return {
      inlineScriptRan: (globalThis as { __inlineRan?: boolean }).__inlineRan === true,
      // In a later task: DevTools lets eval through while page.evaluate itself runs.
      evalRan: await new Promise<boolean>((resolve) => setTimeout(() => resolve(attempt(() => new Function('')())))),
      innerHtmlRan: attempt(() => {
        document.createElement('div').innerHTML = '<b>not allowed</b>'
      }),
    }
  })
}
