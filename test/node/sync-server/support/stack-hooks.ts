/**
 * One local Supabase stack per test file: started before its tests, stopped (with every
 * client closed) after them. Without the Postgres test cluster every test of the file fails
 * with the command to run: the start error is rethrown by stack() rather than thrown by the
 * hook, because vitest reports the tests of a failed beforeAll as skipped.
 */
import { afterAll, beforeAll } from 'vitest'
import { type StackOptions, type SupabaseStack, startSupabaseStack } from '../../../supabase/stack.ts'
import { closeClients } from './clients.ts'

export function stackPerFile(options: StackOptions = {}): () => SupabaseStack {
  let stack: SupabaseStack | undefined
  let failure: unknown
  beforeAll(async () => {
    try {
      stack = await startSupabaseStack(options)
    } catch (error) {
      failure = error
    }
  })
  afterAll(async () => {
    await closeClients()
    await stack?.stop()
  })
  return () => {
    if (stack) return stack
    throw failure ?? new Error('stack() was called before the Supabase test stack was started (call it inside a test)')
  }
}
