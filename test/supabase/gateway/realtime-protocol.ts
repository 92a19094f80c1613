/**
 * The parts of Supabase Realtime's protocol the stand-in speaks, as pure functions: Phoenix v2
 * frames (`[join_ref, ref, topic, event, payload]`, JSON text), postgres_changes bindings, and
 * which change a subscriber may see. Real Realtime reads the WAL and checks each change against
 * RLS per subscriber; here a change is shown to its owner (the row's `user_id`) and to
 * service_role only — the same outcome as the vault's own-rows-only policies.
 */
import type { Claims } from './jwt.ts'

export type Frame = [joinRef: string | null, ref: string | null, topic: string, event: string, payload: unknown]

/** One change, as the triggers in test/supabase/sql/realtime-notify.sql publish it. */
export interface Change {
  schema: string
  table: string
  type: 'INSERT' | 'UPDATE' | 'DELETE'
  commit_timestamp: string
  user_id: string | null
  columns: { name: string; type: string }[]
  record: Record<string, unknown>
  old_record: Record<string, unknown>
}

/** What the client asked for in `config.postgres_changes[i]`, echoed back with the id we gave it. */
export interface Binding {
  id: number
  request: { event: string; schema: string; table?: string; filter?: string }
  filter: { column: string; value: string } | null
}

export function parseFrame(text: string): Frame | null {
  try {
    const value: unknown = JSON.parse(text)
    if (!Array.isArray(value) || value.length !== 5) return null
    const [joinRef, ref, topic, event, payload] = value
    const refOk = (v: unknown) => v === null || typeof v === 'string'
    if (!refOk(joinRef) || !refOk(ref) || typeof topic !== 'string' || typeof event !== 'string') return null
    return [joinRef, ref, topic, event, payload]
  } catch {
    return null
  }
}

let nextBindingId = 1

/** The bindings of a join, or the reason to refuse it (only `column=eq.value` filters are supported). */
export function parseBindings(requested: unknown): Binding[] | string {
  if (requested === undefined) return []
  if (!Array.isArray(requested)) return 'postgres_changes must be an array'
  const bindings: Binding[] = []
  for (const item of requested as Binding['request'][]) {
    if (typeof item?.event !== 'string' || typeof item.schema !== 'string') return 'each binding needs event and schema'
    let filter: Binding['filter'] = null
    if (item.filter) {
      const match = /^([a-z_][a-z0-9_]*)=eq\.(.+)$/i.exec(item.filter)
      if (!match) return `the test stand-in supports only column=eq.value filters, not "${item.filter}"`
      filter = { column: match[1] as string, value: match[2] as string }
    }
    bindings.push({ id: nextBindingId++, request: item, filter })
  }
  return bindings
}

export function bindingMatches(binding: Binding, change: Change): boolean {
  const { event, schema, table } = binding.request
  if (event !== '*' && event.toUpperCase() !== change.type) return false
  if (schema !== '*' && schema !== change.schema) return false
  if (table !== undefined && table !== '*' && table !== change.table) return false
  if (!binding.filter) return true
  const row = change.type === 'DELETE' ? change.old_record : change.record
  const value = row[binding.filter.column]
  return value !== undefined && value !== null && String(value) === binding.filter.value
}

/** RLS as the vault's policies have it: own rows only; service_role bypasses RLS. */
export function maySee(claims: Claims, change: Change): boolean {
  if (claims.role === 'service_role') return true
  return claims.role === 'authenticated' && typeof claims.sub === 'string' && claims.sub === change.user_id
}

/** The `postgres_changes` message real Realtime sends: realtime-js maps `record` through `columns`. */
export function changeMessage(ids: number[], change: Change) {
  const { schema, table, type, commit_timestamp, columns, record, old_record } = change
  return { ids, data: { schema, table, type, commit_timestamp, columns, record, old_record, errors: null } }
}
