/**
 * The unlocked session, for the vault workspace and anything inside it.
 *
 *   const session = useSession()
 *   session.accountId, session.email   who is signed in (the account id is not secret)
 *   await session.lock()                lock now (the sidebar's Lock button, Mod+L)
 *   session.markLocked()                main said the vault is locked: go to the lock screen
 *
 * Calls through useVaultClient() that fail with VAULT_LOCKED already drop to the
 * lock screen by themselves (app/lock-aware-client.ts), so markLocked() is only
 * for code that learns of a lock some other way. On lock the workspace is
 * unmounted, so its state (lists, revealed fields, drafts) is dropped with it.
 *
 * useSession() throws outside an unlocked session; it is provided only while
 * the workspace is mounted.
 */
import { createContext, useContext } from 'react'

export interface Session {
  readonly accountId: string
  readonly email: string
  /** Asks main to lock, then shows the lock screen (even if main could not be reached). */
  readonly lock: () => Promise<void>
  /** Shows the lock screen without asking main: it already said VAULT_LOCKED. */
  readonly markLocked: () => void
}

export const SessionContext = createContext<Session | null>(null)

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (session === null) throw new Error('useSession() is available only inside the unlocked workspace')
  return session
}
