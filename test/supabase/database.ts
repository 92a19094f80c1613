/**
 * A private database per test stack, cloned from the `vault_test` database that
 * scripts/postgres-test-cluster.sh keeps (bootstrap + supabase/migrations). A clone is a file
 * copy, so each test file starts empty and current in well under a second, and the test-only
 * SQL (realtime triggers, the auth stand-in's grant) never reaches the database pgTAP tests use.
 */
import { createHash, randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'

export interface TestDatabase {
  name: string
  /** postgres (superuser): for test assertions that look behind the API. */
  superuserUrl: string
  /** What PostgREST logs in as. */
  authenticatorUrl: string
  /** GoTrue's role, for the auth stand-in. */
  authAdminUrl: string
  drop(): Promise<void>
}

const ROOT = join(import.meta.dirname, '..', '..')
const PREFIX = 'vault_test_stack_'
const START = 'bash scripts/postgres-test-cluster.sh start'
const INSTALL = 'apt-get install postgresql postgresql-15-pgtap'
/** Applied to each clone in this order. */
const TEST_SQL = ['test/supabase/sql/auth-standin.sql', 'test/supabase/sql/realtime-notify.sql']

/** The superuser URL of the template database: $VAULT_TEST_DB_URL, as the cluster script prints it. */
function templateUrl(): URL {
  const port = process.env.VAULT_TEST_PG_PORT ?? '54329'
  return new URL(process.env.VAULT_TEST_DB_URL ?? `postgres://postgres:postgres@127.0.0.1:${port}/vault_test`)
}

function urlFor(base: URL, database: string, user?: string): string {
  const url = new URL(base)
  url.pathname = `/${database}`
  if (user) {
    url.username = user
    url.password = user // the bootstrap's test-only convention: password = role name
  }
  return url.toString()
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: 'supabase-test stack' })
  try {
    await client.connect()
    return client
  } catch (error) {
    await client.end().catch(() => {})
    const where = new URL(url)
    throw new Error(
      `The Postgres test cluster is not reachable at ${where.host}${where.pathname} (${String(error)}). ` +
        `Start it with \`${START}\` (needs \`${INSTALL}\`).`,
    )
  }
}

/** The files the cluster script applies, with their checksums, in its format. */
function expectedSchemaFiles(): string[] {
  const migrations = readdirSync(join(ROOT, 'supabase/migrations'))
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => `supabase/migrations/${name}`)
  return ['test/supabase/bootstrap.sql', ...migrations].map(
    (file) =>
      `${file} ${createHash('sha256')
        .update(readFileSync(join(ROOT, file)))
        .digest('hex')}`,
  )
}

/** Refuses a template that lacks a migration or has an old version of one. */
async function requireCurrentSchema(template: pg.Client, name: string): Promise<void> {
  const applied = await template
    .query<{ line: string }>(`select file || ' ' || sha256 as line from test_harness.applied_files order by file`)
    .then((r) => r.rows.map((row) => row.line).sort())
    .catch(() => [] as string[])
  const expected = expectedSchemaFiles().sort()
  if (JSON.stringify(applied) === JSON.stringify(expected)) return
  throw new Error(
    `The test database ${name} does not have the current bootstrap and migrations applied. ` +
      `Run \`${START}\` (it applies what changed).`,
  )
}

/** Drops clones left by test processes that died before they could drop their own. */
async function dropAbandoned(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    'select datname from pg_database where starts_with(datname, $1)',
    [PREFIX],
  )
  for (const { datname } of rows) {
    // The creator's pid is part of the name (see createTestDatabase), so a clone being made is never taken.
    const pid = Number(datname.slice(PREFIX.length).split('_')[0])
    if (pid && isAlive(pid)) continue
    await admin.query(`drop database if exists "${datname}" with (force)`).catch(() => {})
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** CREATE DATABASE … TEMPLATE fails while anyone else is connected to the template (a pgTAP run): retry. */
async function cloneTemplate(admin: pg.Client, name: string, template: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`create database "${name}" template "${template}"`)
      return
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error
      await sleep(250)
    }
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const base = templateUrl()
  const templateName = base.pathname.slice(1)
  const template = await connect(base.toString())
  try {
    await requireCurrentSchema(template, templateName)
  } finally {
    await template.end()
  }
  const name = `${PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = await connect(urlFor(base, 'postgres'))
  try {
    await dropAbandoned(admin)
    await cloneTemplate(admin, name, templateName)
  } finally {
    await admin.end()
  }
  const superuserUrl = urlFor(base, name)
  await applyTestSql(superuserUrl)
  return {
    name,
    superuserUrl,
    authenticatorUrl: urlFor(base, name, 'authenticator'),
    authAdminUrl: urlFor(base, name, 'supabase_auth_admin'),
    drop: () => dropDatabase(base, name),
  }
}

async function applyTestSql(url: string): Promise<void> {
  const client = await connect(url)
  try {
    for (const file of TEST_SQL) await client.query(readFileSync(join(ROOT, file), 'utf8'))
  } finally {
    await client.end()
  }
}

async function dropDatabase(base: URL, name: string): Promise<void> {
  const admin = await connect(urlFor(base, 'postgres'))
  try {
    await admin.query(`drop database if exists "${name}" with (force)`)
  } finally {
    await admin.end()
  }
}
