/**
 * The window itself: the strict CSP holds with no console error, and the
 * page gets exactly the IPC surface and nothing of Node.
 */
import { expect, type Page } from '@playwright/test'
import { CONTENT_SECURITY_POLICY_META } from '../../../src-main/window/csp.ts'
import { METHODS, ON_EVENT } from '../../../src-shared/ipc/methods.ts'
import type { JourneyTest } from '../support/journey.ts'
import type { PageGlobals } from '../support/page-globals.ts'

export function register(test: JourneyTest): void {
  test('loads under the strict CSP without a single console error', async ({ appPage, pageErrors }) => {
    // The first screen has asked main for the vault's state and rendered its answer.
    await expect(appPage.getByRole('main')).toBeVisible()
    expect(pageErrors).toEqual([])
    const meta = appPage.locator('meta[http-equiv="Content-Security-Policy"]')
    await expect(meta).toHaveAttribute('content', CONTENT_SECURITY_POLICY_META)
    expect(await probeCsp(appPage)).toEqual({ inlineScriptRan: false, evalRan: false, innerHtmlRan: false })
  })

  test('the page gets exactly the IPC methods, frozen, and no Node', async ({ appPage }) => {
    const surface = await appPage.evaluate(() => {
      const page = globalThis as unknown as PageGlobals
      return {
        keys: Object.keys(page.vault).sort(),
        functions: Object.values(page.vault).every((value) => typeof value === 'function'),
        frozen: Object.isFrozen(page.vault),
        requireType: typeof page.require,
        processType: typeof page.process,
      }
    })
    expect(surface).toEqual({
      keys: [...METHODS, ON_EVENT].sort(),
      functions: true,
      frozen: true,
      requireType: 'undefined',
      processType: 'undefined',
    })
  })
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
