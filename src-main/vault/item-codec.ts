/**
 * Seals and opens item content. The context binds each record to its account,
 * vault, item id and revision, so a record moved to another row, item or
 * revision fails to open (envelope.ts).
 */

import { ITEM_TYPES, type ItemContent, itemDraftSchema } from '../../src-shared/domain/item.ts'
import { VaultError } from '../../src-shared/errors.ts'
import { open, seal, type VaultKey } from '../crypto/index.ts'

export interface ItemAddress {
  readonly accountId: string
  readonly vaultId: string
  readonly itemId: string
  readonly revision: number
}

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

export function sealItem(key: VaultKey, address: ItemAddress, content: ItemContent): Uint8Array {
  const plaintext = encoder.encode(JSON.stringify(content))
  try {
    return seal(key, { purpose: 'item', ...address }, plaintext)
  } finally {
    plaintext.fill(0)
  }
}

/** Throws DECRYPTION_FAILED (and the envelope's other codes) or, for a record that opens but does not parse, MALFORMED_ENVELOPE. */
export function openItem(key: VaultKey, address: ItemAddress, sealed: Uint8Array): ItemContent {
  const plaintext = open(key, { purpose: 'item', ...address }, sealed)
  try {
    return parseContent(decoder.decode(plaintext))
  } finally {
    plaintext.fill(0)
  }
}

function parseContent(json: string): ItemContent {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch {
    throw malformed()
  }
  if (typeof raw !== 'object' || raw === null) throw malformed()
  const { v, createdAt, updatedAt, trashedAt, ...draft } = raw as Record<string, unknown>
  if (v !== 1) {
    throw new VaultError('UNSUPPORTED_VERSION', `Item format ${String(v)} is not supported by this app.`)
  }
  const parsed = itemDraftSchema.safeParse(draft)
  if (!parsed.success || !isTime(createdAt) || !isTime(updatedAt) || !(trashedAt === null || isTime(trashedAt))) {
    throw malformed()
  }
  return { ...parsed.data, v: 1, createdAt, updatedAt, trashedAt }
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}

function malformed(): VaultError {
  return new VaultError('MALFORMED_ENVELOPE', 'An item opened but its contents are not a valid item.')
}

/** Runs the item schema once on each type, so its first real use at unlock is not also its compilation. */
export function warmItemCodec(): void {
  for (const type of ITEM_TYPES) itemDraftSchema.safeParse({ type, title: 'warm-up' })
}
