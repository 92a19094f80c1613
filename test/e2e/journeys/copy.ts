/**
 * Copying and opening: main writes the clipboard and clears it after the
 * delay; the secret never enters the page unless revealed; links open only
 * over https.
 */
import { expect } from '@playwright/test'
import type { JourneyTest } from '../support/journey.ts'
import { detailField, openVaultWithItems, pageText, SAMPLE_ITEMS, type SeedDraft, selectItem } from './item-steps.ts'

const GITHUB_PASSWORD = 'gh-Tq8#mZ2!rL5'
const INSECURE: SeedDraft = {
  type: 'login',
  title: 'Old router',
  fields: { username: 'admin', password: 'r0uter!', urls: ['http://192.168.1.1'] },
}

export function register(test: JourneyTest): void {
  test('copy: the password reaches the clipboard, never the page, and is cleared after the delay', async ({
    appPage: page,
    main,
  }) => {
    await openVaultWithItems(page, main)
    await main.setClipboardClearMs(1500)
    await selectItem(page, 'GitHub')
    expect(await pageText(page)).not.toContain(GITHUB_PASSWORD)
    expect(await page.content()).not.toContain(GITHUB_PASSWORD)

    await detailField(page, 'password').getByRole('button', { name: 'Copy password' }).click()
    await expect(page.getByRole('status').getByText(/^Password copied · clears in [12] s$/)).toBeVisible()
    await expect.poll(() => main.readClipboard()).toBe(GITHUB_PASSWORD)
    expect(await page.content()).not.toContain(GITHUB_PASSWORD)
    await expect.poll(() => main.readClipboard(), { timeout: 5_000 }).toBe('')
    await expect(page.getByRole('status').getByText('Clipboard cleared')).toBeVisible()

    await main.setClipboardClearMs(30_000)
    await page.keyboard.press('ControlOrMeta+Shift+U')
    await expect.poll(() => main.readClipboard()).toBe('ada@example.org')
    await page.keyboard.press('ControlOrMeta+Shift+C')
    await expect.poll(() => main.readClipboard()).toBe(GITHUB_PASSWORD)
    await page.keyboard.press('ControlOrMeta+Shift+O')
    await expect.poll(() => main.readClipboard()).toMatch(/^\d{6}$/)
    await expect(page.getByRole('status').getByText(/^One-time code copied · clears in 30 s$/)).toBeVisible()
    expect(await page.content()).not.toContain(GITHUB_PASSWORD)
  })

  test('copy: a non-secret field copies too; a revealed secret hides again on another item', async ({
    appPage: page,
    main,
  }) => {
    await openVaultWithItems(page, main)
    await selectItem(page, 'Visa Platinum')
    await detailField(page, 'expiry').getByRole('button', { name: 'Copy expiry date' }).click()
    await expect.poll(() => main.readClipboard()).toBe('12/2028')
    const number = detailField(page, 'number')
    await number.getByRole('button', { name: 'Reveal card number' }).click()
    await expect(number.getByTestId('revealed-value')).toHaveText('4111 1111 1111 1111')
    await number.getByRole('button', { name: 'Hide card number' }).click()
    await expect(number.getByTestId('revealed-value')).toHaveCount(0)
    await number.getByRole('button', { name: 'Reveal card number' }).click()
    await selectItem(page, 'GitHub')
    await selectItem(page, 'Visa Platinum')
    await expect(detailField(page, 'number').getByTestId('revealed-value')).toHaveCount(0)
    expect(await pageText(page)).not.toContain('4111 1111 1111 1111')
  })

  test('open: an https address opens in the browser; plain http is refused with the reason', async ({
    appPage: page,
    main,
  }) => {
    await openVaultWithItems(page, main, [...SAMPLE_ITEMS.slice(0, 2), INSECURE])
    await selectItem(page, 'GitHub')
    await page.getByRole('button', { name: 'Open https://github.com in your browser' }).click()
    await expect.poll(() => main.openedUrls()).toEqual(['https://github.com/'])

    await selectItem(page, 'Old router')
    await page.getByRole('button', { name: 'Open http://192.168.1.1 in your browser' }).click()
    await expect(page.getByRole('alert')).toContainText('Only https:// links open from the vault')
    expect(await main.openedUrls()).toEqual(['https://github.com/'])
  })
}
