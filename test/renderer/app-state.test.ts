import { describe, expect, it } from 'vitest'
import { INITIAL_SCREEN, nextScreen, type Screen } from '../../src-renderer/src/app/app-state.ts'
import { formatDelayChoice, formatDuration } from '../../src-renderer/src/app/format-duration.ts'

const UNLOCKED: Screen = { kind: 'unlocked', accountId: 'ABC234', email: 'ada@example.org' }

describe('nextScreen', () => {
  it("follows main's status from the start", () => {
    expect(nextScreen(INITIAL_SCREEN, { type: 'status', status: { state: 'no-account' } })).toEqual({
      kind: 'onboarding',
    })
    expect(
      nextScreen(INITIAL_SCREEN, {
        type: 'status',
        status: { state: 'locked', accountId: 'ABC234', secretKeyNeeded: true, secretKeyReason: 'why' },
      }),
    ).toEqual({ kind: 'locked', accountId: 'ABC234', secretKeyNeeded: true, secretKeyReason: 'why' })
  })

  it('locks an unlocked vault at once and keeps the reason through a status refresh', () => {
    const locked = nextScreen(UNLOCKED, { type: 'locked', notice: 'idle' })
    expect(locked).toEqual({ kind: 'locked', accountId: 'ABC234', secretKeyNeeded: false, notice: 'idle' })
    const refreshed = nextScreen(locked, {
      type: 'status',
      status: { state: 'locked', accountId: 'ABC234', secretKeyNeeded: true },
    })
    expect(refreshed).toEqual({ kind: 'locked', accountId: 'ABC234', secretKeyNeeded: true, notice: 'idle' })
  })

  it('keeps onboarding on screen when the vault locks during it, and carries the reason to the lock screen', () => {
    const onboarding = nextScreen({ kind: 'onboarding' }, { type: 'locked', notice: 'suspend' })
    expect(onboarding).toEqual({ kind: 'onboarding', lockedMeanwhile: 'suspend' })
    const after = nextScreen(onboarding, {
      type: 'status',
      status: { state: 'locked', accountId: 'ABC234', secretKeyNeeded: false },
    })
    expect(after).toMatchObject({ kind: 'locked', notice: 'suspend' })
  })

  it('ignores a lock while already locked or still starting', () => {
    const locked: Screen = { kind: 'locked', accountId: 'ABC234', secretKeyNeeded: false, notice: 'idle' }
    expect(nextScreen(locked, { type: 'locked', notice: 'user' })).toBe(locked)
    expect(nextScreen(INITIAL_SCREEN, { type: 'locked', notice: 'user' })).toBe(INITIAL_SCREEN)
  })
})

describe('formatDuration', () => {
  it('says delays in the largest whole unit', () => {
    expect([1_500, 10_000, 60_000, 120_000, 3_600_000, 4 * 3_600_000, 90_000].map(formatDuration)).toEqual([
      '2 seconds',
      '10 seconds',
      '1 minute',
      '2 minutes',
      '1 hour',
      '4 hours',
      '2 minutes',
    ])
    expect(formatDelayChoice(0)).toBe('Never')
  })
})
