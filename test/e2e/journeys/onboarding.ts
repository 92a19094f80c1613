/**
 * The first run: a new user creates an account through the screens, sees
 * the Secret Key exactly once, saves and verifies the Emergency Kit,
 * acknowledges the key and lands in the vault; a
 * weak master password is refused while it is typed.
 */
import { expect } from '@playwright/test'
import {
  acknowledgeSecretKeyViaUi,
  STRONG_PASSWORD,
  screenshotBothThemes,
  startAccountViaUi,
  workspace,
} from '../support/app-actions.ts'
import type { JourneyTest } from '../support/journey.ts'
import { pdfText } from '../support/pdf-text.ts'

/** The printed form: K1, the account id, then 6-6-6-5-5 symbols from the 31-letter alphabet. */
const SECRET_KEY_SHAPE = /^K1-[2-9A-HJ-NP-TV-Z]{6}(-[2-9A-HJ-NP-TV-Z]{6}){3}(-[2-9A-HJ-NP-TV-Z]{5}){2}$/

export function register(test: JourneyTest): void {
  test('first run: create an account, see the Secret Key once, save and verify the kit, land in the vault', async ({
    appPage,
    main,
    saveScreenshot,
  }) => {
    await expect(appPage.getByRole('heading', { level: 1, name: 'Welcome to Vault' })).toBeVisible()
    await screenshotBothThemes(appPage, saveScreenshot, 'first-run')

    const { secretKey } = await startAccountViaUi(appPage)
    expect(secretKey).toMatch(SECRET_KEY_SHAPE)
    await expect(appPage.getByTestId('keychain-outcome')).toContainText("saved in this computer's keychain")
    await screenshotBothThemes(appPage, saveScreenshot, 'secret-key')

    // The Emergency Kit: saved by main where the save dialog says, holding the key and never the password.
    await appPage.getByRole('button', { name: 'Save Emergency Kit…' }).click()
    await expect(appPage.getByTestId('kit-saved')).toContainText('Saved as')
    const [kitFile] = await main.savedFiles()
    const kitText = pdfText(kitFile ?? '')
    expect(kitText.replace(/\s/g, '')).toContain(secretKey)
    expect(kitText).not.toContain(STRONG_PASSWORD)
    await appPage.getByLabel('Secret Key or setup code from your kit').fill(secretKey.toLowerCase())
    await appPage.getByRole('button', { name: 'Verify my kit' }).click()
    await expect(appPage.getByTestId('kit-verification')).toContainText('Secret Key matches')
    await screenshotBothThemes(appPage, saveScreenshot, 'emergency-kit-saved')

    await expect(appPage.getByRole('button', { name: 'Open my vault' })).toBeDisabled()
    await acknowledgeSecretKeyViaUi(appPage)
    await expect(appPage.locator('body')).not.toContainText(secretKey)

    // Main keeps the vault open across a reload; the Secret Key is never shown again.
    await appPage.reload()
    await expect(workspace(appPage)).toBeVisible()
    await expect(appPage.getByTestId('secret-key')).toHaveCount(0)
  })

  test('a weak master password is refused while it is typed', async ({ appPage, saveScreenshot }) => {
    await appPage.getByRole('button', { name: 'Create a new vault' }).click()
    await appPage.getByLabel('Email').fill('grace@example.org')
    const password = appPage.getByLabel('Master password', { exact: true })
    const create = appPage.getByRole('button', { name: 'Create vault' })

    await password.fill('password123')
    await appPage.getByLabel('Confirm master password', { exact: true }).fill('password123')
    await expect(appPage.getByTestId('strength-verdict')).toHaveText('Not strong enough for a master password yet.')
    await expect(appPage.getByTestId('strength-meter')).toContainText(/Very weak|Weak/)
    await expect(create).toBeDisabled()
    await saveScreenshot(appPage, 'create-account-weak')

    await password.fill(STRONG_PASSWORD)
    await expect(appPage.getByText('Strong enough for a master password.')).toBeVisible()
    await expect(appPage.getByText('The two passwords do not match.')).toBeVisible()
    await expect(create).toBeDisabled()
    await appPage.getByLabel('Confirm master password', { exact: true }).fill(STRONG_PASSWORD)
    await expect(create).toBeEnabled()
    await saveScreenshot(appPage, 'create-account')
  })
}
