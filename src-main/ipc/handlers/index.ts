/**
 * Binds each IPC method to the service that answers it. Handlers receive
 * requests already validated by the dispatcher and return plain data; the
 * only thing they may throw for the user to see is a VaultError.
 */

import { ENVELOPE_VERSION, KDF_FLOOR, parseSecretKey } from '../crypto/index.ts'
import type { IpcHandlers } from './dispatcher.ts'

/** Facts about the running build, supplied by the caller (Electron's app in production). */
export interface AppIdentity {
  readonly name: string
  readonly version: string
}

export function createIpcHandlers(identity: AppIdentity): IpcHandlers {
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
  }
}
