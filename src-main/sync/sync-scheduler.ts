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

export class SyncScheduler {
  readonly #target: SchedulerTarget
  #timer: ReturnType<typeof setTimeout> | undefined
  #periodic: ReturnType<typeof setInterval> | undefined

  constructor(target: SchedulerTarget) {
    this.#target = target
  }

  /** Starts the periodic pull; call once. */
  start(periodMs: number = PERIODIC_MS): void {
    this.#periodic ??= setInterval(() => this.request(0), periodMs)
    this.#periodic.unref?.()
  }

  /** Asks for a sync after delayMs; a request while one is pending moves it, so bursts coalesce. */
  request(delayMs: number = CHANGE_DELAY_MS): void {
    if (!this.#target.canSync()) return
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      if (!this.#target.canSync()) return
      void this.#target
        .syncNow()
        .catch(() => undefined)
        .finally(() => this.#target.onAttempt())
    }, delayMs)
    this.#timer.unref?.()
  }

  stop(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    if (this.#periodic !== undefined) clearInterval(this.#periodic)
    this.#timer = undefined
    this.#periodic = undefined
  }
}
