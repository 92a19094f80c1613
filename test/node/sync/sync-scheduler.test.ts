import { afterEach, describe, expect, it, vi } from 'vitest'
import { SyncScheduler } from '../../../src-main/sync/sync-scheduler.ts'

afterEach(() => {
  vi.useRealTimers()
})

function target(canSync = true) {
  let finish: () => void = () => undefined
  const runs: number[] = []
  return {
    runs,
    finish: () => finish(),
    canSync: () => canSync,
    syncNow: () => {
      runs.push(Date.now())
      return new Promise<void>((resolve) => {
        finish = resolve
      })
    },
    onAttempt: vi.fn(),
  }
}

describe('the sync scheduler', () => {
  it('coalesces a burst of requests into one sync after the delay', async () => {
    vi.useFakeTimers()
    const t = target()
    const scheduler = new SyncScheduler(t)
    for (let i = 0; i < 50; i += 1) scheduler.request(100)
    await vi.advanceTimersByTimeAsync(99)
    expect(t.runs).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(t.runs).toHaveLength(1)
  })

  it('folds requests made during a sync into exactly one more run', async () => {
    vi.useFakeTimers()
    const t = target()
    const scheduler = new SyncScheduler(t)
    scheduler.request(0)
    await vi.advanceTimersByTimeAsync(0)
    for (let i = 0; i < 500; i += 1) scheduler.request(0)
    t.finish()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(t.runs).toHaveLength(2)
    t.finish()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(t.runs).toHaveLength(2)
    expect(t.onAttempt).toHaveBeenCalledTimes(2)
  })

  it('does nothing while sync is off or the vault locked', async () => {
    vi.useFakeTimers()
    const t = target(false)
    const scheduler = new SyncScheduler(t)
    scheduler.start(1_000)
    scheduler.request(0)
    await vi.advanceTimersByTimeAsync(5_000)
    expect(t.runs).toHaveLength(0)
    scheduler.stop()
  })
})
