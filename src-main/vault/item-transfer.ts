/**
 * Ways in and out of the vault (issue 8), as one surface of VaultService:
 * import with a preview, plain export, and the items with their history for
 * an encrypted backup and its restore. Every call needs the vault unlocked
 * and counts as user activity.
 */

import { type ExportedItem, exportItems, type ItemWithHistory, itemsWithHistory, restoreItems } from './item-export.ts'
import { applyImport, type ImportCandidate, type ImportPreview, previewImport } from './item-import.ts'
import type { ItemContext } from './items.ts'

export class ItemTransfer {
  readonly #context: () => ItemContext

  constructor(context: () => ItemContext) {
    this.#context = context
  }

  /** What an import would do; writes nothing. */
  previewImport(candidates: readonly ImportCandidate[]): ImportPreview {
    return previewImport(this.#context(), candidates)
  }

  /** Adds the entries the preview calls new, in one transaction; returns how many. */
  applyImport(candidates: readonly ImportCandidate[]): number {
    return applyImport(this.#context(), candidates)
  }

  exportItems(): ExportedItem[] {
    return exportItems(this.#context())
  }

  itemsWithHistory(): ItemWithHistory[] {
    return itemsWithHistory(this.#context())
  }

  restoreItems(items: readonly ItemWithHistory[]): number {
    return restoreItems(this.#context(), items)
  }
}
