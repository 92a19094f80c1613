import { describe, expect, it } from 'vitest'
import { checkServerUrl, syncError } from '../../../src-main/sync/supabase-errors.ts'
import { SupabaseSyncServer } from '../../../src-main/sync/supabase-server.ts'
import { isVaultError } from '../../../src-shared/errors.ts'

const memory = () => {
  const values = new Map<string, string>()
  return {
    getItem: async (key: string) => values.get(key) ?? null,
    setItem: async (key: string, value: string) => void values.set(key, value),
    removeItem: async (key: string) => void values.delete(key),
  }
}

function codeOf(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    if (isVaultError(error)) return error.code
  }
  return 'no error'
}

describe('sync errors a user can act on', () => {
  it('accepts https project URLs and plain http to this machine only', () => {
    expect(checkServerUrl(' https://abc.supabase.co ')).toBe('https://abc.supabase.co')
    expect(checkServerUrl('http://127.0.0.1:54321')).toBe('http://127.0.0.1:54321')
    for (const bad of [
      'abc.supabase.co',
      'http://abc.supabase.co',
      'ftp://x',
      'https://u:p@x.co',
      'https://x.co/?a=1',
    ]) {
      expect(
        codeOf(() => checkServerUrl(bad)),
        bad,
      ).toBe('SYNC_BAD_URL')
    }
  })

  it('maps server answers to our codes', () => {
    expect(syncError({ code: 'PT409' }).code).toBe('SYNC_CONFLICT')
    expect(syncError({ code: 'PT403' }).code).toBe('SYNC_DEVICE_REVOKED')
    expect(syncError({ code: 'PGRST301', status: 401 }).code).toBe('SYNC_SESSION_EXPIRED')
    expect(syncError({ message: 'TypeError: fetch failed' }).code).toBe('SYNC_UNREACHABLE')
    expect(syncError({ status: 404, message: 'Not Found' }).code).toBe('SYNC_BAD_URL')
  })

  it('reports an unreachable server as SYNC_UNREACHABLE, through supabase-js', async () => {
    const server = new SupabaseSyncServer(
      { url: 'http://127.0.0.1:1', anonKey: 'anon-key-for-a-server-that-is-not-there' },
      memory(),
    )
    await expect(server.pullItems(0, 10)).rejects.toMatchObject({ code: 'SYNC_UNREACHABLE' })
  })
})
