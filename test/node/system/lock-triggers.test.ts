import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { type LockReason, watchLockTriggers } from '../../../src-main/system/lock-triggers.ts'

function watch() {
  const power = new EventEmitter()
  const lock = vi.fn((_reason: LockReason) => undefined)
  const stop = watchLockTriggers(power, lock)
  return { power, lock, stop }
}

describe('watchLockTriggers', () => {
  it.each([
    ['suspend', 'suspend'],
    ['lock-screen', 'screen-lock'],
    ['user-did-resign-active', 'screen-lock'],
  ])('locks on %s with reason %s', (event, reason) => {
    const { power, lock } = watch()
    power.emit(event)
    expect(lock).toHaveBeenCalledExactlyOnceWith(reason)
  })

  it('ignores events that do not lock', () => {
    const { power, lock } = watch()
    for (const event of ['resume', 'unlock-screen', 'user-did-become-active', 'on-ac', 'on-battery', 'shutdown']) {
      power.emit(event)
    }
    expect(lock).not.toHaveBeenCalled()
  })

  it('locks again on every trigger', () => {
    const { power, lock } = watch()
    power.emit('lock-screen')
    power.emit('suspend')
    expect(lock.mock.calls).toEqual([['screen-lock'], ['suspend']])
  })

  it('unsubscribes everything it added, once', () => {
    const { power, lock, stop } = watch()
    expect(power.eventNames().sort()).toEqual(['lock-screen', 'suspend', 'user-did-resign-active'])
    stop()
    stop()
    expect(power.eventNames()).toEqual([])
    power.emit('suspend')
    expect(lock).not.toHaveBeenCalled()
  })

  it('leaves other listeners alone', () => {
    const { power, stop } = watch()
    const other = vi.fn()
    power.on('suspend', other)
    stop()
    power.emit('suspend')
    expect(other).toHaveBeenCalledOnce()
  })
})
