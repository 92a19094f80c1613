/**
 * Reading and opening every item at unlock without blocking the event loop:
 * rows a page at a time, and a yield whenever a stretch of work passes a few
 * milliseconds, so the window stays responsive while thousands open.
 */
import { VaultError } from '../../src-shared/errors.ts'
import type { ItemRecord, VaultStore } from '../store/index.ts'
import * as items from './items.ts'
import { yieldToEventLoop } from './pacing.ts'
import type { UnlockedSession } from './session.ts'

/** Rows per read while unlocking, and the longest stretch of work between two yields. */
const READ_PAGE = 250
const SLICE_MS = 8

/** Reads every current sealed item a page at a time, yielding between pages. */
export async function readItemRecords(store: VaultStore): Promise<ItemRecord[]> {
  const records: ItemRecord[] = []
  for (let after = ''; ; ) {
    const page = store.listCurrentItemsPage(after, READ_PAGE)
    records.push(...page)
    const last = page.at(-1)
    if (last === undefined || page.length < READ_PAGE) return records
    after = last.itemId
    await yieldToEventLoop()
  }
}

/** Opens every item, yielding whenever a slice of work passes SLICE_MS, so the event loop is never blocked long. */
export async function indexAll(session: UnlockedSession, records: readonly ItemRecord[]): Promise<void> {
  let sliceStart = performance.now()
  for (const record of records) {
    items.indexRecord(session, record)
    if (performance.now() - sliceStart < SLICE_MS) continue
    await yieldToEventLoop()
    if (session.locked) throw new VaultError('VAULT_LOCKED', 'The vault was locked while it was opening.')
    sliceStart = performance.now()
  }
  session.index.prepare()
}
