/**
 * Reusable steps through the app's own screens, for any journey: create an
 * account the way a user does, unlock, lock, open the vault with a seeded
 * account. Each step waits until the screen it leads to is showing.
 */
import { expect, type Page } from '@playwright/test'
import type { MainControl, SeededAccount } from './main-control.ts'

export const NEW_ACCOUNT_EMAIL = 'grace@example.org'
/** Strong enough for main's master-password check (zxcvbn score 4). */
export const STRONG_PASSWORD = 'correct horse battery staple 42'

/** Unlock and key derivation at the floor cost take well under this, even on a slow CI box. */
const DERIVE_TIMEOUT_MS = 20_000

export const lockScreen = (page: Page) => page.getByTestId('unlock-screen')
export const workspace = (page: Page) => page.getByTestId('vault-workspace')

/** Welcome → form → Create; stops on the Secret Key screen and returns the key it shows. */
export async function startAccountViaUi(
  page: Page,
  account: { email?: string; password?: string } = {},
): Promise<{ email: string; password: string; secretKey: string }> {
  const email = account.email ?? NEW_ACCOUNT_EMAIL
  const password = account.password ?? STRONG_PASSWORD
  await page.getByRole('button', { name: 'Create a new vault' }).click()
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Master password', { exact: true }).fill(password)
  await page.getByLabel('Confirm master password', { exact: true }).fill(password)
  const create = page.getByRole('button', { name: 'Create vault' })
  await expect(create).toBeEnabled()
  await create.click()
  const secretKey = page.getByTestId('secret-key')
  await expect(secretKey).toBeVisible({ timeout: DERIVE_TIMEOUT_MS })
  return { email, password, secretKey: (await secretKey.textContent()) ?? '' }
}

/** On the Secret Key screen: ticks "I have saved my Secret Key" and opens the vault. */
export async function acknowledgeSecretKeyViaUi(page: Page): Promise<void> {
  await page.getByLabel('I have saved my Secret Key').check()
  await page.getByRole('button', { name: 'Open my vault' }).click()
  await expect(workspace(page)).toBeVisible()
}

/** The whole first run, through the UI; ends in the open (empty) vault. */
export async function createAccountViaUi(
  page: Page,
  account: { email?: string; password?: string } = {},
): Promise<{ email: string; password: string; secretKey: string }> {
  const created = await startAccountViaUi(page, account)
  await acknowledgeSecretKeyViaUi(page)
  return created
}

/** Types the password (and the Secret Key when given) on the lock screen and submits with Enter. */
export async function submitUnlockViaUi(page: Page, password: string, secretKey?: string): Promise<void> {
  await expect(lockScreen(page)).toBeVisible()
  await page.getByLabel('Master password', { exact: true }).fill(password)
  if (secretKey !== undefined) await page.getByLabel('Secret Key', { exact: true }).fill(secretKey)
  await page.getByLabel('Master password', { exact: true }).press('Enter')
}

/** Unlocks and waits for the workspace. */
export async function unlockViaUi(page: Page, password: string, secretKey?: string): Promise<void> {
  await submitUnlockViaUi(page, password, secretKey)
  await expect(workspace(page)).toBeVisible({ timeout: DERIVE_TIMEOUT_MS })
}

/** The sidebar's Lock button; waits for the lock screen. */
export async function lockViaUi(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock', exact: true }).click()
  await expect(lockScreen(page)).toBeVisible()
}

/**
 * An account made by main directly (no onboarding screens), then the page
 * reloaded: the vault is open. Returns the seeded credentials.
 */
export async function openSeededVault(page: Page, main: MainControl): Promise<SeededAccount> {
  const account = await main.seedAccount()
  await page.reload()
  await expect(workspace(page)).toBeVisible()
  return account
}

/** As openSeededVault, then locked: for journeys that start at the lock screen. */
export async function seedLockedVault(page: Page, main: MainControl): Promise<SeededAccount> {
  const account = await openSeededVault(page, main)
  await lockViaUi(page)
  return account
}

/** Longer than any colour transition in the app, so a theme switch is complete before the picture. */
const THEME_SETTLE_MS = 300

/** Saves `name` in the light theme and `name-dark` in the dark one, then goes back to light. */
export async function screenshotBothThemes(
  page: Page,
  saveScreenshot: (page: Page, name: string) => Promise<void>,
  name: string,
): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.waitForTimeout(THEME_SETTLE_MS)
  await saveScreenshot(page, name)
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.waitForTimeout(THEME_SETTLE_MS)
  await saveScreenshot(page, `${name}-dark`)
  await page.emulateMedia({ colorScheme: 'light' })
}
