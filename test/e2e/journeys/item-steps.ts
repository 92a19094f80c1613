/**
 * Steps the item journeys share: open the vault with items already in it,
 * start a new item of a type, fill and save the editor, and read the detail
 * pane. Items are seeded through window.vault (the real IPC and services),
 * then the page reloads, as a vault opened with items in it would show.
 */
import { expect, type Locator, type Page } from '@playwright/test'
import { openSeededVault, workspace } from '../support/app-actions.ts'
import type { MainControl, SeededAccount } from '../support/main-control.ts'

/** A draft as createItem takes it; fields by the names in src-shared/domain/item.ts. */
export interface SeedDraft {
  readonly type: 'login' | 'note' | 'card' | 'identity' | 'sshKey' | 'apiCredential'
  readonly title: string
  readonly favorite?: boolean
  readonly tags?: readonly string[]
  readonly notes?: string
  readonly fields?: Readonly<Record<string, string | readonly string[]>>
  /** sshKey only: main generates the key. */
  readonly generateSshKey?: boolean
}

/** RFC 6238's example seed: any authenticator app accepts it. */
export const TOTP_SEED = 'JBSWY3DPEHPK3PXP'

export const SAMPLE_ITEMS: readonly SeedDraft[] = [
  {
    type: 'login',
    title: 'GitHub',
    favorite: true,
    tags: ['work', 'dev'],
    fields: { username: 'ada@example.org', password: 'gh-Tq8#mZ2!rL5', urls: ['https://github.com'], totp: TOTP_SEED },
  },
  {
    type: 'login',
    title: 'Google',
    tags: ['personal'],
    fields: { username: 'ada.lovelace@gmail.com', password: 'g00gle-Pa55!', urls: ['https://accounts.google.com'] },
  },
  {
    type: 'login',
    title: 'AWS Console',
    tags: ['work'],
    fields: { username: 'admin', password: 'aws-Kp3$vX9', urls: ['https://console.aws.amazon.com'] },
  },
  {
    type: 'login',
    title: 'Netflix',
    favorite: true,
    fields: { username: 'family@example.org', password: 'nf-Flix-2024' },
  },
  {
    type: 'login',
    title: 'Bank of Example',
    tags: ['finance'],
    fields: { username: 'ada', password: 'B4nk!ng-secure', urls: ['https://bank.example.com'] },
  },
  {
    type: 'card',
    title: 'Visa Platinum',
    tags: ['finance'],
    fields: {
      cardholder: 'Ada Lovelace',
      brand: 'Visa',
      number: '4111 1111 1111 1111',
      expiry: '12/2028',
      securityCode: '123',
    },
  },
  {
    type: 'card',
    title: 'Mastercard Travel',
    fields: { cardholder: 'Ada Lovelace', brand: 'Mastercard', number: '5555 5555 5555 4444', expiry: '03/2027' },
  },
  {
    type: 'note',
    title: 'Wi-Fi at home',
    tags: ['personal'],
    notes: 'Network: Analytical-Engine\nPassword on the router.',
  },
  { type: 'note', title: 'Passport details', notes: 'Renew before March 2030.' },
  {
    type: 'identity',
    title: 'Ada Lovelace',
    fields: {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.org',
      city: 'London',
      country: 'United Kingdom',
    },
  },
  { type: 'sshKey', title: 'Build server', tags: ['work', 'dev'], generateSshKey: true },
  {
    type: 'apiCredential',
    title: 'Stripe API',
    tags: ['work'],
    fields: { username: 'acct_1Ada', credential: 'sk_test_4eC39HqLyjWDarjtT1zdp7dc', url: 'https://api.stripe.com' },
  },
]

/** Creates the drafts through the page's own IPC bridge, then reloads so the workspace shows them. */
export async function seedItems(page: Page, drafts: readonly SeedDraft[]): Promise<void> {
  await page.evaluate(async (all) => {
    type Result = { ok: boolean; error?: { message: string } }
    const vault = (globalThis as unknown as { vault: { createItem(request: unknown): Promise<Result> } }).vault
    for (const { generateSshKey, ...draft } of all) {
      const result = await vault.createItem(generateSshKey ? { draft, generateSshKey } : { draft })
      if (!result.ok) throw new Error(`seeding ${draft.title}: ${result.error?.message}`)
    }
  }, drafts)
  await page.reload()
  await expect(workspace(page)).toBeVisible()
  await expect(resultCount(page)).toHaveText(`${drafts.length} ${drafts.length === 1 ? 'item' : 'items'}`)
}

/** A seeded, unlocked vault holding the drafts (SAMPLE_ITEMS by default). */
export async function openVaultWithItems(
  page: Page,
  main: MainControl,
  drafts: readonly SeedDraft[] = SAMPLE_ITEMS,
): Promise<SeededAccount> {
  const account = await openSeededVault(page, main)
  await seedItems(page, drafts)
  return account
}

export const resultCount = (page: Page) => page.getByTestId('result-count')
export const itemRows = (page: Page) => page.getByRole('listbox', { name: 'Items' }).getByRole('option')
export const detailTitle = (page: Page) => page.getByTestId('detail-title')
export const detailField = (page: Page, name: string) => page.getByTestId(`field-${name}`)
export const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search the vault' })

/** Sidebar → New item → the type, by its name in the menu ("Login", "Credit card"…). */
export async function startNewItem(page: Page, typeName: string): Promise<void> {
  await page.getByRole('button', { name: 'New item', exact: true }).click()
  await page.getByRole('menuitem', { name: new RegExp(`^${typeName}`) }).click()
  await expect(page.getByLabel('Title', { exact: true })).toBeFocused()
}

/** Fills inputs by their exact label. */
export async function fill(page: Page, values: Readonly<Record<string, string>>): Promise<void> {
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value)
}

/** Adds a custom field at the end of the list. */
export async function addCustomField(
  page: Page,
  label: string,
  kind: 'Text' | 'Hidden' | 'Web address',
  value: string,
) {
  await page.getByRole('button', { name: 'Add field' }).click()
  const row = page.getByTestId('custom-field-editor').last()
  await row.getByLabel('Field name').fill(label)
  await row.getByLabel('Kind').selectOption({ label: kind })
  await row.getByLabel(`${label} value`, { exact: true }).fill(value)
}

/** Saves and waits until the detail pane shows the saved title. */
export async function saveItem(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(detailTitle(page)).toHaveText(title)
}

/** Reveals a secret field in the detail pane and returns what it shows. */
export async function reveal(page: Page, field: string, label: string): Promise<Locator> {
  const row = detailField(page, field)
  await row.getByRole('button', { name: `Reveal ${label.toLowerCase()}` }).click()
  const value = row.getByTestId('revealed-value').or(row.locator('pre'))
  await expect(value).toBeVisible()
  return value
}

/** Everything the page shows as text, dialogs and hidden-but-present nodes included. */
export function pageText(page: Page): Promise<string> {
  return page.evaluate(
    () => (globalThis as unknown as { document: { body: { textContent: string } } }).document.body.textContent,
  )
}

/** Clicks an item in the list by its title. */
export async function selectItem(page: Page, title: string): Promise<void> {
  await itemRows(page).filter({ hasText: title }).first().click()
  await expect(detailTitle(page)).toHaveText(title)
}

/** Switches light/dark and lets transitions finish, so a screenshot shows the settled theme. */
export async function colorScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme })
  await page.waitForTimeout(400)
}
