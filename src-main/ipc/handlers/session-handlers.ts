/** Account, lock state and settings. */
import { ENVELOPE_VERSION, KDF_FLOOR, parseSecretKey } from '../../crypto/index.ts'
import { estimateStrength, MIN_MASTER_PASSWORD_LENGTH, MIN_MASTER_PASSWORD_SCORE } from '../../items/index.ts'
import type { HandlersFor } from '../dispatcher.ts'
import type { HandlerDeps } from './deps.ts'

type SessionMethod =
  | 'getAppInfo'
  | 'checkSecretKey'
  | 'getStatus'
  | 'estimateStrength'
  | 'createAccount'
  | 'unlock'
  | 'lock'
  | 'noteActivity'
  | 'getSettings'
  | 'updateSettings'

export function sessionHandlers(deps: HandlerDeps): HandlersFor<SessionMethod> {
  const { identity, vault, settings } = deps
  const currentSettings = () => ({ autoLockMs: vault.autoLockMs, clipboardClearMs: settings.clipboardClearMs })
  return {
    getAppInfo: () => ({
      name: identity.name,
      version: identity.version,
      cryptoFormatVersion: ENVELOPE_VERSION,
      kdfFloor: { memlimitBytes: KDF_FLOOR.memlimitBytes, opslimit: KDF_FLOOR.opslimit },
    }),
    checkSecretKey: ({ secretKey }) => {
      // parseSecretKey throws SECRET_KEY_TYPO with a message that names the position, never the key.
      const parsed = parseSecretKey(secretKey)
      parsed.secret.fill(0)
      return { accountId: parsed.accountId }
    },
    getStatus: async () => {
      const status = vault.status()
      if (status.state !== 'locked') return status
      // The lock screen is about to show: warm the KDF worker now, off the unlock path.
      void vault.prewarmUnlock().catch(() => undefined)
      const keychain = await vault.secretKeyAvailability()
      const reason = keychain.reason === undefined ? {} : { secretKeyReason: keychain.reason }
      return { ...status, secretKeyNeeded: !keychain.inKeychain, ...reason }
    },
    estimateStrength: ({ password, email }) => {
      const estimate = estimateStrength(password, email === undefined ? [] : [email])
      const longEnough = [...password].length >= MIN_MASTER_PASSWORD_LENGTH
      return {
        score: estimate.score,
        crackTime: estimate.crackTime,
        warning: estimate.warning,
        suggestions: [...estimate.suggestions],
        acceptable: longEnough && estimate.score >= MIN_MASTER_PASSWORD_SCORE,
      }
    },
    createAccount: (request) => vault.createAccount(request),
    unlock: ({ password, secretKey }) => vault.unlock(secretKey === undefined ? { password } : { password, secretKey }),
    lock: () => {
      vault.lock('user')
      return null
    },
    noteActivity: () => {
      vault.noteActivity()
      return null
    },
    getSettings: currentSettings,
    updateSettings: ({ autoLockMs, clipboardClearMs }) => {
      if (autoLockMs !== undefined) vault.setAutoLockMs(autoLockMs)
      if (clipboardClearMs !== undefined) settings.setClipboardClearMs(clipboardClearMs)
      return currentSettings()
    },
  }
}
