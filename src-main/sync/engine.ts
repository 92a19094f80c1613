/**
 * One sync round: pull (and merge) what the server has, then push the
 * outbox. A push that meets a newer server revision pulls again and retries,
 * a few times, so two devices writing at once both end up in. Rounds never
 * overlap: a second call waits for the first and runs after it.
 */
import { VaultError } from '../../src-shared/errors.ts'
import type { SyncAccess } from '../vault/sync-access.ts'
import { pullChanges } from './pull.ts'
import { pushOutbox } from './push.ts'
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
    const run = this.#running.then(() => this.#round(access))
    this.#running = run.catch(() => undefined)
    return run
  }

  async #round(access: () => SyncAccess): Promise<SyncReport> {
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
