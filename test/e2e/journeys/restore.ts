/**
 * Restore from a backup on the first-run screen: the known-answer backup is
 * chosen in the (stubbed) open dialog, a wrong backup password is told
 * inline, the right one opens it, and a new vault is made from it: its
 * Secret Key shown once, then the restored item in the list.
 */
import { join } from 'node:path'
import { expect } from '@playwright/test'
import { acknowledgeSecretKeyViaUi, NEW_ACCOUNT_EMAIL, STRONG_PASSWORD, workspace } from '../support/app-actions.ts'
import type { JourneyTest } from '../support/journey.ts'
import { PROJECT_ROOT } from '../support/paths.ts'

const BACKUP = join(PROJECT_ROOT, 'test', 'fixtures', 'backup', 'kat-v1.vaultbak')
/** test/node/backup/fixture.ts: with the ﬁ ligature and composed ä, ö. */
const BACKUP_PASSWORD = 'Backup \ufb01le p\u00e4ssw\u00f6rd 42'
const DERIVE_TIMEOUT_MS = 20_000

export function register(test: JourneyTest): void {
  test('first run: restore a backup into a new vault, with its Secret Key shown once', async ({
    appPage,
    main,
    saveScreenshot,
  }) => {
    await appPage.getByRole('button', { name: 'Restore from a backup' }).click()
    await expect(appPage.getByRole('heading', { level: 1, name: 'Restore from a backup' })).toBeVisible()
    await main.queueFileToOpen(BACKUP)
    await appPage.getByRole('button', { name: 'Choose backup file…' }).click()
    await expect(appPage.getByTestId('restore-file')).toContainText('kat-v1.vaultbak')
    await expect(appPage.getByTestId('restore-file')).toContainText('2023')

    const password = appPage.getByLabel('Backup password', { exact: true })
    await password.fill('not the backup password')
    await appPage.getByRole('button', { name: 'Open backup' }).click()
    await expect(appPage.getByText(/does not open this file/)).toBeVisible({ timeout: DERIVE_TIMEOUT_MS })
    await expect(password).toHaveValue('')
    await saveScreenshot(appPage, 'restore-wrong-password')

    await password.fill(BACKUP_PASSWORD)
    await appPage.getByRole('button', { name: 'Open backup' }).click()
    await expect(appPage.getByTestId('restore-opened')).toContainText('1 item to restore', {
      timeout: DERIVE_TIMEOUT_MS,
    })
    await appPage.getByLabel('Email').fill(NEW_ACCOUNT_EMAIL)
    await appPage.getByLabel('Master password', { exact: true }).fill(STRONG_PASSWORD)
    await appPage.getByLabel('Confirm master password', { exact: true }).fill(STRONG_PASSWORD)
    await saveScreenshot(appPage, 'restore-new-vault')
    const restore = appPage.getByRole('button', { name: 'Restore 1 item' })
    await expect(restore).toBeEnabled()
    await restore.click()

    await expect(appPage.getByTestId('secret-key')).toBeVisible({ timeout: DERIVE_TIMEOUT_MS })
    await acknowledgeSecretKeyViaUi(appPage)
    await expect(workspace(appPage).getByText('Example é☃').first()).toBeVisible()
  })
}
