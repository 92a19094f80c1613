/**
 * Copying secrets happens here, in main, so a secret never has to cross into
 * the renderer to reach the clipboard. Each copy is cleared after a delay, and
 * on lock and quit, but only while the clipboard still holds what we wrote:
 * if the user has copied something else since, that is theirs and stays.
 *
 * The guard does not keep the copied text. It keeps an HMAC-SHA256 of it
 * under a random key made once per process, and compares that with the HMAC
 * of what the clipboard holds later. A heap snapshot then shows a digest that
 * cannot be checked against a list of guesses without this process's key.
 *
 * Electron's clipboard is asynchronous (readText and write return promises),
 * so every operation on the clipboard runs through one queue, in call order:
 * a lock that arrives while a copy is still being written clears that copy
 * once it has landed instead of missing it.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** The system clipboard as the guard needs it; electron-clipboard.ts adapts Electron's. */
export interface ClipboardPort {
  write(text: string): Promise<void>
  readText(): Promise<string>
  clear(): Promise<void>
}

export interface ClipboardGuardOptions {
  readonly port: ClipboardPort
  /** Read at each copy, so a changed setting applies to the next copy. 0 = never clear. */
  readonly clearAfterMs: () => number
  readonly now?: () => number
  /** Called after the guard has cleared the clipboard (by its timer, or on lock or quit). */
  readonly onCleared?: () => void
}

/** setTimeout fires at once for delays above 2^31 - 1 ms, which would clear a copy straight away. */
const MAX_DELAY_MS = 2 ** 31 - 1

// One key for the life of the process: digests are never stored or compared across processes.
const DIGEST_KEY = randomBytes(32)

function digestOf(text: string): Buffer {
  return createHmac('sha256', DIGEST_KEY).update(text, 'utf8').digest()
}

export class ClipboardGuard {
  readonly #port: ClipboardPort
  readonly #clearAfterMs: () => number
  readonly #now: () => number
  readonly #onCleared: (() => void) | undefined
  /** Digest of what we last wrote, while it may still be on the clipboard; each copy gets a new Buffer. */
  #ours: Buffer | undefined
  #timer: ReturnType<typeof setTimeout> | undefined
  #queue: Promise<unknown> = Promise.resolve()
  #disposed = false

  constructor(options: ClipboardGuardOptions) {
    this.#port = options.port
    this.#clearAfterMs = options.clearAfterMs
    this.#now = options.now ?? Date.now
    this.#onCleared = options.onCleared
  }

  /** Writes text; schedules a clear. Resolves to when it will be cleared (epoch ms), or null when never. */
  async copy(text: string): Promise<{ clearsAt: number | null }> {
    if (this.#disposed) throw new Error('the clipboard guard has been disposed')
    const delayMs = checkedDelay(this.#clearAfterMs())
    const digest = digestOf(text)
    return this.#serially(async () => {
      // If the write fails the clipboard still holds the previous copy, whose timer stays armed.
      await this.#port.write(text)
      this.#ours = digest
      this.#stopTimer()
      if (delayMs === 0) return { clearsAt: null }
      this.#armTimer(digest, delayMs)
      return { clearsAt: this.#now() + delayMs }
    })
  }

  /**
   * Clears now if the clipboard still holds what we put there (used on lock and quit).
   * Resolves to whether it cleared; never rejects, so callers on the lock path need not catch.
   */
  clearIfOurs(): Promise<boolean> {
    return this.#serially(() => this.#clearMatching(this.#ours)).catch(() => false)
  }

  /** Stops the timer and forgets the copy, after any clear already asked for has run. Copies are refused from now on. */
  dispose(): void {
    this.#disposed = true
    this.#stopTimer()
    void this.#serially(async () => this.#forget()).catch(() => undefined)
  }

  /** Runs task after every task queued before it, whether those succeeded or failed. */
  #serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task)
    this.#queue = run.catch(() => undefined)
    return run
  }

  #armTimer(digest: Buffer, delayMs: number): void {
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      // Skipped when another copy has replaced this one in the meantime (its write may still be queued).
      void this.#serially(() => this.#clearMatching(digest)).catch(reportTimerFailure)
    }, delayMs)
    // A pending clear must not keep the process alive on its own.
    this.#timer.unref?.()
  }

  async #clearMatching(expected: Buffer | undefined): Promise<boolean> {
    if (expected === undefined || expected !== this.#ours) return false
    const current = digestOf(await this.#port.readText())
    // Only now: if reading failed, a pending timer still gets its turn.
    this.#stopTimer()
    if (!timingSafeEqual(current, expected)) {
      this.#forget()
      return false
    }
    // Forgotten only once cleared: if clearing fails, the clear on lock or quit tries again.
    await this.#port.clear()
    this.#forget()
    notify(this.#onCleared)
    return true
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    this.#timer = undefined
  }

  #forget(): void {
    this.#ours = undefined
  }
}

function checkedDelay(delayMs: number): number {
  if (!Number.isSafeInteger(delayMs) || delayMs < 0 || delayMs > MAX_DELAY_MS) {
    throw new RangeError('the clipboard delay must be a whole number of milliseconds, 0 to 2^31 - 1')
  }
  return delayMs
}

/** A listener's failure must not turn a clear that happened into one reported as failed. */
function notify(listener: (() => void) | undefined): void {
  try {
    listener?.()
  } catch (error) {
    report('onCleared threw', error)
  }
}

function reportTimerFailure(error: unknown): void {
  report('clearing failed', error)
}

/** Only the class name: a message could quote what was on the clipboard. */
function report(what: string, error: unknown): void {
  console.error(`[clipboard] ${what} (${error instanceof Error ? error.name : typeof error})`)
}
