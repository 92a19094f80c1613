// @vitest-environment happy-dom
import { cleanup, fireEvent, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createVaultClient } from '../../src-renderer/src/api/vault-client.ts'
import { ACTIVITY_REPORT_INTERVAL_MS, useActivityReporter } from '../../src-renderer/src/app/use-activity-reporter.ts'
import { stubVault } from './support/stub-vault.ts'

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  cleanup()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('useActivityReporter', () => {
  it('reports the first activity at once, then at most once per period, with a trailing report', () => {
    const vault = stubVault()
    renderHook(() => useActivityReporter(createVaultClient(vault as never), true))
    fireEvent.keyDown(window, { key: 'a' })
    fireEvent.pointerDown(window)
    expect(vault.noteActivity).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(ACTIVITY_REPORT_INTERVAL_MS - 1)
    expect(vault.noteActivity).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1)
    expect(vault.noteActivity).toHaveBeenCalledTimes(2)
    vi.advanceTimersByTime(5 * ACTIVITY_REPORT_INTERVAL_MS)
    expect(vault.noteActivity).toHaveBeenCalledTimes(2)
  })

  it('reports nothing while disabled (the vault is locked)', () => {
    const vault = stubVault()
    renderHook(() => useActivityReporter(createVaultClient(vault as never), false))
    fireEvent.keyDown(window, { key: 'a' })
    vi.advanceTimersByTime(ACTIVITY_REPORT_INTERVAL_MS)
    expect(vault.noteActivity).not.toHaveBeenCalled()
  })
})
