/**
 * The built renderer in Debian's Chromium, talking to the real main-process
 * services (real crypto, a real SQLite file in a temporary folder) through
 * the real IPC dispatcher, with a stand-in for the preload.
 */
import { test as base, expect, type Page } from '@playwright/test'
import { initCrypto } from '../../src-main/crypto/index.ts'
import { createIpcDispatcher } from '../../src-main/ipc/dispatcher.ts'
import { CONTENT_SECURITY_POLICY } from '../../src-main/window/csp.ts'
import type { VaultEvent } from '../../src-shared/ipc/events.ts'
import { collectPageErrors, type JourneyFixtures, registerJourney, screenshotSaver } from './support/journey.ts'
import { type MainHarness, startMainHarness } from './support/main-harness.ts'
import { RENDERER_OUT_DIR } from './support/paths.ts'
import { type RendererServer, startRendererServer } from './support/static-server.ts'
import { emitToPage, installVaultBridge } from './support/vault-bridge.ts'

interface ChromiumFixtures {
  readonly server: RendererServer
  readonly harness: MainHarness
}

const test = base.extend<JourneyFixtures & ChromiumFixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures must destructure their dependencies.
  server: async ({}, use) => {
    const server = await startRendererServer(RENDERER_OUT_DIR)
    await use(server)
    await server.close()
  },
  harness: async ({ page }, use) => {
    await initCrypto()
    const harness = startMainHarness((event) => void deliver(page, event))
    await use(harness)
    // The window goes first, as in the app: a page still polling (a TOTP countdown) would otherwise call a closed store.
    await page.close()
    harness.close()
  },
  main: async ({ harness }, use) => {
    await use(harness.control)
  },
  pageErrors: async ({ page }, use) => {
    await use(collectPageErrors(page))
  },
  appPage: async ({ page, server, harness, pageErrors: _ }, use) => {
    await installVaultBridge(page, createIpcDispatcher(harness.services.handlers, { trustedOrigins: [server.origin] }))
    await page.goto(`${server.origin}/index.html`)
    await use(page)
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures must destructure their dependencies.
  saveScreenshot: async ({}, use, testInfo) => {
    await use(screenshotSaver(testInfo))
  },
})

function deliver(page: Page, event: VaultEvent): Promise<void> {
  return emitToPage(page, event)
}

registerJourney(test)

test('every response carries the app protocol CSP header', async ({ page, server }) => {
  const response = await page.goto(`${server.origin}/index.html`)
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
})

test('a page on another origin is refused by the dispatcher', async ({ page, server, harness }) => {
  const trustedElsewhere = createIpcDispatcher(harness.services.handlers, { trustedOrigins: ['app://vault'] })
  await installVaultBridge(page, trustedElsewhere)
  await page.goto(`${server.origin}/index.html`)
  const status = await page.evaluate(() =>
    (globalThis as unknown as { vault: { getStatus(): Promise<unknown> } }).vault.getStatus(),
  )
  expect(status).toEqual({
    ok: false,
    error: { code: 'FORBIDDEN_SENDER', message: 'This window is not allowed to talk to the vault.' },
  })
})
