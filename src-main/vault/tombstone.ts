/**
 * The sealed marker a deletion carries to the server. Without it a server
 * could send any device a tombstone for any item, and the device would drop
 * the item with its whole history. The marker is an envelope of purpose
 * 'tombstone' under the item's VaultKey, bound to the item id and the
 * tombstone's revision, so only this account can make one, and only for
 * that item at that revision.
 */
import { open, seal, type VaultKey, zeroize } from '../crypto/index.ts'
import type { UnlockedSession } from './session.ts'

export interface TombstoneAddress {
  readonly accountId: string
  readonly vaultId: string
  readonly itemId: string
  readonly revision: number
}

const MARKER = new TextEncoder().encode('{"v":1,"deleted":true}')

export function sealTombstone(vaultKey: VaultKey, address: TombstoneAddress): Uint8Array {
  return seal(vaultKey, { purpose: 'tombstone', ...address }, MARKER)
}

export function tombstoneOpens(
  session: UnlockedSession,
  address: TombstoneAddress,
  sealed: Uint8Array | null,
): boolean {
  if (sealed === null) return false
  try {
    zeroize(open(session.vaultKey(address.vaultId), { purpose: 'tombstone', ...address }, sealed))
    return true
  } catch {
    return false
  }
}
