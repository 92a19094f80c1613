/**
 * What happens when the server is caught lying about a vault's history
 * (vault-history.ts): syncing stops, nothing local is changed, and the user
 * is told in plain words what was seen. The halt is kept in the vault file,
 * so a restart does not quietly resume, until the user asks to check again.
 *
 * Every account has one vault so far, so a halt stops the account's sync;
 * the record names the vault so that it can stop only that one later.
 */
import { VaultError } from '../../src-shared/errors.ts'
import { itemId } from '../../src-shared/ipc/views.ts'
import type { VaultStore } from '../store/index.ts'
import type { VaultService } from '../vault/index.ts'

export type HaltKind = 'rollback' | 'fork' | 'withheld' | 'forged'

export interface SyncHalt {
  readonly kind: HaltKind
  readonly vaultId: string
  readonly message: string
  /** The items concerned, when the check could name them (ids only: nothing secret). */
  readonly itemIds: readonly string[]
  readonly detectedAt: number
}

/** A halt as the window sees it: item id → title ('' for one this device lacks, or while the vault is locked). */
export type HaltedView = Omit<SyncHalt, 'vaultId'> & { readonly titles: Readonly<Record<string, string>> }

const HALT_SETTING = 'sync.halted'

const WHAT_WAS_SEEN: Record<HaltKind, string> = {
  rollback: 'The sync server sent an older copy of your vault than this device has already seen.',
  fork: 'The sync server showed this device a history of your vault that differs from the one it showed before, or from the one your other devices wrote.',
  withheld: "The sync server held back items that your vault's history says exist.",
  forged: 'The sync server sent records that none of your devices wrote.',
}
const WHAT_WAS_DONE = ' Syncing has stopped to protect your vault; everything on this device is unchanged.'

/** Thrown inside a sync round at the first proof of a lie; the engine turns it into a halt. */
export class TamperDetected extends Error {
  readonly kind: HaltKind
  readonly vaultId: string
  readonly itemIds: readonly string[]

  constructor(kind: HaltKind, vaultId: string, itemIds: readonly string[] = []) {
    super(`sync halted: ${kind}`)
    this.name = 'TamperDetected'
    this.kind = kind
    this.vaultId = vaultId
    this.itemIds = itemIds
  }
}

export function haltFor(detected: TamperDetected, at: number): SyncHalt {
  const { kind, vaultId, itemIds } = detected
  return { kind, vaultId, itemIds: [...itemIds], message: WHAT_WAS_SEEN[kind] + WHAT_WAS_DONE, detectedAt: at }
}

export function haltedError(halt: SyncHalt): VaultError {
  return new VaultError('SYNC_HALTED', halt.message)
}

export function readHalt(store: VaultStore): SyncHalt | null {
  const value = store.getSetting(HALT_SETTING) as Partial<SyncHalt> | undefined
  if (value === undefined || typeof value.kind !== 'string' || !(value.kind in WHAT_WAS_SEEN)) return null
  return {
    kind: value.kind,
    vaultId: String(value.vaultId ?? ''),
    message: typeof value.message === 'string' ? value.message : WHAT_WAS_SEEN[value.kind] + WHAT_WAS_DONE,
    itemIds: Array.isArray(value.itemIds) ? value.itemIds.filter((id) => typeof id === 'string') : [],
    detectedAt: typeof value.detectedAt === 'number' ? value.detectedAt : 0,
  }
}

export function writeHalt(store: VaultStore, halt: SyncHalt | null): void {
  store.putSetting(HALT_SETTING, halt ?? undefined)
}

/** Main names the items, so the window need not list the whole vault to find a few titles. */
export function haltedView(halt: SyncHalt, vault: Pick<VaultService, 'itemTitles'>): HaltedView {
  const { kind, message, detectedAt } = halt
  // The ids came from the server: only item-shaped ones are passed on, as the window's schema expects.
  const itemIds = halt.itemIds.filter((id) => itemId.safeParse(id).success)
  return { kind, message, itemIds, detectedAt, titles: vault.itemTitles(itemIds) }
}
