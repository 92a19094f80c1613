/**
 * Turns what supabase-js reports (PostgREST errors with a SQLSTATE, GoTrue
 * errors with an error_code, fetch failures) into VaultErrors with our codes
 * and messages a user can act on. Never includes a payload or a token.
 */
import { VaultError } from '../../src-shared/errors.ts'

interface SupabaseLikeError {
  readonly code?: string | undefined
  readonly status?: number | undefined
  readonly message?: string | undefined
  readonly name?: string | undefined
}

const UNREACHABLE =
  'The sync server cannot be reached. Check the address and your connection; changes wait here until it is back.'

export function syncError(error: unknown): VaultError {
  if (error instanceof VaultError) return error
  const e = (typeof error === 'object' && error !== null ? error : {}) as SupabaseLikeError & { error_code?: string }
  const code = e.code ?? e.error_code ?? ''
  if (code === 'PT409') return new VaultError('SYNC_CONFLICT', 'Another device changed this first.')
  if (code === 'PT403') {
    return new VaultError('SYNC_DEVICE_REVOKED', 'This device was signed out of sync from another device.')
  }
  if (code === 'PT404') return new VaultError('SYNC_PROTOCOL', 'The sync server does not know that device.')
  if (code === 'invalid_credentials') {
    return new VaultError('SYNC_AUTH_FAILED', 'The sync server did not accept this account’s sign-in.')
  }
  if (
    code === 'PGRST301' ||
    code === 'PGRST303' ||
    e.status === 401 ||
    code === 'refresh_token_not_found' ||
    code === 'session_not_found'
  ) {
    return new VaultError('SYNC_SESSION_EXPIRED', 'The sync session has ended; sign in to sync again.')
  }
  if (isNetworkFailure(e)) return new VaultError('SYNC_UNREACHABLE', UNREACHABLE)
  if (e.status === 404) {
    return new VaultError(
      'SYNC_BAD_URL',
      'That address answers, but it is not a Supabase project with the vault schema.',
    )
  }
  return new VaultError('SYNC_PROTOCOL', `The sync server answered unexpectedly (${code || e.status || 'no code'}).`)
}

function isNetworkFailure(e: SupabaseLikeError): boolean {
  const text = `${e.name ?? ''} ${e.message ?? ''}`
  return e.status === 0 || /fetch failed|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|network|AuthRetryableFetchError/i.test(text)
}

/** Only https (or plain http to this machine, for a local Supabase) and nothing but the origin. */
export function checkServerUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw new VaultError(
      'SYNC_BAD_URL',
      'The server address is not a URL; it looks like https://<project>.supabase.co.',
    )
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]'
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new VaultError(
      'SYNC_BAD_URL',
      'The server address must start with https:// (plain http only for this computer).',
    )
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new VaultError('SYNC_BAD_URL', 'The server address should be just the project URL, without a path or query.')
  }
  return url.origin
}
