/**
 * The vault under test, built once per run in a temp folder: an account made
 * by VaultService.createAccount() without a kdfCost, i.e. the app's own path
 * (256 MiB, passes calibrated to about 1 s on this machine), then every
 * generated item created through the service inside one store.transaction().
 * A tenth of the items are edited once (history, as in a used vault) and
 * about 1 in 100 is trashed.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { KdfCost } from '../../src-main/crypto/index.ts'
import { VaultStore } from '../../src-main/store/index.ts'
import { VaultService } from '../../src-main/vault/index.ts'
import { MemoryKeychain } from '../../test/support/main-fakes.ts'
import type { GeneratedItem } from './content.ts'

export const PASSWORD = 'glacier orbit pamphlet 93 tundra'
const EMAIL = 'ada@example.org'
const EDIT_EVERY = 10

export interface BuiltVault {
  readonly dir: string
  readonly file: string
  readonly accountId: string
  /** Printed form, as the keychain would hold it. */
  readonly secretKey: string
  readonly kdf: KdfCost
  readonly itemCount: number
  readonly createAccountMs: number
  readonly createItemsMs: number
  /** The SQLite file and its WAL after close. */
  readonly fileBytes: number
  cleanup(): void
}

function kdfCostOf(store: VaultStore): KdfCost {
  const account = store.getAccount()
  if (account === null) throw new Error('the vault has no account after createAccount()')
  const { memlimitBytes, opslimit } = JSON.parse(account.kdf) as KdfCost
  return { memlimitBytes, opslimit }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

/** Each item through createItem(), so drafts are validated and sealed exactly as the app does. */
function createItems(service: VaultService, store: VaultStore, items: readonly GeneratedItem[]): void {
  store.transaction(() => {
    items.forEach((item, i) => {
      const view = service.createItem(item.draft)
      if (i % EDIT_EVERY === EDIT_EVERY - 1) service.updateItem(view.id, { favorite: !view.favorite })
      if (item.trashed) service.trashItem(view.id)
    })
  })
}

export async function buildVault(items: readonly GeneratedItem[]): Promise<BuiltVault> {
  const dir = mkdtempSync(join(tmpdir(), 'vault-bench-'))
  const cleanup = (): void => rmSync(dir, { recursive: true, force: true })
  const file = join(dir, 'vault.sqlite3')
  const store = VaultStore.open(file)
  const service = new VaultService({ store, keychain: new MemoryKeychain() })
  try {
    const accountStarted = performance.now()
    const created = await service.createAccount({ email: EMAIL, password: PASSWORD })
    const itemsStarted = performance.now()
    createItems(service, store, items)
    const done = performance.now()
    const kdf = kdfCostOf(store)
    service.lock()
    store.close()
    return {
      dir,
      file,
      accountId: created.accountId,
      secretKey: created.secretKey,
      kdf,
      itemCount: items.length,
      createAccountMs: itemsStarted - accountStarted,
      createItemsMs: done - itemsStarted,
      fileBytes: sizeOf(file) + sizeOf(`${file}-wal`),
      cleanup,
    }
  } catch (error) {
    service.lock()
    store.close()
    cleanup()
    throw error
  }
}
