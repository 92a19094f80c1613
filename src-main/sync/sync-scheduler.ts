/**
 * When sync runs without being asked: shortly after local changes (so a
 * burst of edits goes up together), after unlock, on a timer as the fallback
 * for missed realtime hints, and when a realtime hint says the server moved.
 * Failures land in the sync status, never in a thrown promise.
 */
export interface SchedulerTarget {
  /** False while sync is off or the vault is locked: nothing is scheduled then. */
  canSync(): boolean
  syncNow(): Promise<unknown>
  /** Told after each attempt, so the window can refresh its status and lists. */
  onAttempt(): void
}

export const CHANGE_DELAY_MS = 1_500
export const PERIODIC_MS = 5 * 60_000
/** Realtime hints come in bursts (one per record): wait for the burst to settle. */
export const HINT_DELAY_MS = 500

export class SyncScheduler {
  readonly #target: SchedulerTarget
  #timer: ReturnType<typeof setTimeout> | undefined
  #periodic: ReturnType<typeof setInterval> | undefined
  #running = false
  #again = false

  constructor(target: SchedulerTarget) {
    this.#target = target
  }

  /** Starts the periodic pull; call once. */
  start(periodMs: number = PERIODIC_MS): void {
    this.#periodic ??= setInterval(() => this.request(0), periodMs)
    this.#periodic.unref?.()
  }

  /**
   * Asks for a sync after delayMs; a request while one is pending moves it,
   * and requests while a sync runs are folded into one more run after it,
   * so a burst of hints (another device pushing 500 items) costs two rounds, not 500.
   */
  request(delayMs: number = CHANGE_DELAY_MS): void {
    if (!this.#target.canSync()) return
    if (this.#running) {
      this.#again = true
      return
    }
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    this.#timer = setTimeout(() => this.#run(), delayMs)
    this.#timer.unref?.()
  }

  #run(): void {
    this.#timer = undefined
    if (!this.#target.canSync()) return
    this.#running = true
    void this.#target
      .syncNow()
      .catch(() => undefined)
      .finally(() => {
        this.#running = false
        this.#target.onAttempt()
        if (this.#again) {
          this.#again = false
          this.request(HINT_DELAY_MS)
        }
      })
  }

  stop(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    if (this.#periodic !== undefined) clearInterval(this.#periodic)
    this.#timer = undefined
    this.#periodic = undefined
  }
}
