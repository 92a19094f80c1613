/**
 * Search and filters: every keystroke narrows the list; the sidebar filters
 * by type, tag and favourites; the keyboard alone moves through results,
 * opens one and comes back to the search box.
 */
import { expect } from '@playwright/test'
import { lockScreen } from '../support/app-actions.ts'
import type { JourneyTest } from '../support/journey.ts'
import { detailTitle, itemRows, openVaultWithItems, resultCount, searchBox } from './item-steps.ts'

const sidebar = (page: import('@playwright/test').Page) => page.getByRole('navigation', { name: 'Vault sections' })

export function register(test: JourneyTest): void {
  test('search: a query narrows the list; type, tag and favourites filter it', async ({ appPage: page, main }) => {
    await openVaultWithItems(page, main)
    await searchBox(page).fill('git')
    await expect(itemRows(page)).toHaveText([/GitHub/])
    await expect(resultCount(page)).toHaveText('1 item')
    await expect(detailTitle(page)).toHaveText('GitHub')

    await searchBox(page).fill('lovelace')
    await expect(itemRows(page)).toHaveText([/Ada Lovelace/, /Google/, /Mastercard Travel/, /Visa Platinum/])
    await searchBox(page).fill('nothing like this')
    await expect(page.getByText('No results for “nothing like this”')).toBeVisible()
    await searchBox(page).press('Escape')
    await expect(searchBox(page)).toHaveValue('')
    await expect(resultCount(page)).toHaveText('12 items')

    await sidebar(page)
      .getByRole('button', { name: /^Credit cards/ })
      .click()
    await expect(itemRows(page)).toHaveText([/Mastercard Travel/, /Visa Platinum/])
    await sidebar(page).getByRole('button', { name: /^work/ }).click()
    await expect(itemRows(page)).toHaveText([/AWS Console/, /Build server/, /GitHub/, /Stripe API/])
    await searchBox(page).fill('stripe')
    await expect(itemRows(page)).toHaveText([/Stripe API/])
    await searchBox(page).fill('')
    await sidebar(page)
      .getByRole('button', { name: /^Favorites/ })
      .click()
    await expect(itemRows(page)).toHaveText([/GitHub/, /Netflix/])
    await sidebar(page)
      .getByRole('button', { name: /^Logins/ })
      .click()
    await expect(resultCount(page)).toHaveText('5 items')
    await page.getByRole('list', { name: 'Tags' }).getByRole('button', { name: 'work' }).click()
    await expect(sidebar(page).getByRole('button', { name: /^work/ })).toHaveAttribute('aria-current', 'page')
  })

  test('search: the keyboard alone finds, opens and leaves an item', async ({ appPage: page, main }) => {
    await openVaultWithItems(page, main)
    await page.keyboard.press('ControlOrMeta+f')
    await expect(searchBox(page)).toBeFocused()
    await page.keyboard.type('ex')
    await expect(itemRows(page)).toHaveText([/Ada Lovelace/, /Bank of Example/, /GitHub/, /Netflix/])
    await expect(detailTitle(page)).toHaveText('Ada Lovelace')
    await page.keyboard.press('ArrowDown')
    await expect(detailTitle(page)).toHaveText('Bank of Example')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowUp')
    await expect(detailTitle(page)).toHaveText('GitHub')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('item-detail')).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(searchBox(page)).toBeFocused()

    await page.keyboard.press('Tab')
    const list = page.getByRole('listbox', { name: 'Items' })
    await expect(list).toBeFocused()
    await page.keyboard.press('End')
    const last = itemRows(page).last()
    await expect(last).toHaveAttribute('aria-selected', 'true')
    await expect(list).toHaveAttribute('aria-activedescendant', (await last.getAttribute('id')) ?? '')
    await page.keyboard.press('Home')
    await expect(detailTitle(page)).toHaveText('Ada Lovelace')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('item-detail')).toBeFocused()
    await page.keyboard.press('/')
    await expect(searchBox(page)).toBeFocused()

    await page.keyboard.press('Escape')
    await expect(searchBox(page)).toHaveValue('')
    await list.focus()
    await page.keyboard.press('?')
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await expect(help).toContainText('Copy from the selected item')
    await page.keyboard.press('Escape')
    await expect(help).toHaveCount(0)
    await page.keyboard.press('ControlOrMeta+n')
    await page.getByRole('menuitem', { name: /^Secure note/ }).focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: 'New secure note' })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('item-detail')).toBeVisible()
    await page.keyboard.press('ControlOrMeta+e')
    await expect(page.getByRole('heading', { name: 'Edit identity' })).toBeVisible()
    await page.keyboard.press('Escape')
    await page.keyboard.press('ControlOrMeta+l')
    await expect(lockScreen(page)).toBeVisible()
  })
}
