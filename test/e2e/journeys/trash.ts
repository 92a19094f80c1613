/** The trash: move an item there, restore it, and empty the trash for good (after a confirmation). */
import { expect, type Page } from '@playwright/test'
import type { JourneyTest } from '../support/journey.ts'
import { detailTitle, itemRows, openVaultWithItems, resultCount, SAMPLE_ITEMS, selectItem } from './item-steps.ts'

const sidebarLink = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Vault sections' }).getByRole('button', { name: new RegExp(`^${name}`) })

async function trash(page: Page, title: string): Promise<void> {
  await selectItem(page, title)
  await page.getByRole('button', { name: 'Move to trash' }).click()
  await expect(page.getByRole('status').getByText(`“${title}” moved to the trash`)).toBeVisible()
}

export function register(test: JourneyTest): void {
  test('trash: an item moved to the trash can be restored', async ({ appPage: page, main, saveScreenshot }) => {
    await openVaultWithItems(page, main, SAMPLE_ITEMS.slice(0, 4))
    await trash(page, 'Netflix')
    await expect(resultCount(page)).toHaveText('3 items')
    await expect(itemRows(page).filter({ hasText: 'Netflix' })).toHaveCount(0)
    await expect(sidebarLink(page, 'Trash')).toContainText('1')

    await sidebarLink(page, 'Trash').click()
    await expect(itemRows(page)).toHaveText([/Netflix/])
    await expect(detailTitle(page)).toHaveText('Netflix')
    await expect(page.getByText('This item is in the trash.')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0)
    await saveScreenshot(page, 'trash')
    await page.getByRole('button', { name: 'Restore', exact: true }).click()
    await expect(page.getByText('Trash is empty')).toBeVisible()
    await sidebarLink(page, 'All items').click()
    await expect(resultCount(page)).toHaveText('4 items')
  })

  test('trash: emptying it asks first, then deletes for good', async ({ appPage: page, main }) => {
    await openVaultWithItems(page, main, SAMPLE_ITEMS.slice(0, 4))
    await trash(page, 'Google')
    await trash(page, 'AWS Console')
    await sidebarLink(page, 'Trash').click()
    await expect(resultCount(page)).toHaveText('2 items')

    await page.getByRole('button', { name: 'Empty trash' }).click()
    const confirm = page.getByRole('dialog', { name: 'Empty the trash?' })
    await expect(confirm).toContainText('The 2 items in the trash')
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    await expect(resultCount(page)).toHaveText('2 items')

    await page.getByRole('button', { name: 'Empty trash' }).click()
    await page.getByRole('dialog', { name: 'Empty the trash?' }).getByRole('button', { name: 'Empty trash' }).click()
    await expect(page.getByText('Trash is empty')).toBeVisible()
    await expect(page.getByRole('status').getByText('Trash emptied: 2 items deleted for good')).toBeVisible()
    await sidebarLink(page, 'All items').click()
    await expect(itemRows(page)).toHaveText([/GitHub/, /Netflix/])
  })
}
