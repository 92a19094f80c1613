/**
 * What the server holds, read behind the API with the superuser connection:
 * every column of the public tables as text, plus the bytes of every value
 * that looks like base64 (the sealed records travel that way), so a secret
 * would be found in either form.
 */
import pg from 'pg'

async function withDb<T>(dbUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: dbUrl })
  await client.connect()
  try {
    return await use(client)
  } finally {
    await client.end()
  }
}

function textOf(rows: Record<string, unknown>[]): string {
  const parts = [JSON.stringify(rows)]
  for (const row of rows) {
    for (const value of Object.values(row)) {
      if (typeof value === 'string' && /^[A-Za-z0-9+/=]{16,}$/.test(value))
        parts.push(Buffer.from(value, 'base64').toString('latin1'))
      if (Buffer.isBuffer(value)) parts.push(value.toString('latin1'))
    }
  }
  return parts.join('\n')
}

/** Every column of public.accounts (all accounts), as text and decoded. */
export function dumpAccounts(dbUrl: string): Promise<{ rows: number; text: string }> {
  return withDb(dbUrl, async (client) => {
    const { rows } = await client.query('select * from public.accounts')
    return { rows: rows.length, text: textOf(rows) }
  })
}

/** Every column of every base table in the public schema, as text and decoded. */
export function dumpPublic(dbUrl: string): Promise<string> {
  return withDb(dbUrl, async (client) => {
    const tables = await client.query(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    )
    const parts: string[] = []
    for (const { table_name } of tables.rows as { table_name: string }[]) {
      const { rows } = await client.query(`select * from public."${table_name}"`)
      parts.push(textOf(rows))
    }
    return parts.join('\n')
  })
}

/** The server's keyset revision for an account id (null: no such account). */
export function serverKeysetRevision(dbUrl: string, accountId: string): Promise<number | null> {
  return withDb(dbUrl, async (client) => {
    const { rows } = await client.query('select keyset_revision::int as r from public.accounts where account_id = $1', [
      accountId,
    ])
    return (rows[0]?.r as number | undefined) ?? null
  })
}
