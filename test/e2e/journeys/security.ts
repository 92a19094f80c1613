/**
 * Settings → Security: change the master password (the old one stops
 * working, the new one opens), make a new Secret Key (shown once; the old kit
 * is outdated until the new one is saved), and verify a kit against it.
 */
import { expect, type Page } from '@playwright/test'
import {
  lockViaUi,
  openSeededVault,
  screenshotBothThemes,
  submitUnlockViaUi,
  unlockViaUi,
} from '../support/app-actions.ts'
import type { JourneyTest } from '../support/journey.ts'
import { pdfText } from '../support/pdf-text.ts'

const NEW_PASSWORD = 'harbour lantern quilted 41 meadow'
/** Changing secrets runs Argon2id twice at the floor cost; generous on a busy machine. */
const CHANGE_TIMEOUT_MS = 30_000

async function openSecurity(page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const security = page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'Security' })
  await expect(security.getByRole('button', { name: 'Change master password' })).toBeVisible()
  return security
}

export function register(test: JourneyTest): void {
  test('security: a new master password replaces the old one', async ({ appPage, main, saveScreenshot }) => {
    const account = await openSeededVault(appPage, main)
    const security = await openSecurity(appPage)
    await screenshotBothThemes(appPage, saveScreenshot, 'security-settings')
    await security.getByRole('button', { name: 'Change master password' }).click()
    await security.getByLabel('Current master password', { exact: true }).fill(account.password)
    await security.getByLabel('New master password', { exact: true }).fill(NEW_PASSWORD)
    await security.getByLabel('Confirm new master password', { exact: true }).fill(NEW_PASSWORD)
    await security.getByRole('button', { name: 'Change master password' }).click()
    await expect(security.getByTestId('password-changed')).toBeVisible({ timeout: CHANGE_TIMEOUT_MS })
    await appPage.keyboard.press('Escape')

    await lockViaUi(appPage)
    await submitUnlockViaUi(appPage, account.password)
    await expect(appPage.getByRole('alert')).toContainText(/password/i, { timeout: CHANGE_TIMEOUT_MS })
    await unlockViaUi(appPage, NEW_PASSWORD)
  })

  test('security: a new Secret Key is shown once, outdates the old kit, and a new kit verifies', async ({
    appPage,
    main,
    saveScreenshot,
  }) => {
    const account = await openSeededVault(appPage, main)
    const security = await openSecurity(appPage)
    await security.getByRole('button', { name: 'New Secret Key' }).click()
    await security.getByLabel('Master password', { exact: true }).fill(account.password)
    await security.getByRole('button', { name: 'New Secret Key' }).click()
    const shown = security.getByTestId('secret-key')
    await expect(shown).toBeVisible({ timeout: CHANGE_TIMEOUT_MS })
    const newKey = ((await shown.textContent()) ?? '').replace(/\s/g, '')
    expect(newKey).toMatch(/^K1-/)
    expect(newKey).not.toBe(account.secretKey)
    await screenshotBothThemes(appPage, saveScreenshot, 'security-new-secret-key')

    await security.getByRole('button', { name: 'Save new Emergency Kit…' }).click()
    await expect.poll(async () => (await main.savedFiles()).length).toBe(1)
    const [kitFile] = await main.savedFiles()
    expect(pdfText(kitFile ?? '').replace(/\s/g, '')).toContain(newKey)

    await security.getByLabel('Secret Key or setup code from your kit').fill(account.secretKey)
    await security.getByRole('button', { name: 'Verify my kit' }).click()
    await expect(security.getByTestId('kit-verification')).toContainText('does not match')
    await security.getByLabel('Secret Key or setup code from your kit').fill(newKey)
    await security.getByRole('button', { name: 'Verify my kit' }).click()
    await expect(security.getByTestId('kit-verification')).toContainText('Secret Key matches')
    await appPage.keyboard.press('Escape')

    // The keychain now holds the new key: unlock needs only the password.
    await lockViaUi(appPage)
    await unlockViaUi(appPage, account.password)
  })
}
