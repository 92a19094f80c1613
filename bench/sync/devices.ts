/**
 * The local Supabase stand-in (test/supabase/stack.ts: real PostgREST on a
 * private clone of the Postgres test database, auth and realtime stand-ins)
 * and the devices that sync through it: each its own data folder, real
 * crypto, real SQLite, VaultService + SyncService as the app wires them, with
 * in-memory keychain and token store, and the KDF at the floor (64 MiB, t=3).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { KDF_FLOOR } from '../../src-main/crypto/index.ts'
import { VaultStore } from '../../src-main/store/index.ts'
import { SyncService } from '../../src-main/sync/sync-service.ts'
import { VaultService, vaultFilePath } from '../../src-main/vault/index.ts'
import { type SupabaseStack, startSupabaseStack } from '../../test/supabase/stack.ts'
import { MemoryKeychain, MemoryTokens } from '../../test/support/main-fakes.ts'
import { PASSWORD } from '../vault/build.ts'

export { PASSWORD }
export const EMAIL = 'ada@example.org'
const START_CLUSTER = 'bash scripts/postgres-test-cluster.sh start'

export interface Device {
  readonly store: VaultStore
  readonly vault: VaultService
  readonly sync: SyncService
  close(): void
}

/** Starts the stack; without the Postgres test cluster, fails with the command that starts it. */
export async function startStack(): Promise<SupabaseStack> {
  try {
    return await startSupabaseStack()
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new Error(
      `The sync benchmark needs the Postgres test cluster. Run \`${START_CLUSTER}\` first, then ` +
        `\`npm run bench -- --only sync\`.\n  Cause: ${message}`,
    )
  }
}

export function configOf(stack: SupabaseStack): { url: string; anonKey: string } {
  return { url: stack.url, anonKey: stack.anonKey }
}

export class Devices {
  readonly #open = new Set<Device>()

  create(): Device {
    const dir = mkdtempSync(join(tmpdir(), 'sync-bench-'))
    const store = VaultStore.open(vaultFilePath(dir))
    const vault = new VaultService({ store, keychain: new MemoryKeychain(), kdfCost: KDF_FLOOR })
    const sync = new SyncService({ vault, store, tokens: new MemoryTokens(), deviceLabel: 'Linux' })
    const device: Device = {
      store,
      vault,
      sync,
      close: () => {
        if (!this.#open.delete(device)) return
        sync.close()
        vault.lock()
        store.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
    this.#open.add(device)
    return device
  }

  closeAll(): void {
    for (const device of [...this.#open]) device.close()
  }
}
