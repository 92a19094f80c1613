/**
 * One sync round: pull (and merge) what the server has, then push the
 * outbox. A push that meets a newer server revision pulls again and retries,
 * a few times, so two devices writing at once both end up in. Rounds never
 * overlap: a second call waits for the first and runs after it.
 *
 * A round that catches the server lying about a vault's history halts sync
 * (tamper.ts): no round runs again until the user asks to check again.
 */
import { VaultError } from '../../src-shared/errors.ts'
import type { SyncAccess } from '../vault/sync-access.ts'
import { pullChanges } from './pull.ts'
import { pushOutbox } from './push.ts'
import { haltedError, haltFor, readHalt, TamperDetected, writeHalt } from './tamper.ts'
import type { SyncServer } from './types.ts'

/** Enough for a burst of edits on several devices; past this, something is wrong and retrying blindly would spin. */
const MAX_ROUNDS = 5

export interface SyncReport {
  readonly pulled: number
  readonly pushed: number
  readonly conflicts: readonly string[]
  readonly rejected: readonly string[]
  readonly finishedAt: number
}

export class SyncEngine {
  readonly #server: SyncServer
  readonly #now: () => number
  #running: Promise<unknown> = Promise.resolve()

  constructor(server: SyncServer, now: () => number = Date.now) {
    this.#server = server
    this.#now = now
  }

  /** access comes from VaultService.syncAccess(): sync runs only while the vault is unlocked. */
  syncNow(access: () => SyncAccess): Promise<SyncReport> {
    return this.#queue(() => this.#round(access))
  }

  /** After a halt: forgets it and runs a round, which halts again if the server still lies. */
  recheck(access: () => SyncAccess): Promise<SyncReport> {
    return this.#queue(() => {
      writeHalt(access().store, null)
      return this.#round(access)
    })
  }

  /** Runs work after the round before it, whether that one succeeded or not. */
  #queue(work: () => Promise<SyncReport>): Promise<SyncReport> {
    const run = this.#running.then(work)
    this.#running = run.catch(() => undefined)
    return run
  }

  async #round(access: () => SyncAccess): Promise<SyncReport> {
    const { store } = access()
    const halt = readHalt(store)
    if (halt !== null) throw haltedError(halt)
    try {
      return await this.#rounds(access)
    } catch (error) {
      if (!(error instanceof TamperDetected)) throw error
      const stopped = haltFor(error, this.#now())
      writeHalt(store, stopped)
      throw haltedError(stopped)
    }
  }

  async #rounds(access: () => SyncAccess): Promise<SyncReport> {
    let pulled = 0
    let pushed = 0
    const conflicts: string[] = []
    const rejected: string[] = []
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const pull = await pullChanges(access(), this.#server, this.#now)
      pulled += pull.items
      conflicts.push(...pull.conflicts)
      rejected.push(...pull.rejected)
      const push = await pushOutbox(access(), this.#server)
      pushed += push.pushed
      if (push.kind === 'done') return { pulled, pushed, conflicts, rejected, finishedAt: this.#now() }
    }
    throw new VaultError('SYNC_CONFLICT', 'Another device kept changing the same items; sync will try again shortly.')
  }
}
