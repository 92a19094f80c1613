/**
 * Locking and unlocking: by hand, with a wrong password first; with the
 * Secret Key typed when the keychain lost it; on system suspend and screen
 * lock; and after the idle delay.
 */
import { expect } from '@playwright/test'
import {
  lockScreen,
  lockViaUi,
  openSeededVault,
  screenshotBothThemes,
  seedLockedVault,
  submitUnlockViaUi,
  unlockViaUi,
  workspace,
} from '../support/app-actions.ts'
import type { JourneyTest } from '../support/journey.ts'

/** A single substitution in the last symbol: the checksum always catches it. */
function mistype(secretKey: string): string {
  const last = secretKey.at(-1)
  return secretKey.slice(0, -1) + (last === 'A' ? 'B' : 'A')
}

export function register(test: JourneyTest): void {
  test('lock and unlock: a wrong password is refused, the right one opens the vault', async ({
    appPage,
    main,
    saveScreenshot,
  }) => {
    const account = await seedLockedVault(appPage, main)
    const password = appPage.getByLabel('Master password', { exact: true })
    await expect(password).toBeFocused()
    await expect(appPage.getByLabel('Secret Key', { exact: true })).toHaveCount(0)
    await screenshotBothThemes(appPage, saveScreenshot, 'unlock')

    await submitUnlockViaUi(appPage, 'not my password at all')
    await expect(appPage.getByRole('alert')).toHaveText('That master password is not right. Try again.')
    await expect(password).toHaveValue('')
    await expect(password).toBeFocused()
    await saveScreenshot(appPage, 'unlock-wrong-password')

    await unlockViaUi(appPage, account.password)
    await expect(lockScreen(appPage)).toHaveCount(0)
  })

  test('unlock asks for the Secret Key when the keychain lost it, and names a typo', async ({
    appPage,
    main,
    saveScreenshot,
  }) => {
    const account = await openSeededVault(appPage, main)
    await main.forgetSecretKey()
    await lockViaUi(appPage)

    const secretKeyField = appPage.getByLabel('Secret Key', { exact: true })
    await expect(secretKeyField).toBeVisible()
    await expect(appPage.getByTestId('secret-key-reason')).toContainText('does not have the Secret Key')

    await secretKeyField.fill(mistype(account.secretKey))
    await expect(appPage.getByRole('alert')).toHaveText(
      'The Secret Key does not check out: a character is mistyped or two are swapped.',
    )
    await expect(secretKeyField).toHaveAttribute('aria-invalid', 'true')
    await saveScreenshot(appPage, 'unlock-secret-key-typo')

    // Typed as people do: lower case, spaces for dashes.
    await secretKeyField.fill(account.secretKey.toLowerCase().replaceAll('-', ' '))
    await expect(appPage.getByTestId('secret-key-valid')).toBeVisible()
    await unlockViaUi(appPage, account.password)

    // The key that worked went back into the keychain: the next unlock does not ask.
    await lockViaUi(appPage)
    await expect(secretKeyField).toHaveCount(0)
    await unlockViaUi(appPage, account.password)
  })

  test('locks on system suspend and on screen lock, and says why', async ({ appPage, main }) => {
    const account = await openSeededVault(appPage, main)

    await main.lockFromSystem('suspend')
    await expect(workspace(appPage)).toHaveCount(0)
    await expect(appPage.getByTestId('lock-notice')).toHaveText('Locked because the computer went to sleep.')
    await unlockViaUi(appPage, account.password)

    await main.lockFromSystem('screen-lock')
    await expect(workspace(appPage)).toHaveCount(0)
    await expect(appPage.getByTestId('lock-notice')).toHaveText('Locked because the screen was locked.')
  })

  test('locks by itself after the idle delay', async ({ appPage, main }) => {
    await openSeededVault(appPage, main)
    await main.setAutoLockMs(1_500)
    await expect(lockScreen(appPage)).toBeVisible({ timeout: 10_000 })
    await expect(appPage.getByTestId('lock-notice')).toHaveText('Locked after 2 seconds of inactivity.')
  })
}
