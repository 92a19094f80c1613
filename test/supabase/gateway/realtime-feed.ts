/**
 * Database changes for the realtime stand-in: LISTEN on the channel that the test-only
 * triggers in test/supabase/sql/realtime-notify.sql NOTIFY on. Postgres delivers a
 * notification only when its transaction commits, as Realtime only sees committed WAL.
 */
import pg from 'pg'
import type { Change } from './realtime-protocol.ts'

/** Must match the channel in test/supabase/sql/realtime-notify.sql. */
export const CHANGE_CHANNEL = 'realtime_test_changes'

export interface ChangeFeed {
  stop(): Promise<void>
}

export async function startChangeFeed(dbUrl: string, onChange: (change: Change) => void): Promise<ChangeFeed> {
  const client = new pg.Client({ connectionString: dbUrl, application_name: 'supabase-test realtime' })
  await client.connect()
  client.on('notification', (message) => {
    if (message.channel !== CHANGE_CHANNEL || !message.payload) return
    try {
      onChange(JSON.parse(message.payload) as Change)
    } catch (error) {
      console.error('realtime stand-in: unreadable change notification', error)
    }
  })
  // A dropped LISTEN connection would silently stop all notifications: make it loud.
  client.on('error', (error) => console.error('realtime stand-in: LISTEN connection failed', error))
  await client.query(`listen ${CHANGE_CHANNEL}`)
  return { stop: () => client.end() }
}
