/**
 * The built renderer in Debian's Chromium, talking to the real main-process
 * IPC dispatcher and handlers through a stand-in for the preload.
 */
import { test as base, expect } from '@playwright/test'
import { initCrypto } from '../../src-main/crypto/index.ts'
import { createIpcDispatcher } from '../../src-main/ipc/dispatcher.ts'
import { createIpcHandlers } from '../../src-main/ipc/handlers.ts'
import { CONTENT_SECURITY_POLICY } from '../../src-main/window/csp.ts'
import { collectPageErrors, type JourneyFixtures, registerJourney } from './support/journey.ts'
import { APP_IDENTITY, RENDERER_OUT_DIR } from './support/paths.ts'
import { type RendererServer, startRendererServer } from './support/static-server.ts'
import { installVaultBridge } from './support/vault-bridge.ts'

const test = base.extend<JourneyFixtures & { server: RendererServer }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures must destructure their dependencies.
  server: async ({}, use) => {
    const server = await startRendererServer(RENDERER_OUT_DIR)
    await use(server)
    await server.close()
  },
  pageErrors: async ({ page }, use) => {
    await use(collectPageErrors(page))
  },
  appPage: async ({ page, server, pageErrors: _ }, use) => {
    await initCrypto()
    const handlers = createIpcHandlers(APP_IDENTITY)
    await installVaultBridge(page, createIpcDispatcher(handlers, { trustedOrigins: [server.origin] }))
    await page.goto(`${server.origin}/index.html`)
    await use(page)
  },
})

registerJourney(test)

test('every response carries the app protocol CSP header', async ({ page, server }) => {
  const response = await page.goto(`${server.origin}/index.html`)
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
})

test('a page on another origin is refused by the dispatcher', async ({ page, server }) => {
  await initCrypto()
  const trustedElsewhere = createIpcDispatcher(createIpcHandlers(APP_IDENTITY), { trustedOrigins: ['app://vault'] })
  await installVaultBridge(page, trustedElsewhere)
  await page.goto(`${server.origin}/index.html`)
  await expect(page.locator('.app-info')).toHaveText('This window is not allowed to talk to the vault.')
})
