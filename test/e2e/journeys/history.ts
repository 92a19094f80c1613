/** History: every save is a version; an earlier one can be looked at and restored as the newest. */
import { expect, type Page } from '@playwright/test'
import type { JourneyTest } from '../support/journey.ts'
import { detailTitle, fill, openVaultWithItems, reveal, saveItem, selectItem } from './item-steps.ts'

async function renameSelected(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Edit', exact: true }).click()
  await fill(page, { Title: title })
  await saveItem(page, title)
}

export function register(test: JourneyTest): void {
  test('history: two renames, then version 1 restored', async ({ appPage: page, main, saveScreenshot }) => {
    await openVaultWithItems(page, main, [
      { type: 'login', title: 'Mail', fields: { username: 'ada', password: 'first-Pa55!' } },
    ])
    await selectItem(page, 'Mail')
    await renameSelected(page, 'Mail (work)')
    await renameSelected(page, 'Mail (old)')

    await page.getByRole('button', { name: 'History', exact: true }).click()
    const versions = page.getByTestId('history-entry')
    await expect(versions).toHaveText([
      /Version 3\s*Current.*Mail \(old\)/,
      /Version 2.*Mail \(work\)/,
      /Version 1.*Mail/,
    ])
    await versions.filter({ hasText: 'Version 1' }).click()
    const preview = page.getByTestId('history-preview')
    await expect(preview).toContainText('Version 1, read-only')
    await expect(await reveal(page, 'password', 'Password')).toHaveText('first-Pa55!')
    await saveScreenshot(page, 'history')

    await page.getByRole('button', { name: 'Restore this version' }).click()
    await expect(page.getByRole('status').getByText('Version 1 restored')).toBeVisible()
    await expect(detailTitle(page)).toHaveText('Mail')
    await page.getByRole('button', { name: 'History', exact: true }).click()
    await expect(versions).toHaveCount(4)
    await expect(versions.first()).toContainText('Current')
    await page.keyboard.press('Escape')
    await expect(detailTitle(page)).toHaveText('Mail')
  })
}
