/**
 * Transactions for one connection. The outermost call is BEGIN IMMEDIATE
 * (take the write lock up front, so two writers never deadlock upgrading a
 * read lock) … COMMIT; a nested call runs in a SAVEPOINT, so a failure the
 * outer work catches undoes only the inner part. Work must be synchronous:
 * an awaited step would run after COMMIT, outside the transaction.
 */
import type { DatabaseSync } from 'node:sqlite'
import { rollbackQuietly } from './migrate.ts'
import { toStoreError } from './sqlite-errors.ts'

function assertSynchronous(result: unknown): void {
  if (typeof (result as { then?: unknown } | null)?.then === 'function') {
    throw new TypeError('VaultStore.transaction() work must be synchronous; it returned a promise')
  }
}

export class Transactor {
  readonly #db: DatabaseSync
  readonly #filePath: string
  #depth = 0
  readonly #afterCommit = new Set<() => void>()

  constructor(db: DatabaseSync, filePath: string) {
    this.#db = db
    this.#filePath = filePath
  }

  run<T>(work: () => T): T {
    return this.#depth === 0 ? this.#outer(work) : this.#nested(work)
  }

  /** Queues fn to run once the outermost transaction has committed (never if it rolls back). */
  afterCommit(fn: () => void): void {
    this.#afterCommit.add(fn)
  }

  #outer<T>(work: () => T): T {
    let result: T
    try {
      this.#db.exec('BEGIN IMMEDIATE')
      this.#depth = 1
      result = work()
      assertSynchronous(result)
      this.#db.exec('COMMIT')
    } catch (error) {
      // Only roll back a transaction this call began: BEGIN itself may be what failed.
      if (this.#depth === 1) rollbackQuietly(this.#db)
      this.#afterCommit.clear()
      throw toStoreError(error, this.#filePath)
    } finally {
      this.#depth = 0
    }
    this.#runAfterCommit()
    return result
  }

  #nested<T>(work: () => T): T {
    this.#depth += 1
    // Depth-based names are unique among the savepoints open at one time.
    const name = `nested_${this.#depth}`
    try {
      this.#db.exec(`SAVEPOINT ${name}`)
      const result = work()
      assertSynchronous(result)
      this.#db.exec(`RELEASE ${name}`)
      return result
    } catch (error) {
      rollbackQuietly(this.#db, `ROLLBACK TO ${name}`)
      rollbackQuietly(this.#db, `RELEASE ${name}`)
      throw toStoreError(error, this.#filePath)
    } finally {
      this.#depth -= 1
    }
  }

  #runAfterCommit(): void {
    const hooks = [...this.#afterCommit]
    this.#afterCommit.clear()
    for (const hook of hooks) hook()
  }
}
