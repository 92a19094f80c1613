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
  RemoteVault,
  SyncServer,
} from '../../../src-main/sync/types.ts'
import { VaultError } from '../../../src-shared/errors.ts'

function conflict(): VaultError {
  return new VaultError('SYNC_CONFLICT', 'revision conflict')
}

export class MemoryServer implements SyncServer {
  #seq = 0
  account: RemoteAccount | null = null
  readonly vaults = new Map<string, RemoteVault>()
  readonly items = new Map<string, RemoteItem>()

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
    this.account = { record: structuredClone(record), seq: ++this.#seq }
    return this.#seq
  }

  async putVault(record: VaultRecord, expectedRevision: number | null): Promise<number> {
    const stored = this.vaults.get(record.vaultId)
    if ((stored?.record.revision ?? null) !== expectedRevision) throw conflict()
    this.vaults.set(record.vaultId, { record: structuredClone(record), seq: ++this.#seq })
    return this.#seq
  }

  async putItem(change: ItemPush, expectedRevision: number | null): Promise<number> {
    const stored = this.items.get(change.itemId)
    if ((stored?.revision ?? null) !== expectedRevision) throw conflict()
    if (expectedRevision !== null && change.revision <= expectedRevision) throw new Error('revision must grow')
    this.items.set(change.itemId, {
      itemId: change.itemId,
      vaultId: change.vaultId,
      revision: change.revision,
      sealed: change.sealed === null ? null : new Uint8Array(change.sealed),
      deleted: change.sealed === null,
      updatedAt: Date.now(),
      seq: ++this.#seq,
    })
    return this.#seq
  }
}
