/**
 * A new device joining an account that already lives on the server: its
 * empty store takes the account record (KDF parameters, sealed keyset) and
 * the sealed vault keys from the server, so the next unlock with the master
 * password and Secret Key opens them; the first sync then brings every item.
 */
import { VaultError } from '../../src-shared/errors.ts'
import type { VaultStore } from '../store/index.ts'
import type { SyncServer } from './types.ts'

export async function joinFromServer(store: VaultStore, server: SyncServer, accountId: string): Promise<void> {
  if (store.getAccount() !== null) {
    throw new VaultError(
      'ACCOUNT_EXISTS',
      'This device already has a vault; sign in to sync from its settings instead.',
    )
  }
  const account = await server.pullAccount()
  if (account === null || account.record.accountId !== accountId) {
    throw new VaultError('SYNC_NO_ACCOUNT', `The server has no account ${accountId} for this sign-in.`)
  }
  const vaults = await server.pullVaults(0, 1000)
  store.transaction(() => {
    store.sync.acceptRemoteAccount(account.record)
    for (const { record } of vaults) store.sync.acceptRemoteVault(record)
  })
}
