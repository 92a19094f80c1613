/** Small helpers that keep unlock measurable and the event loop responsive. */

/** Runs work and records its duration as a performance.measure() entry named name. */
export async function measured<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now()
  try {
    return await work()
  } finally {
    performance.measure(name, { start, end: performance.now() })
  }
}

/** Lets timers and I/O run before continuing (setImmediate: after pending I/O callbacks). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
