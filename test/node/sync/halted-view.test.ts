/** A halt as the window gets it: the items concerned named by main, so the window need not list the vault. */
import { describe, expect, it } from 'vitest'
import { haltedView, type SyncHalt } from '../../../src-main/sync/tamper.ts'
import type { VaultService } from '../../../src-main/vault/index.ts'

const HERE = '0b6f9d52-6a43-4f7e-9a57-1f0c3c1f1a01'
const HELD_BACK = '0b6f9d52-6a43-4f7e-9a57-1f0c3c1f1a99'
const HALT: SyncHalt = {
  kind: 'withheld',
  vaultId: 'vault-1',
  message: 'The sync server held back items.',
  itemIds: [HERE, HELD_BACK],
  detectedAt: 1_700_000_000_000,
}

/** Just what haltedView asks of the vault: the titles of some items (VaultService.itemTitles). */
function vaultStub(titles: Record<string, string>): Pick<VaultService, 'itemTitles'> {
  return { itemTitles: (ids) => Object.fromEntries(ids.map((id) => [id, titles[id] ?? ''])) }
}

describe('haltedView', () => {
  it('names the items this device has, and leaves the others unnamed', () => {
    expect(haltedView(HALT, vaultStub({ [HERE]: 'GitHub' }))).toEqual({
      kind: 'withheld',
      message: HALT.message,
      itemIds: [HERE, HELD_BACK],
      titles: { [HERE]: 'GitHub', [HELD_BACK]: '' },
      detectedAt: HALT.detectedAt,
    })
  })

  it('passes on only item-shaped ids (they came from the server)', () => {
    const view = haltedView({ ...HALT, itemIds: [HERE, 'not-an-id'] }, vaultStub({ [HERE]: 'GitHub' }))
    expect(view.itemIds).toEqual([HERE])
    expect(Object.keys(view.titles)).toEqual([HERE])
  })
})
