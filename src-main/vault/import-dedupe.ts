/**
 * When is an imported item one the vault already has? (issue 8)
 *
 * - A login is the same as another when they share a site, the username and
 *   the password: the site as the health report counts duplicates
 *   (health/site.ts: the registrable host; a login without URLs stands for
 *   its title instead). Titles, notes and
 *   tags may differ: people rename things, and a re-export from another
 *   manager often does.
 * - Any other item is the same when its type, title, fields and notes are.
 *
 * Keys are SHA-256 digests, never the values themselves: the vault's keys
 * are kept in memory for the unlocked session's index (item-import.ts) and
 * go with it at lock, and no password sits in that map as a string.
 */
import { createHash } from 'node:crypto'
import type { ItemDraft } from '../../src-shared/domain/item.ts'
import { siteOf } from '../health/site.ts'

export type Comparable = Pick<ItemDraft, 'type' | 'title' | 'fields' | 'notes'>

export function sameItemKeys(item: Comparable): string[] {
  if (item.type !== 'login') return [digest(['item', item.type, item.title, stableJson(item.fields), item.notes])]
  const { username, password, urls } = item.fields as { username: string; password: string; urls: string[] }
  if (password === '' && username === '')
    return [digest(['item', 'login', item.title, stableJson(item.fields), item.notes])]
  const sites = urls.map(siteOf).filter((site) => site !== '')
  const places = sites.length > 0 ? sites : [`title:${item.title.trim().toLowerCase()}`]
  return [...new Set(places)].map((place) => digest(['login', place, username, password]))
}

function digest(parts: readonly string[]): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(`${part.length}:${part}`)
  return hash.digest('base64')
}

/** JSON with sorted keys, so field order never makes two equal items differ. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
