/** Shared fixtures for the store tests: a temp folder per test, sample records, file fingerprints. */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import {
  type AccountRecord,
  type ItemRecord,
  type VaultRecord,
  VaultStore,
  type VaultStoreOptions,
} from '../../../src-main/store/index.ts'

export interface Sandbox {
  /** The test's own temp folder (fresh for every test, removed after it). */
  dir(): string
  file(name?: string): string
  /** Opens a store that is closed after the test even if the test fails. */
  open(name?: string, options?: VaultStoreOptions): VaultStore
}

export function tempStoreSandbox(): Sandbox {
  let dir = ''
  const stores: VaultStore[] = []
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vault-store-test-'))
  })
  afterEach(async () => {
    for (const store of stores.splice(0)) store.close()
    await rm(dir, { recursive: true, force: true })
  })
  const file = (name = 'vault.db') => join(dir, name)
  return {
    dir: () => dir,
    file,
    open(name, options) {
      const store = VaultStore.open(file(name), options)
      stores.push(store)
      return store
    },
  }
}

/** Stand-in for a sealed envelope: the store treats it as opaque bytes. */
export function blob(label: string, size = 300): Uint8Array {
  const out = new Uint8Array(size)
  const text = new TextEncoder().encode(label)
  for (let i = 0; i < size; i++) out[i] = text[i % text.length] ?? 0
  return out
}

export function item(itemId: string, revision: number, vaultId = 'vault-1'): ItemRecord {
  return { itemId, vaultId, revision, sealed: blob(`${itemId}@${revision}`), savedAt: 1_700_000_000_000 + revision }
}

export function vault(vaultId: string, revision = 1): VaultRecord {
  return {
    vaultId,
    revision,
    sealedKey: blob(`key:${vaultId}`),
    sealedMeta: blob(`meta:${vaultId}@${revision}`),
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000 + revision,
  }
}

export function account(accountId = 'ABC234', keysetRevision = 0, metaRevision = 0): AccountRecord {
  return {
    accountId,
    kdf: JSON.stringify({
      v: 1,
      alg: 'argon2id13',
      memlimitBytes: 268435456,
      opslimit: 3,
      salt: 'AAAAAAAAAAAAAAAAAAAAAA==',
    }),
    keysetRevision,
    sealedKeyset: blob(`keyset@${keysetRevision}`),
    boxPublicKey: blob('box-public', 32),
    metaRevision,
    sealedMeta: blob(`account-meta@${metaRevision}`),
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000 + keysetRevision + metaRevision,
  }
}

/** SHA-256 of a file and of its -wal, to prove a refused file was not touched. */
export function fingerprint(path: string): string {
  const hash = createHash('sha256').update(readFileSync(path))
  if (existsSync(`${path}-wal`)) hash.update(readFileSync(`${path}-wal`))
  return hash.digest('hex')
}
