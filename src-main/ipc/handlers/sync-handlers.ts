/** Sync: status, turning it on (or joining from another device), sync now, devices, turning it off. */
import { VaultError } from '../../../src-shared/errors.ts'
import type { HandlersFor } from '../dispatcher.ts'
import type { HandlerDeps } from './deps.ts'

type SyncMethod =
  | 'getSyncStatus'
  | 'enableSync'
  | 'joinAccount'
  | 'syncNow'
  | 'listDevices'
  | 'revokeDevice'
  | 'disableSync'
  | 'dismissConflict'
  | 'recheckSync'

export function syncHandlers({ sync, vault }: HandlerDeps): HandlersFor<SyncMethod> {
  return {
    getSyncStatus: () => sync.status(),
    enableSync: ({ url, anonKey, password }) => sync.enable({ config: { url, anonKey }, password }),
    joinAccount: ({ url, anonKey, email, secretKey, password }) => {
      if (vault.status().state !== 'no-account') {
        throw new VaultError('ACCOUNT_EXISTS', 'This device already has a vault; turn sync on from its settings.')
      }
      return sync.join({ config: { url, anonKey }, email, secretKey, password })
    },
    syncNow: async ({ password }) => {
      if (password !== undefined) await sync.signInAgain(password)
      return sync.syncNow()
    },
    listDevices: async () => ({ devices: await sync.devices() }),
    revokeDevice: async ({ deviceId }) => {
      await sync.revokeDevice(deviceId)
      return null
    },
    disableSync: async () => {
      await sync.disable()
      return null
    },
    dismissConflict: ({ id }) => {
      sync.dismissConflict(id)
      return null
    },
    recheckSync: () => sync.recheck(),
  }
}
