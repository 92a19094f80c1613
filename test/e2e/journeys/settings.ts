/** Settings: a changed delay is saved at once, confirmed, and still there after the window reloads. */
import { expect, type Page } from '@playwright/test'
import { openSeededVault, screenshotBothThemes, workspace } from '../support/app-actions.ts'
import type { JourneyTest } from '../support/journey.ts'

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  await expect(dialog.getByLabel('Auto-lock after')).toBeEnabled()
  return dialog
}

const selectedLabel = (page: Page, label: string) =>
  page
    .getByLabel(label)
    .evaluate((select) => (select as unknown as { selectedOptions: { text: string }[] }).selectedOptions[0]?.text)

export function register(test: JourneyTest): void {
  test('settings: a changed delay is saved at once and survives a reload', async ({
    appPage,
    main,
    saveScreenshot,
  }) => {
    await openSeededVault(appPage, main)
    let settings = await openSettings(appPage)
    await expect(settings.getByTestId('app-version')).toHaveText(/^Vault \d+\.\d+\.\d+/)
    await expect(settings.getByTestId('crypto-format')).toHaveText('v1')
    expect(await selectedLabel(appPage, 'Auto-lock after')).toBe('10 minutes')

    await settings.getByLabel('Auto-lock after').selectOption({ label: '5 minutes' })
    await expect(settings.getByTestId('autoLockMs-status')).toHaveText('Saved')
    await settings.getByLabel('Clear copied secrets after').selectOption({ label: '1 minute' })
    await expect(settings.getByTestId('clipboardClearMs-status')).toHaveText('Saved')
    await screenshotBothThemes(appPage, saveScreenshot, 'settings')
    await appPage.keyboard.press('Escape')
    await expect(settings).toHaveCount(0)

    await appPage.reload()
    await expect(workspace(appPage)).toBeVisible()
    settings = await openSettings(appPage)
    expect(await selectedLabel(appPage, 'Auto-lock after')).toBe('5 minutes')
    expect(await selectedLabel(appPage, 'Clear copied secrets after')).toBe('1 minute')
  })
}
