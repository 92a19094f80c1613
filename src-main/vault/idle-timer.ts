/**
 * Fires once after a period without activity. Each touch() restarts the
 * period. The timer is unref'd so it never keeps a command-line process alive.
 */
export class IdleTimer {
  readonly #onIdle: () => void
  #delayMs: number
  #timer: ReturnType<typeof setTimeout> | undefined

  constructor(delayMs: number, onIdle: () => void) {
    this.#delayMs = delayMs
    this.#onIdle = onIdle
  }

  /** 0 turns auto-lock off. */
  setDelay(delayMs: number): void {
    this.#delayMs = delayMs
    if (this.#timer !== undefined) this.touch()
  }

  touch(): void {
    this.stop()
    if (this.#delayMs <= 0) return
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      this.#onIdle()
    }, this.#delayMs)
    this.#timer.unref?.()
  }

  stop(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    this.#timer = undefined
  }
}
