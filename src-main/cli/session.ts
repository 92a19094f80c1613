/**
 * Opening the vault for one command: find the file, unlock it with one
 * Argon2id derivation (the Secret Key from the OS keychain, or asked for when
 * this device has none), run the command, and lock again whatever happens,
 * so no key outlives the command.
 */
import { existsSync } from 'node:fs'
import { isVaultError, VaultError } from '../../src-shared/errors.ts'
import type { KdfCost } from '../crypto/index.ts'
import { createOsKeychain } from '../keychain/index.ts'
import { VaultStore } from '../store/index.ts'
import { defaultDataDir, VaultService, vaultFilePath } from '../vault/index.ts'
import type { Inputs } from './inputs.ts'

export interface VaultLocation {
  readonly dataDir: string
  readonly file: string
}

export function locateVault(dataDirOption: string | undefined): VaultLocation {
  const dataDir = dataDirOption ?? defaultDataDir()
  return { dataDir, file: vaultFilePath(dataDir) }
}

export function noVault(location: VaultLocation): VaultError {
  return new VaultError(
    'NO_ACCOUNT',
    `There is no vault at ${location.file}. Create one with \`vault create --email you@example.org\`, ` +
      'or choose another with --data-dir.',
  )
}

/** An existing store; a missing file is NO_ACCOUNT here rather than an empty new file. */
export function openExistingStore(location: VaultLocation): VaultStore {
  if (!existsSync(location.file)) throw noVault(location)
  return VaultStore.open(location.file)
}

export function serviceFor(store: VaultStore, kdfCost?: KdfCost): VaultService {
  return new VaultService({ store, keychain: createOsKeychain(), ...(kdfCost ? { kdfCost } : {}) })
}

/** Runs work on the unlocked vault, then locks it and closes the file. */
export async function withUnlockedVault<T>(
  location: VaultLocation,
  inputs: Inputs,
  work: (service: VaultService) => Promise<T> | T,
): Promise<T> {
  const store = openExistingStore(location)
  const service = serviceFor(store)
  try {
    if (service.status().state === 'no-account') throw noVault(location)
    await unlock(service, inputs)
    return await work(service)
  } finally {
    service.lock()
    store.close()
  }
}

/**
 * The keychain is consulted before any key derivation, so asking for the
 * Secret Key after SECRET_KEY_REQUIRED still costs only one Argon2id run.
 */
async function unlock(service: VaultService, inputs: Inputs): Promise<void> {
  // The Argon2id worker starts and warms up while the password is typed (or read); lock() ends it on any failure.
  Promise.resolve(service.prewarmUnlock()).catch(() => undefined)
  const password = await inputs.masterPassword()
  try {
    await service.unlock({ password })
  } catch (error) {
    if (!isVaultError(error, 'SECRET_KEY_REQUIRED')) throw error
    const secretKey = await inputs.secretKey(error.message)
    if (secretKey === undefined) throw error
    await service.unlock({ password, secretKey })
  }
}
