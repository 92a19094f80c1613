/** A real vault in a temp folder: real SQLite store, real (throwaway) OS keychain, floor-cost Argon2id. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createOsKeychain, type SecretKeyStore } from '../../../src-main/keychain/index.ts'
import { VaultStore } from '../../../src-main/store/index.ts'
import { VaultService } from '../../../src-main/vault/vault-service.ts'

export const PASSWORD = 'glacier orbit pamphlet 93 tundra'
export const EMAIL = 'ada@example.org'
/** The floor: the cheapest cost the app accepts, so tests stay quick. */
export const TEST_KDF_COST = { memlimitBytes: 64 * 1024 * 1024, opslimit: 3 }

export interface TestVault {
  readonly dir: string
  readonly file: string
  readonly keychain: SecretKeyStore
  store: VaultStore
  service: VaultService
  /** Closes and reopens the store and the service, as a restart of the app would. */
  restart(): void
  cleanup(): void
}

let serial = 0

export function testKeychainService(): string {
  serial += 1
  return `Vault test ${process.pid}-${serial}`
}

export function makeVault(options: { keychain?: SecretKeyStore; now?: () => number } = {}): TestVault {
  const dir = mkdtempSync(join(tmpdir(), 'vault-test-'))
  const file = join(dir, 'vault.sqlite3')
  const keychain = options.keychain ?? createOsKeychain({ service: testKeychainService() })
  const build = (store: VaultStore) =>
    new VaultService({ store, keychain, kdfCost: TEST_KDF_COST, ...(options.now ? { now: options.now } : {}) })
  const vault: TestVault = {
    dir,
    file,
    keychain,
    store: VaultStore.open(file),
    service: undefined as unknown as VaultService,
    restart() {
      vault.service.lock()
      vault.store.close()
      vault.store = VaultStore.open(file)
      vault.service = build(vault.store)
    },
    cleanup() {
      vault.service.lock()
      vault.store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  vault.service = build(vault.store)
  return vault
}

/** A keychain that is not there, as on a Linux box without a Secret Service. */
export const absentKeychain: SecretKeyStore = {
  availability: async () => ({ available: false, reason: 'no Secret Service on this test machine' }),
  get: async () => {
    const { VaultError } = await import('../../../src-shared/errors.ts')
    throw new VaultError('KEYCHAIN_UNAVAILABLE', 'no Secret Service on this test machine')
  },
  set: async () => {
    const { VaultError } = await import('../../../src-shared/errors.ts')
    throw new VaultError('KEYCHAIN_UNAVAILABLE', 'no Secret Service on this test machine')
  },
  delete: async () => false,
}
