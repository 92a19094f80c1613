/**
 * An in-memory SyncServer with the server's rules (docs/sync.md): one change
 * sequence, current revision per record, expected-revision checks that throw
 * SYNC_CONFLICT. Several test clients share one to converge through it.
 */
import type { AccountRecord, VaultRecord } from '../../../src-main/store/index.ts'
import type {
  AccountExpectation,
  ItemPush,
  RemoteAccount,
  RemoteItem,
  RemoteLogEntry,
  RemoteVault,
  SyncServer,
  VaultPush,
} from '../../../src-main/sync/types.ts'
import type { CredentialChangeRequest } from '../../../src-main/vault/credential-context.ts'
import { VaultError } from '../../../src-shared/errors.ts'

function conflict(): VaultError {
  return new VaultError('SYNC_CONFLICT', 'revision conflict')
}

export class MemoryServer implements SyncServer {
  #seq = 0
  account: RemoteAccount | null = null
  readonly vaults = new Map<string, RemoteVault>()
  readonly items = new Map<string, RemoteItem>()
  /** Each vault's history entries, in counter order (index = counter - 1). */
  readonly logs = new Map<string, RemoteLogEntry[]>()

  async pullAccount(): Promise<RemoteAccount | null> {
    return this.account
  }

  async pullVaults(afterSeq: number, limit: number): Promise<RemoteVault[]> {
    return [...this.vaults.values()]
      .filter((v) => v.seq > afterSeq)
      .sort((a, b) => a.seq - b.seq)
      .slice(0, limit)
  }

  async pullItems(afterSeq: number, limit: number): Promise<RemoteItem[]> {
    return [...this.items.values()]
      .filter((i) => i.seq > afterSeq)
      .sort((a, b) => a.seq - b.seq)
      .slice(0, limit)
  }

  async putAccount(record: AccountRecord, expected: AccountExpectation): Promise<number> {
    const stored = this.account?.record
    const expectedKeyset = stored?.keysetRevision ?? null
    const expectedMeta = stored?.metaRevision ?? null
    if (expected.keysetRevision !== expectedKeyset || expected.metaRevision !== expectedMeta) throw conflict()
    if (stored !== undefined && record.keysetRevision !== stored.keysetRevision) {
      throw new VaultError('SYNC_PROTOCOL', 'the keyset changes only through change_credentials')
    }
    this.account = { record: structuredClone(record), seq: ++this.#seq }
    return this.#seq
  }

  /** Like the server's change_credentials: the login secret checked and replaced with the record, or nothing. */
  loginSecret: string | null = null

  async changeCredentials(change: CredentialChangeRequest): Promise<number> {
    const stored = this.account?.record
    const { expected } = change
    if (stored?.keysetRevision !== expected.keysetRevision || stored.metaRevision !== expected.metaRevision) {
      throw conflict()
    }
    if (this.loginSecret !== null && this.loginSecret !== change.currentLoginSecret) {
      throw new VaultError('SYNC_PROTOCOL', 'the current login secret is wrong')
    }
    this.loginSecret = change.newLoginSecret
    this.account = { record: structuredClone(change.record), seq: ++this.#seq }
    return this.#seq
  }

  async putVault(record: VaultRecord, expectedRevision: number | null): Promise<number> {
    const stored = this.vaults.get(record.vaultId)
    if ((stored?.record.revision ?? null) !== expectedRevision) throw conflict()
    this.vaults.set(record.vaultId, { record: structuredClone(record), seq: ++this.#seq })
    return this.#seq
  }

  async pullLog(vaultId: string, fromCounter: number): Promise<RemoteLogEntry[]> {
    return (this.logs.get(vaultId) ?? []).filter((entry) => entry.counter >= fromCounter)
  }

  /** Like push_items: every check first, then the entry and the items together. */
  async pushItems(push: VaultPush): Promise<number> {
    const log = this.logs.get(push.vaultId) ?? []
    if (push.log.counter <= log.length) throw conflict()
    if (push.log.counter !== log.length + 1) throw new VaultError('SYNC_PROTOCOL', 'vault history counter skips ahead')
    for (const { change, expectedRevision } of push.items) this.#checkItem(change, expectedRevision)
    log.push({ vaultId: push.vaultId, counter: push.log.counter, sealed: new Uint8Array(push.log.sealed) })
    this.logs.set(push.vaultId, log)
    for (const { change } of push.items) this.#putItem(change)
    return this.#seq
  }

  #checkItem(change: ItemPush, expectedRevision: number | null): void {
    const stored = this.items.get(change.itemId)
    if ((stored?.revision ?? null) !== expectedRevision) throw conflict()
    if (expectedRevision !== null && change.revision <= expectedRevision) throw new Error('revision must grow')
  }

  #putItem(change: ItemPush): void {
    this.items.set(change.itemId, {
      itemId: change.itemId,
      vaultId: change.vaultId,
      revision: change.revision,
      sealed: new Uint8Array(change.sealed),
      deleted: change.deleted,
      updatedAt: Date.now(),
      seq: ++this.#seq,
    })
  }
}
