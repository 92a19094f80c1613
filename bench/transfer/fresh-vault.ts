/**
 * An empty vault on disk, as the app makes one: a temp folder, VaultStore,
 * VaultService with an in-memory keychain and the KDF at the floor (64 MiB,
 * t=3), an account created and left unlocked. close() locks it and removes
 * the folder. Also the timing helpers the transfer benchmark shares.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { KDF_FLOOR } from '../../src-main/crypto/index.ts'
import { VaultStore } from '../../src-main/store/index.ts'
import { VaultService, vaultFilePath } from '../../src-main/vault/index.ts'
import { MemoryKeychain } from '../../test/support/main-fakes.ts'
import { PASSWORD } from '../vault/build.ts'

const EMAIL = 'ada@example.org'

export interface FreshVault {
  readonly file: string
  readonly store: VaultStore
  readonly service: VaultService
  /** createAccount(): one Argon2id at the floor, keyset and vault key sealed, two rows written. */
  readonly createAccountMs: number
  /** Locks and closes; the file stays until remove(), so it can still be read. */
  close(): void
  remove(): void
}

export async function freshVault(prefix: string): Promise<FreshVault> {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const file = vaultFilePath(dir)
  const store = VaultStore.open(file)
  const service = new VaultService({ store, keychain: new MemoryKeychain(), kdfCost: KDF_FLOOR })
  let closed = false
  const close = (): void => {
    if (closed) return
    closed = true
    service.lock()
    store.close()
  }
  const remove = (): void => {
    close()
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    const started = performance.now()
    await service.createAccount({ email: EMAIL, password: PASSWORD })
    return { file, store, service, createAccountMs: performance.now() - started, close, remove }
  } catch (error) {
    remove()
    throw error
  }
}

export function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now()
  const value = work()
  return { value, ms: performance.now() - started }
}

export async function timedAsync<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now()
  const value = await work()
  return { value, ms: performance.now() - started }
}

/** Named series of samples, one value per round. */
export class Samples {
  readonly #series = new Map<string, number[]>()

  add(key: string, ms: number): void {
    const values = this.#series.get(key) ?? []
    values.push(ms)
    this.#series.set(key, values)
  }

  get(key: string): number[] {
    const values = this.#series.get(key)
    if (values === undefined || values.length === 0) throw new Error(`transfer: no samples for '${key}'`)
    return values
  }

  entries(): [string, number[]][] {
    return [...this.#series.entries()]
  }
}
