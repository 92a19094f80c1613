/**
 * A malicious sync server for the end-to-end tests: the database superuser
 * reads and rewrites one user's rows directly, between syncs, bypassing the
 * checked write functions (docs/security-design.md §2.2, issue 7).
 *
 * Every write that changes a row of accounts, vaults or items also gives it
 * a new `seq` from public.change_seq (and a new updated_at), as the real
 * functions do, so a client's next pull ("seq > last seen") picks it up.
 * Writes take the same per-user transaction lock as the write functions, so
 * rows stay visible in seq order.
 *
 * Values are as on the wire: envelopes as standard base64 text, bigints as
 * numbers (converted on the way out of rows()).
 */
import { randomUUID } from 'node:crypto'
import pg from 'pg'

export type Table = 'accounts' | 'vaults' | 'items' | 'devices' | 'vault_log'
export type Row = Record<string, unknown>

/** One item row of one user. */
export interface ItemRef {
  readonly userId: string
  readonly itemId: string
}

/** Rows as they were, to be put back by restore() (rollback). */
export interface Snapshot {
  readonly table: Table
  readonly userId: string
  readonly rows: readonly Row[]
}

const PRIMARY_KEYS: Record<Table, readonly string[]> = {
  accounts: ['user_id'],
  vaults: ['user_id', 'vault_id'],
  items: ['user_id', 'item_id'],
  devices: ['user_id', 'device_id'],
  vault_log: ['user_id', 'vault_id', 'counter'],
}
/** devices takes no seq (docs/sync.md); vault_log keeps its own, clients read it by counter. */
const SEQUENCED: ReadonlySet<Table> = new Set(['accounts', 'vaults', 'items'])
const BIGINTS: ReadonlySet<string> = new Set(['revision', 'keyset_revision', 'meta_revision', 'seq', 'counter'])
/** Set by every bumping write itself. */
const MANAGED: ReadonlySet<string> = new Set(['seq', 'updated_at'])

function ident(name: string): string {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`not a column name: ${name}`)
  return `"${name}"`
}

function fromDb(row: Row): Row {
  const out: Row = {}
  for (const [key, value] of Object.entries(row)) {
    out[key] = BIGINTS.has(key) && value !== null ? Number(value) : value
  }
  return out
}

/** `where` as SQL (always scoped to the user) and its parameters, numbered after `offset`. */
function whereClause(userId: string, where: Row, offset = 0): { sql: string; params: unknown[] } {
  const params: unknown[] = [userId]
  const parts = [`user_id = $${offset + 1}`]
  for (const [column, value] of Object.entries(where)) {
    params.push(value)
    parts.push(`${ident(column)} = $${offset + params.length}`)
  }
  return { sql: parts.join(' and '), params }
}

/** Decodes an envelope, lets `edit` change its bytes in place (or return new ones), encodes it again. */
export function rewriteEnvelope(base64: string, edit: (bytes: Buffer) => Buffer | undefined): string {
  const bytes = Buffer.from(base64, 'base64')
  return (edit(bytes) ?? bytes).toString('base64')
}

export class MaliciousServer {
  readonly #dbUrl: string

  constructor(dbUrl: string) {
    this.#dbUrl = dbUrl
  }

  async #withDb<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: this.#dbUrl, application_name: 'malicious-server' })
    await client.connect()
    try {
      return await use(client)
    } finally {
      await client.end()
    }
  }

  /** One transaction holding the user's write lock (private.begin_write takes the same one). */
  #write<T>(userId: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
    return this.#withDb(async (client) => {
      await client.query('begin')
      try {
        await client.query(`select pg_advisory_xact_lock(hashtextextended('vault-sync-user:' || $1, 0))`, [userId])
        const result = await use(client)
        await client.query('commit')
        return result
      } catch (error) {
        await client.query('rollback')
        throw error
      }
    })
  }

  /** The auth user id behind an email (the sign-in address). */
  async userIdOf(email: string): Promise<string> {
    return this.#withDb(async (client) => {
      const { rows } = await client.query('select id::text as id from auth.users where email = $1', [email])
      const id = rows[0]?.id as string | undefined
      if (id === undefined) throw new Error('no auth user with that email')
      return id
    })
  }

  /** The user's rows of a table (optionally only those matching `where`), in seq order where there is one. */
  async rows(table: Table, userId: string, where: Row = {}): Promise<Row[]> {
    const clause = whereClause(userId, where)
    const order = SEQUENCED.has(table) ? ' order by seq' : ''
    return this.#withDb(async (client) => {
      const { rows } = await client.query(
        `select * from public.${ident(table)} where ${clause.sql}${order}`,
        clause.params,
      )
      return (rows as Row[]).map(fromDb)
    })
  }

  /** Exactly one row (throws otherwise). */
  async row(table: Table, userId: string, where: Row = {}): Promise<Row> {
    const rows = await this.rows(table, userId, where)
    if (rows.length !== 1) throw new Error(`expected one ${table} row, found ${rows.length}`)
    return rows[0] as Row
  }

  /**
   * Rewrites columns of exactly one row, giving it a new seq so clients pull it.
   * Returns the row as it is now.
   */
  async update(table: Table, userId: string, where: Row, set: Row): Promise<Row> {
    const columns = Object.keys(set).filter((column) => !MANAGED.has(column))
    const assignments = columns.map((column, i) => `${ident(column)} = $${i + 1}`)
    if (SEQUENCED.has(table)) assignments.push(`seq = nextval('public.change_seq')`, 'updated_at = now()')
    if (assignments.length === 0) throw new Error('nothing to set')
    const clause = whereClause(userId, where, columns.length)
    return this.#write(userId, async (client) => {
      const { rows } = await client.query(
        `update public.${ident(table)} set ${assignments.join(', ')} where ${clause.sql} returning *`,
        [...columns.map((column) => set[column]), ...clause.params],
      )
      if (rows.length !== 1) throw new Error(`expected to update one ${table} row, updated ${rows.length}`)
      return fromDb(rows[0] as Row)
    })
  }

  /**
   * Puts the sealed item of `from` into the row of `to` (which may belong to
   * another user), as a live item at `revision` (default: one above what `to`
   * holds, so a client that saw `to` will try to open it).
   */
  async copySealed(from: ItemRef, to: ItemRef, options: { revision?: number } = {}): Promise<Row> {
    const source = await this.row('items', from.userId, { item_id: from.itemId })
    if (typeof source.sealed !== 'string') throw new Error('the source item is a tombstone')
    const target = await this.row('items', to.userId, { item_id: to.itemId })
    const revision = options.revision ?? Number(target.revision) + 1
    return this.update('items', to.userId, { item_id: to.itemId }, { sealed: source.sealed, deleted: false, revision })
  }

  /** A new row the user never made, with a new seq (accounts, vaults, items); user_id is set here. */
  async insert(table: Table, userId: string, values: Row): Promise<Row> {
    const columns = Object.keys(values).filter((column) => !MANAGED.has(column) && column !== 'user_id')
    const names = ['user_id', ...columns]
    const placeholders = names.map((_, i) => `$${i + 1}`)
    if (SEQUENCED.has(table) || table === 'vault_log') {
      names.push('seq')
      placeholders.push(`nextval('public.change_seq')`)
    }
    return this.#write(userId, async (client) => {
      const { rows } = await client.query(
        `insert into public.${ident(table)} (${names.map(ident).join(', ')}) values (${placeholders.join(', ')})
         returning *`,
        [userId, ...columns.map((column) => values[column])],
      )
      return fromDb(rows[0] as Row)
    })
  }

  /** A new item row the user never made (a tombstone when sealed is null). */
  insertItem(
    userId: string,
    item: { itemId?: string; vaultId: string; revision?: number; sealed: string | null },
  ): Promise<Row> {
    return this.insert('items', userId, {
      item_id: item.itemId ?? randomUUID(),
      vault_id: item.vaultId,
      revision: item.revision ?? 1,
      sealed: item.sealed,
      deleted: item.sealed === null,
    })
  }

  /** Removes an item row outright: no tombstone, so no client is told. */
  async deleteItem(userId: string, itemId: string): Promise<void> {
    await this.#write(userId, async (client) => {
      const { rowCount } = await client.query('delete from public.items where user_id = $1 and item_id = $2', [
        userId,
        itemId,
      ])
      if (rowCount !== 1) throw new Error(`expected to delete one item row, deleted ${rowCount}`)
    })
  }

  /** Drops a vault's history entries from `fromCounter` on (all of them by default): a history rolled back. */
  async deleteLog(userId: string, vaultId: string, fromCounter = 1): Promise<number> {
    return this.#write(userId, async (client) => {
      const { rowCount } = await client.query(
        'delete from public.vault_log where user_id = $1 and vault_id = $2 and counter >= $3',
        [userId, vaultId, fromCounter],
      )
      return rowCount ?? 0
    })
  }

  /** The vault's newest history counter on the server (0: none). */
  async logHead(userId: string, vaultId: string): Promise<number> {
    const rows = await this.rows('vault_log', userId, { vault_id: vaultId })
    return Math.max(0, ...rows.map((row) => Number(row.counter)))
  }

  /** A deletion the user never made: a tombstone one revision above the row's. */
  async forgeTombstone(ref: ItemRef): Promise<Row> {
    const current = await this.row('items', ref.userId, { item_id: ref.itemId })
    return this.update(
      'items',
      ref.userId,
      { item_id: ref.itemId },
      { sealed: null, deleted: true, revision: Number(current.revision) + 1 },
    )
  }

  /** The rows as they are now, to put back later. */
  async snapshot(table: Table, userId: string, where: Row = {}): Promise<Snapshot> {
    const rows = await this.#withDb(async (client) => {
      const clause = whereClause(userId, where)
      const result = await client.query(`select * from public.${ident(table)} where ${clause.sql}`, clause.params)
      return result.rows as Row[]
    })
    return { table, userId, rows }
  }

  /**
   * Puts snapshotted rows back as they were (old revision, old ciphertext),
   * inserting any that were deleted since; each gets a new seq, so clients
   * pull the old row again.
   */
  async restore(snapshot: Snapshot): Promise<void> {
    const { table, userId } = snapshot
    const keys = PRIMARY_KEYS[table]
    await this.#write(userId, async (client) => {
      for (const row of snapshot.rows) {
        if (row.user_id !== userId) throw new Error('a snapshot row of another user')
        const data = Object.keys(row).filter((column) => !(SEQUENCED.has(table) && MANAGED.has(column)))
        const columns = [...data]
        const values = data.map((_, i) => `$${i + 1}`)
        if (SEQUENCED.has(table)) {
          columns.push('seq', 'updated_at')
          values.push(`nextval('public.change_seq')`, 'now()')
        }
        const updates = columns.filter((c) => !keys.includes(c)).map((c) => `${ident(c)} = excluded.${ident(c)}`)
        await client.query(
          `insert into public.${ident(table)} (${columns.map(ident).join(', ')}) values (${values.join(', ')})
           on conflict (${keys.map(ident).join(', ')}) do update set ${updates.join(', ')}`,
          data.map((column) => row[column]),
        )
      }
    })
  }
}
