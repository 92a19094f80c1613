/**
 * The backup's plaintext (docs/backup-format.md §4): UTF-8 JSON,
 *
 *   {"v":1,"createdAt":<ms>,"app":"<writer>","items":[
 *     {"id":"<item id>","revisions":[{"revision":<n>,"savedAt":<ms>,"content":<ItemContent>},…]},…]}
 *
 * with each item's revisions in ascending order, the last one current. The
 * same schema checks what is written and what is read, so a file this app
 * writes is one it can read back.
 */
import { z } from 'zod'
import { type ItemContent, itemDraftSchema } from '../../src-shared/domain/item.ts'
import { VaultError } from '../../src-shared/errors.ts'

export const PAYLOAD_VERSION = 1

export interface BackupRevision {
  readonly revision: number
  readonly savedAt: number
  readonly content: ItemContent
}

export interface BackupItem {
  readonly id: string
  /** Ascending by revision; the last is the current one. */
  readonly revisions: readonly BackupRevision[]
}

export interface BackupPayload {
  /** ms since the Unix epoch; also in the plaintext header. */
  readonly createdAt: number
  /** The app and version that wrote the backup, for the record. */
  readonly app: string
  readonly items: readonly BackupItem[]
}

const time = z.int().min(0)

/** ItemContent: the draft schema of the item model plus its lifecycle fields, as item-codec.ts reads it. */
export const itemContentSchema = z
  .looseObject({ v: z.literal(1), createdAt: time, updatedAt: time, trashedAt: time.nullable() })
  .transform((raw, context): ItemContent => {
    const { v, createdAt, updatedAt, trashedAt, ...draft } = raw
    const parsed = itemDraftSchema.safeParse(draft)
    if (!parsed.success) {
      for (const { code, path } of parsed.error.issues) context.addIssue({ code: 'custom', message: code, path })
      return z.NEVER
    }
    return { ...parsed.data, v, createdAt, updatedAt, trashedAt }
  })

const revisionSchema = z.strictObject({ revision: time, savedAt: time, content: itemContentSchema })

const itemSchema = z.strictObject({
  id: z.string().min(1).max(200),
  revisions: z.array(revisionSchema).min(1).refine(ascending, { message: 'revisions_not_ascending' }),
})

const payloadSchema = z.strictObject({
  v: z.literal(PAYLOAD_VERSION),
  createdAt: time,
  app: z.string().max(200),
  items: z.array(itemSchema).refine((items) => new Set(items.map((item) => item.id)).size === items.length, {
    message: 'duplicate_item_ids',
  }),
})

function ascending(revisions: readonly { readonly revision: number }[]): boolean {
  return revisions.every((entry, index) => index === 0 || entry.revision > (revisions[index - 1]?.revision ?? -1))
}

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

/** Checks the payload and encodes it; the caller zeroizes the bytes. Throws BACKUP_INVALID. */
export function encodePayload(payload: BackupPayload): Uint8Array {
  const { createdAt, app, items } = payload
  const checked = check({ v: PAYLOAD_VERSION, createdAt, app, items }, 'This backup would not restore')
  return encoder.encode(JSON.stringify(checked))
}

/** Parses and checks a decrypted payload. Throws BACKUP_INVALID. */
export function decodePayload(bytes: Uint8Array, headerCreatedAt: number): BackupPayload {
  let raw: unknown
  try {
    raw = JSON.parse(decoder.decode(bytes))
  } catch {
    throw new VaultError('BACKUP_INVALID', 'The backup opened, but its contents are not valid JSON.')
  }
  const { createdAt, app, items } = check(raw, 'The backup opened, but its contents are not a valid backup')
  if (createdAt !== headerCreatedAt) {
    throw new VaultError('BACKUP_INVALID', 'The backup opened, but its creation time disagrees with its header.')
  }
  return { createdAt, app, items }
}

function check(value: unknown, failure: string): z.output<typeof payloadSchema> {
  const parsed = payloadSchema.safeParse(value)
  if (parsed.success) return parsed.data
  // Paths and issue codes only: a message could quote a value, and values are secrets.
  const [issue] = parsed.error.issues
  const where =
    issue === undefined ? '' : `${formatPath(issue.path)}: ${issue.code === 'custom' ? issue.message : issue.code}`
  throw new VaultError('BACKUP_INVALID', `${failure} (${where}).`)
}

function formatPath(path: readonly PropertyKey[]): string {
  return (
    path
      .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index > 0 ? '.' : ''}${String(part)}`))
      .join('') || '(root)'
  )
}
