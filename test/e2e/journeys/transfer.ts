/**
 * Settings → Import & export: a Bitwarden CSV chosen in the (stubbed) open
 * dialog is previewed, imported and listed; an export behind its warning;
 * and the password health report names the imported logins. An "Other CSV"
 * file shows its columns, and choosing another one changes the preview.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, type Page } from '@playwright/test'
import { openSeededVault, workspace } from '../support/app-actions.ts'
import type { JourneyTest } from '../support/journey.ts'
import { PROJECT_ROOT } from '../support/paths.ts'

const FIXTURE = join(PROJECT_ROOT, 'test', 'fixtures', 'import', 'bitwarden.csv')
/** Name,Login,Passcode,Memo: the guess misses the password column, so one row reads as a note. */
const GENERIC_FIXTURE = join(PROJECT_ROOT, 'test', 'fixtures', 'import', 'generic-mapping.csv')

async function openTransfer(page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const section = page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'Import & export' })
  await expect(section.getByRole('button', { name: 'Choose file…' })).toBeEnabled()
  return section
}

export function register(test: JourneyTest): void {
  test('import & export: a file is previewed, imported, exported behind a warning, and checked for health', async ({
    appPage,
    main,
    saveScreenshot,
  }) => {
    await openSeededVault(appPage, main)
    const section = await openTransfer(appPage)
    await main.queueFileToOpen(FIXTURE)
    await section.getByRole('button', { name: 'Choose file…' }).click()
    const preview = section.getByTestId('import-preview')
    await expect(preview).toContainText('bitwarden.csv')
    await expect(preview).toContainText('Bitwarden (CSV)')
    const toAdd = Number.parseInt((await section.getByTestId('import-new').textContent()) ?? '', 10)
    expect(toAdd).toBeGreaterThan(0)
    await saveScreenshot(appPage, 'import-preview')
    await section.getByRole('button', { name: /^Import \d+ items?$/ }).click()
    await expect(section.getByTestId('import-result')).toHaveText(`Imported ${toAdd} item${toAdd === 1 ? '' : 's'}.`)

    await section.getByRole('button', { name: 'Export…' }).click()
    const warning = appPage.getByRole('dialog', { name: 'Export unencrypted?' })
    await expect(warning.getByRole('button', { name: 'Export' })).toBeDisabled()
    await warning.getByLabel('I understand').check()
    await warning.getByRole('button', { name: 'Export' }).click()
    await expect(section.getByTestId('export-result')).toContainText('Saved as vault-export-')
    const [exported] = await main.savedFiles()
    expect(readFileSync(exported ?? '', 'utf8')).toContain('Fake Social')
    await appPage.keyboard.press('Escape')
    await expect(appPage.getByRole('dialog')).toHaveCount(0)

    // The imported items are in the list, which reloaded on main's event.
    await expect(workspace(appPage).getByText('Fake Social').first()).toBeVisible()

    await appPage.getByRole('button', { name: 'Password health' }).click()
    const health = appPage.getByRole('dialog', { name: 'Password health' })
    await expect(health.getByTestId('health-panel')).toBeVisible()
    await saveScreenshot(appPage, 'password-health')
    await expect(health.getByTestId('health-count-weak')).toBeVisible()
  })

  test('import: the columns of an "Other CSV" file are chosen, and the preview follows', async ({
    appPage,
    main,
    saveScreenshot,
  }) => {
    await openSeededVault(appPage, main)
    const section = await openTransfer(appPage)
    await main.queueFileToOpen(GENERIC_FIXTURE)
    await section.getByRole('button', { name: 'Choose file…' }).click()
    const preview = section.getByTestId('import-preview')
    await expect(preview).toContainText('Other CSV')
    const mapping = section.getByTestId('import-mapping')
    await expect(mapping.getByLabel('Title column').locator('option:checked')).toHaveText('Name')
    await expect(mapping.getByLabel('Username column').locator('option:checked')).toHaveText('Login')
    await expect(mapping.getByLabel('Password column').locator('option:checked')).toHaveText('— not imported —')
    await expect(section.getByTestId('import-new')).toHaveText('2 (1 login, 1 secure note)')

    await mapping.getByLabel('Password column').selectOption({ label: 'Passcode' })
    await expect(section.getByTestId('import-new')).toHaveText('2 (2 logins)')
    await saveScreenshot(appPage, 'import-column-mapping')

    await section.getByRole('button', { name: 'Import 2 items' }).click()
    await expect(section.getByTestId('import-result')).toHaveText('Imported 2 items.')
    await appPage.keyboard.press('Escape')
    await expect(appPage.getByRole('dialog')).toHaveCount(0)
    await expect(workspace(appPage).getByText('Fake Diary').first()).toBeVisible()
  })
}
