/**
 * Items: create and edit each of the six types through the editor, with
 * custom fields; an edit that leaves a secret alone keeps it (the window
 * never had it to send back).
 */
import { expect, type Page } from '@playwright/test'
import { openSeededVault } from '../support/app-actions.ts'
import type { JourneyTest } from '../support/journey.ts'
import {
  addCustomField,
  colorScheme,
  detailField,
  detailTitle,
  fill,
  openVaultWithItems,
  pageText,
  reveal,
  saveItem,
  selectItem,
  startNewItem,
  TOTP_SEED,
} from './item-steps.ts'

const LOGIN_PASSWORD = 'Xq7#pL2!vR9@mK4$'
/** The app window's default size (src-main/window): what most people see first. */
const DEFAULT_WINDOW = { width: 960, height: 680 }

async function editSelected(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Edit', exact: true }).click()
  await expect(page.getByLabel('Title', { exact: true })).toBeFocused()
}

export function register(test: JourneyTest): void {
  test('items: a login with custom fields; an edit that leaves the password alone keeps it', async ({
    appPage: page,
    main,
    saveScreenshot,
  }) => {
    await page.setViewportSize(DEFAULT_WINDOW)
    await openSeededVault(page, main)
    await expect(page.getByText('No items yet')).toBeVisible()
    await page.getByRole('button', { name: 'Create your first login' }).click()
    await fill(page, {
      Title: 'GitHub',
      Username: 'ada@example.org',
      Password: LOGIN_PASSWORD,
      'One-time password': TOTP_SEED,
      Website: 'https://github.com',
    })
    await addCustomField(page, 'Account number', 'Text', '1842-07')
    await addCustomField(page, 'Recovery code', 'Hidden', 'RC-7781-KLMN')
    await page.getByLabel('Tags').fill('work, dev,')
    await page.getByLabel('Title', { exact: true }).focus()
    await saveScreenshot(page, 'editor')
    await colorScheme(page, 'dark')
    await saveScreenshot(page, 'editor-dark')
    await colorScheme(page, 'light')
    await saveItem(page, 'GitHub')

    await expect(detailField(page, 'username')).toContainText('ada@example.org')
    await expect(page.getByTestId('totp-code')).toHaveText(/^\d{3} \d{3}$/)
    await expect(detailField(page, 'url')).toContainText('https://github.com')
    await expect(page.getByText('1842-07')).toBeVisible()
    await expect(page.getByRole('list', { name: 'Tags' })).toContainText('work')
    const text = await pageText(page)
    expect(text).not.toContain(LOGIN_PASSWORD)
    expect(text).not.toContain('RC-7781-KLMN')
    expect(text).not.toContain(TOTP_SEED)

    await editSelected(page)
    await expect(page.getByText('Unchanged', { exact: true }).first()).toBeVisible()
    await fill(page, { Title: 'GitHub (work)', Username: 'ada.lovelace' })
    await saveItem(page, 'GitHub (work)')
    await expect(detailField(page, 'username')).toContainText('ada.lovelace')
    await expect(await reveal(page, 'password', 'Password')).toHaveText(LOGIN_PASSWORD)
    const hidden = page.getByTestId(/^field-custom:/).filter({ hasText: 'Recovery code' })
    await hidden.getByRole('button', { name: 'Reveal recovery code' }).click()
    await expect(hidden.getByTestId('revealed-value')).toHaveText('RC-7781-KLMN')
  })

  test('items: card, note, identity, SSH key and API credential, created and edited', async ({
    appPage: page,
    main,
  }) => {
    await openSeededVault(page, main)

    await startNewItem(page, 'Credit card')
    await fill(page, {
      Title: 'Visa',
      'Cardholder name': 'Ada Lovelace',
      'Card number': '4111 1111 1111 1111',
      'Expiry date': '12/2028',
      'Security code': '123',
    })
    await saveItem(page, 'Visa')
    await expect(detailField(page, 'cardholder')).toContainText('Ada Lovelace')
    await editSelected(page)
    await fill(page, { Brand: 'Visa' })
    await saveItem(page, 'Visa')
    await expect(detailField(page, 'brand')).toContainText('Visa')
    await expect(await reveal(page, 'number', 'Card number')).toHaveText('4111 1111 1111 1111')

    await startNewItem(page, 'Secure note')
    await fill(page, { Title: 'Wi-Fi', Notes: 'Network: Engine\nKey on the router' })
    await saveItem(page, 'Wi-Fi')
    await expect(page.getByTestId('notes')).toHaveText('Network: Engine\nKey on the router')
    await editSelected(page)
    await fill(page, { Notes: 'Network: Engine 5G' })
    await saveItem(page, 'Wi-Fi')
    await expect(page.getByTestId('notes')).toHaveText('Network: Engine 5G')

    await startNewItem(page, 'Identity')
    await fill(page, { Title: 'Me', 'First name': 'Ada', 'Last name': 'Lovelace', Email: 'ada@example.org' })
    await saveItem(page, 'Me')
    await editSelected(page)
    await fill(page, { City: 'London' })
    await saveItem(page, 'Me')
    await expect(detailField(page, 'city')).toContainText('London')
    await expect(detailField(page, 'email')).toContainText('ada@example.org')

    await startNewItem(page, 'SSH key')
    await expect(page.getByLabel('Generate a new Ed25519 key')).toBeChecked()
    await fill(page, { Title: 'Deploy key' })
    await saveItem(page, 'Deploy key')
    await expect(detailField(page, 'keyType')).toContainText(/ed25519/i)
    await expect(detailField(page, 'publicKey')).toContainText('ssh-ed25519 AAAA')
    await expect(detailField(page, 'fingerprint')).toContainText('SHA256:')
    await editSelected(page)
    await addCustomField(page, 'Host', 'Text', 'deploy.example.org')
    await saveItem(page, 'Deploy key')
    await expect(page.getByText('deploy.example.org')).toBeVisible()
    await expect(await reveal(page, 'privateKey', 'Private key')).toContainText('BEGIN OPENSSH PRIVATE KEY')

    await startNewItem(page, 'API credential')
    await fill(page, {
      Title: 'Stripe',
      Username: 'acct_1Ada',
      Credential: 'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
      Endpoint: 'https://api.stripe.com',
    })
    await saveItem(page, 'Stripe')
    await editSelected(page)
    await fill(page, { Expires: '2027-01-31' })
    await saveItem(page, 'Stripe')
    await expect(detailField(page, 'expiresAt')).toContainText('2027-01-31')
    await expect(await reveal(page, 'credential', 'Credential')).toHaveText('sk_test_4eC39HqLyjWDarjtT1zdp7dc')
  })

  test('items: the editor generates a password, explains errors and asks before discarding', async ({
    appPage: page,
    main,
  }) => {
    await openSeededVault(page, main)
    await startNewItem(page, 'Login')
    await page.getByRole('button', { name: 'Generate a password' }).click()
    const generator = page.getByRole('dialog', { name: 'Password generator' })
    await expect(generator.getByTestId('generated-value')).toHaveText(/^.{20}$/)
    const generated = await generator.getByTestId('generated-value').textContent()
    await generator.getByRole('button', { name: 'Use password' }).click()
    await expect(generator).toHaveCount(0)
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue(generated ?? '')

    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(page.getByText('Give the item a title.')).toBeVisible()
    await fill(page, { Title: 'Broken TOTP', 'One-time password': 'not base32 at all!' })
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(page.getByLabel('One-time password', { exact: true })).toHaveAttribute('aria-invalid', 'true')

    await page.getByRole('button', { name: 'Cancel', exact: true }).click()
    const discard = page.getByRole('dialog', { name: 'Discard changes?' })
    await expect(discard).toBeVisible()
    await discard.getByRole('button', { name: 'Discard' }).click()
    await expect(page.getByText('No items yet')).toBeVisible()
  })

  test('items: the list and detail, light and dark', async ({ appPage: page, main, saveScreenshot }) => {
    await page.setViewportSize(DEFAULT_WINDOW)
    await openVaultWithItems(page, main)
    await selectItem(page, 'GitHub')
    await expect(page.getByTestId('totp-code')).toHaveText(/^\d{3} \d{3}$/)
    await saveScreenshot(page, 'list')
    await saveScreenshot(page, 'detail')
    await colorScheme(page, 'dark')
    await saveScreenshot(page, 'detail-dark')
    await selectItem(page, 'Visa Platinum')
    await saveScreenshot(page, 'list-dark')
    await colorScheme(page, 'light')
    await expect(detailTitle(page)).toHaveText('Visa Platinum')
  })
}
