import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

/**
 * End-to-end tests, run by `npm run test:e2e` after `electron-vite build`:
 *   build-output       the built bundles themselves (worker, preload, index.html), in Node
 *   renderer-chromium  the built renderer in Debian's Chromium, wired to the real main-process IPC
 *   electron           the same journey in the real app, when an Electron binary exists
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

// Failing here, rather than skipping, so a machine without a browser can never pass the e2e run.
if (!existsSync(CHROMIUM)) {
  throw new Error(
    `No Chromium at ${CHROMIUM}. Install it with \`apt-get install chromium\` (Debian), ` +
      'or point CHROMIUM_PATH at a Chromium binary.',
  )
}

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 30_000,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  use: { trace: 'off' },
  projects: [
    { name: 'build-output', testMatch: /(build-output|main-process)\.spec\.ts/ },
    {
      name: 'renderer-chromium',
      testMatch: /renderer\.spec\.ts/,
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: CHROMIUM,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--headless',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
})
