/**
 * The encrypted backup of a 10,000-item vault whose items have about three
 * revisions each, and its restore into a fresh vault, as `vault backup` and
 * `vault restore-backup` do them: itemsWithHistory() + writeBackup() at the
 * KDF floor (64 MiB, t=3), then readBackup() + restoreItems() + listItems().
 *
 * Argon2id is timed inside the real writeBackup()/readBackup() call: the
 * codec is handed a stand-in for its optional pre-started worker that starts
 * a fresh Argon2Worker when asked to derive, exactly what it does without
 * one, and times that. The call minus it is the rest of the codec (checks,
 * JSON and schema, padding and secretstream). Those steps are also timed on
 * their own in the same round with the codec's functions (encodePayload,
 * sealBackupBody; openBackupBody, decodePayload), for attribution only.
 * References: JSON.stringify/parse of the same payload, and node:sqlite
 * inserting the same sealed rows.
 */
import { decodeHeader } from '../../src-main/backup/header.ts'
import { readBackup, writeBackup } from '../../src-main/backup/index.ts'
import { type BackupPayload, decodePayload, encodePayload } from '../../src-main/backup/payload.ts'
import {
  Argon2Worker,
  type BackupKey,
  deriveBackupKey,
  KDF_FLOOR,
  openBackupBody,
  randomBytes,
  scrubFreeHeap,
  sealBackupBody,
  zeroize,
} from '../../src-main/crypto/index.ts'
import type { ItemDraft } from '../../src-shared/domain/item.ts'
import type { GeneratedItem } from '../vault/content.ts'
import { rotated } from '../vault/order.ts'
import { type FreshVault, freshVault, Samples, timed, timedAsync } from './fresh-vault.ts'
import { readSealedRows, type SealedRow, sealedBytes, timeSqliteInsert } from './sqlite-reference.ts'

const BACKUP_PASSWORD = 'lantern quarry velvet 58 osprey meadow'
const APP = 'vault-bench'
/** A backup file's associated data is its 50-byte header; any 50 bytes time the cipher the same. */
const HEADER_BYTES = 50
const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

export const BACKUP_KEYS = {
  itemsWithHistory: 'itemsWithHistory',
  write: 'writeBackup',
  deriveWrite: 'writeArgon2id',
  writeCodec: 'writeCodec',
  encode: 'encodePayload',
  seal: 'sealBody',
  backupTotal: 'backupTotal',
  stringify: 'jsonStringify',
} as const

export const RESTORE_KEYS = {
  read: 'readBackup',
  deriveRead: 'readArgon2id',
  readCodec: 'readCodec',
  open: 'openBody',
  decode: 'decodePayload',
  restore: 'restoreItems',
  list: 'list',
  total: 'restoreTotal',
  createAccount: 'createAccount',
  jsonParse: 'jsonParse',
  sqlite: 'sqliteInsert',
} as const

/**
 * Without a worker the codec calls Argon2Worker.start(memlimit).derive(input);
 * this stand-in does the same when derive() is called, and records how long it took.
 */
function timedDerivation(): { worker: Argon2Worker; ms: () => number } {
  let ms = Number.NaN
  const standIn = {
    async derive(input: Parameters<Argon2Worker['derive']>[0]): Promise<Uint8Array> {
      const started = performance.now()
      try {
        return await Argon2Worker.start(input.memlimitBytes).derive(input)
      } finally {
        ms = performance.now() - started
      }
    },
    /** Called only when a check fails before the derivation; nothing was started yet. */
    async terminate(): Promise<void> {},
  }
  return { worker: standIn as unknown as Argon2Worker, ms: () => ms }
}

export interface HistoryVault {
  readonly vault: FreshVault
  readonly items: number
  readonly revisions: number
  readonly trashed: number
  readonly buildMs: number
}

/** Another value for the field an edit would change: a login's password, anything else's notes. */
function edit(draft: ItemDraft, step: number): Record<string, unknown> {
  if (draft.type === 'login') {
    const password = (draft.fields as { password: string }).password
    return { fields: { password: `${password.slice(0, -2)}${step}!` } }
  }
  return { notes: `${draft.notes}\nEdited (${step}).` }
}

/**
 * Each item created, then edited once, twice or three times (2, 3 or 4
 * revisions, 3 on average), and the 1% the generator marks trashed moved to
 * the trash (one revision more); all in one store.transaction().
 */
export async function buildHistoryVault(items: readonly GeneratedItem[]): Promise<HistoryVault> {
  const vault = await freshVault('transfer-backup-')
  try {
    const { service, store } = vault
    let revisions = 0
    const started = performance.now()
    store.transaction(() => {
      items.forEach((item, i) => {
        const view = service.createItem(item.draft)
        const edits = 1 + (i % 3)
        for (let step = 1; step <= edits; step += 1) service.updateItem(view.id, edit(item.draft, step))
        if (item.trashed) service.trashItem(view.id)
        revisions += 1 + edits + (item.trashed ? 1 : 0)
      })
    })
    const buildMs = performance.now() - started
    const trashed = items.filter((item) => item.trashed).length
    return { vault, items: items.length, revisions, trashed, buildMs }
  } catch (error) {
    vault.remove()
    throw error
  }
}

export interface BackupRun {
  readonly rounds: number
  readonly samples: Samples
  readonly items: number
  readonly revisions: number
  readonly payloadBytes: number
  readonly fileBytes: number
  /** The last backup written, for the restore rounds. */
  readonly file: Uint8Array
  readonly failures: readonly string[]
}

/** writeBackup() whole, Argon2id timed inside it. */
async function writeWhole(samples: Samples, payload: BackupPayload): Promise<Uint8Array> {
  const derivation = timedDerivation()
  const written = await timedAsync(() =>
    writeBackup(payload, BACKUP_PASSWORD, { kdf: KDF_FLOOR, worker: derivation.worker }),
  )
  samples.add(BACKUP_KEYS.write, written.ms)
  samples.add(BACKUP_KEYS.deriveWrite, derivation.ms())
  samples.add(BACKUP_KEYS.writeCodec, written.ms - derivation.ms())
  return written.value
}

/** encodePayload() and sealBackupBody() on their own, under a random key. */
function writeSteps(samples: Samples, payload: BackupPayload): void {
  const json = timed(() => encodePayload(payload))
  const key = randomBytes(32) as BackupKey
  const sealed = timed(() => sealBackupBody(key, new Uint8Array(HEADER_BYTES), json.value))
  zeroize(key)
  zeroize(json.value)
  scrubFreeHeap()
  samples.add(BACKUP_KEYS.encode, json.ms)
  samples.add(BACKUP_KEYS.seal, sealed.ms)
}

function stringifyReference(samples: Samples, payload: BackupPayload): number {
  const json = timed(() => encoder.encode(JSON.stringify(payload)))
  samples.add(BACKUP_KEYS.stringify, json.ms)
  return json.value.length
}

export async function measureBackup(history: HistoryVault, rounds: number): Promise<BackupRun> {
  const samples = new Samples()
  const failures = new Set<string>()
  const { service } = history.vault
  let file: Uint8Array = new Uint8Array()
  let payloadBytes = 0
  for (let r = 0; r < rounds; r += 1) {
    const items = timed(() => service.transfer.itemsWithHistory())
    samples.add(BACKUP_KEYS.itemsWithHistory, items.ms)
    const revisions = items.value.reduce((sum, item) => sum + item.revisions.length, 0)
    if (items.value.length !== history.items || revisions !== history.revisions) {
      failures.add(`transfer backup: itemsWithHistory() gave ${items.value.length} items, ${revisions} revisions`)
    }
    const payload: BackupPayload = { createdAt: Date.now(), app: APP, items: items.value }
    const steps: readonly (() => Promise<void>)[] = [
      async () => {
        file = await writeWhole(samples, payload)
      },
      async () => writeSteps(samples, payload),
      async () => {
        payloadBytes = stringifyReference(samples, payload)
      },
    ]
    for (const step of rotated(steps, r)) await step()
    const total = items.ms + (samples.get(BACKUP_KEYS.write).at(-1) ?? 0)
    samples.add(BACKUP_KEYS.backupTotal, total)
    console.error(`  transfer backup: round ${r + 1}/${rounds} done (${Math.round(total)} ms)`)
  }
  return {
    rounds,
    samples,
    items: history.items,
    revisions: history.revisions,
    payloadBytes,
    fileBytes: file.length,
    file,
    failures: [...failures],
  }
}

export interface RestoreRun {
  readonly rounds: number
  readonly samples: Samples
  readonly restored: number
  readonly listed: number
  readonly sealedRows: number
  readonly sealedBytes: number
  readonly failures: readonly string[]
}

/** openBackupBody() and decodePayload() on their own, and JSON.parse of the same plaintext. */
async function readSteps(samples: Samples, file: Uint8Array): Promise<void> {
  const { header, headerBytes, body } = decodeHeader(file)
  const key = await deriveBackupKey(BACKUP_PASSWORD, header.kdf)
  const plain = timed(() => openBackupBody(key, headerBytes, body))
  zeroize(key)
  scrubFreeHeap()
  const decoded = timed(() => decodePayload(plain.value, header.createdAt))
  const parsed = timed(() => JSON.parse(decoder.decode(plain.value)) as { items: unknown[] })
  zeroize(plain.value)
  if (parsed.value.items.length !== decoded.value.items.length) throw new Error('transfer: JSON.parse disagrees')
  samples.add(RESTORE_KEYS.open, plain.ms)
  samples.add(RESTORE_KEYS.decode, decoded.ms)
  samples.add(RESTORE_KEYS.jsonParse, parsed.ms)
}

interface RestoreOutcome {
  readonly restored: number
  readonly listed: number
  readonly indexed: number
  readonly rows: SealedRow[]
}

async function restoreOnce(samples: Samples, file: Uint8Array): Promise<RestoreOutcome> {
  const vault = await freshVault('transfer-restore-')
  try {
    samples.add(RESTORE_KEYS.createAccount, vault.createAccountMs)
    const { service } = vault
    const derivation = timedDerivation()
    const read = await timedAsync(() => readBackup(file, BACKUP_PASSWORD, { worker: derivation.worker }))
    const restored = timed(() => service.transfer.restoreItems(read.value.items))
    const list = timed(() => service.listItems())
    const status = service.status()
    samples.add(RESTORE_KEYS.read, read.ms)
    samples.add(RESTORE_KEYS.deriveRead, derivation.ms())
    samples.add(RESTORE_KEYS.readCodec, read.ms - derivation.ms())
    samples.add(RESTORE_KEYS.restore, restored.ms)
    samples.add(RESTORE_KEYS.list, list.ms)
    samples.add(RESTORE_KEYS.total, read.ms + restored.ms + list.ms)
    vault.close()
    return {
      restored: restored.value,
      listed: list.value.length,
      indexed: status.state === 'unlocked' ? status.itemCount : 0,
      rows: readSealedRows(vault.file),
    }
  } finally {
    vault.remove()
  }
}

function restoreFailures(outcome: RestoreOutcome, backup: BackupRun, trashed: number): string[] {
  const failures: string[] = []
  if (outcome.restored !== backup.items || outcome.indexed !== backup.items) {
    failures.push(`transfer restore: restored ${outcome.restored}, indexed ${outcome.indexed} of ${backup.items}`)
  }
  if (outcome.listed !== backup.items - trashed || outcome.rows.length !== backup.revisions) {
    failures.push(`transfer restore: ${outcome.listed} listed, ${outcome.rows.length} revisions stored`)
  }
  return failures
}

export async function measureRestore(backup: BackupRun, trashed: number, rounds: number): Promise<RestoreRun> {
  const samples = new Samples()
  const failures = new Set<string>()
  let last: RestoreOutcome | null = null
  for (let r = 0; r < rounds; r += 1) {
    const outcomes: RestoreOutcome[] = []
    const steps: readonly (() => Promise<void>)[] = [
      async () => {
        outcomes.push(await restoreOnce(samples, backup.file))
      },
      () => readSteps(samples, backup.file),
    ]
    for (const step of rotated(steps, r)) await step()
    const [outcome] = outcomes
    if (outcome === undefined) throw new Error('transfer restore: no restore ran')
    last = outcome
    samples.add(RESTORE_KEYS.sqlite, timeSqliteInsert(outcome.rows))
    for (const failure of restoreFailures(outcome, backup, trashed)) failures.add(failure)
    const total = samples.get(RESTORE_KEYS.total).at(-1) ?? 0
    console.error(`  transfer restore: round ${r + 1}/${rounds} done (${Math.round(total)} ms)`)
  }
  if (last === null) throw new Error('transfer restore: no round ran')
  return {
    rounds,
    samples,
    restored: last.restored,
    listed: last.listed,
    sealedRows: last.rows.length,
    sealedBytes: sealedBytes(last.rows),
    failures: [...failures],
  }
}
