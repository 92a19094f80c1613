/** The password generator: mode switch, length, entropy, regenerate, copy through main. */
import { expect } from '@playwright/test'
import { openSeededVault, screenshotBothThemes } from '../support/app-actions.ts'
import type { JourneyTest } from '../support/journey.ts'

export function register(test: JourneyTest): void {
  test('generator: length and mode change the value, and its entropy is shown', async ({
    appPage,
    main,
    saveScreenshot,
  }) => {
    await openSeededVault(appPage, main)
    await appPage.getByRole('button', { name: 'Password generator' }).click()
    const dialog = appPage.getByRole('dialog', { name: 'Password generator' })
    const value = dialog.getByTestId('generated-value')
    const entropy = dialog.getByTestId('generated-entropy')

    await expect(value).toHaveText(/^.{20}$/)
    await expect(entropy).toHaveText(/^\d+ bits of entropy$/)
    const first = await value.textContent()
    await dialog.getByRole('button', { name: 'Regenerate' }).click()
    await expect(value).not.toHaveText(first ?? '')

    await dialog.getByTestId('length-number').fill('32')
    await expect(value).toHaveText(/^.{32}$/)
    await expect(dialog.getByTestId('generated-strength')).toContainText('Very strong')
    await dialog.getByRole('button', { name: 'Copy' }).click()
    await expect(dialog.getByTestId('generator-copy-status')).toHaveText(/^Copied · clears in \d+ s$/)
    expect(await main.readClipboard()).toBe(await value.textContent())
    await screenshotBothThemes(appPage, saveScreenshot, 'generator')

    await dialog.getByRole('radio', { name: 'Passphrase' }).check()
    // Words are lower-case letters, and a few of the EFF list's have a hyphen of their own (t-shirt, yo-yo).
    await expect(value).toHaveText(/^[a-z-]+(-[a-z-]+){5,}$/)
    await dialog.getByLabel('Separator').selectOption({ label: 'Period ( . )' })
    await expect(value).toHaveText(/^[a-z-]+(\.[a-z-]+){5}$/)
    await dialog.getByTestId('words-number').fill('8')
    await expect(value).toHaveText(/^[a-z-]+(\.[a-z-]+){7}$/)
    await dialog.getByLabel('Capitalize words').check()
    await expect(value).toHaveText(/^[A-Z][a-z-]+(\.[A-Z][a-z-]+){7}$/)
    await saveScreenshot(appPage, 'generator-passphrase')
  })
}
