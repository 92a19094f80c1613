import { inspect } from 'node:util'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ClipboardGuard, type ClipboardPort } from '../../../src-main/clipboard/clipboard-guard.ts'
import { deferred, FakeClipboard, flakyReads } from './fake-clipboard.ts'
import { privateStringsOf, timerClosureStringsOf } from './reachable-strings.ts'

const START = 1_700_000_000_000

function setup(delayMs = 30_000, port: ClipboardPort = new FakeClipboard()) {
  const settings = { delayMs }
  const onCleared = vi.fn()
  const guard = new ClipboardGuard({ port, clearAfterMs: () => settings.delayMs, now: () => Date.now(), onCleared })
  return { guard, settings, onCleared }
}

function setupWithFake(delayMs = 30_000) {
  const clipboard = new FakeClipboard()
  return { clipboard, ...setup(delayMs, clipboard) }
}

describe('ClipboardGuard with fake timers', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: START })
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  it('writes the text and clears it after the delay', async () => {
    const { clipboard, guard, onCleared } = setupWithFake(30_000)
    await expect(guard.copy('hunter2')).resolves.toEqual({ clearsAt: START + 30_000 })
    expect(clipboard.text).toBe('hunter2')
    await vi.advanceTimersByTimeAsync(29_999)
    expect(clipboard.text).toBe('hunter2')
    await vi.advanceTimersByTimeAsync(1)
    expect(clipboard.text).toBe('')
    expect(onCleared).toHaveBeenCalledOnce()
  })

  it('leaves what the user copied since alone', async () => {
    const { clipboard, guard, onCleared } = setupWithFake()
    await guard.copy('hunter2')
    clipboard.userCopies('their own note')
    await vi.advanceTimersByTimeAsync(30_000)
    expect(clipboard.text).toBe('their own note')
    expect(clipboard.clears).toBe(0)
    expect(onCleared).not.toHaveBeenCalled()
    await expect(guard.clearIfOurs()).resolves.toBe(false)
    expect(clipboard.text).toBe('their own note')
  })

  it('never clears on its own when the delay is 0, but still clears on lock', async () => {
    const { clipboard, guard } = setupWithFake(0)
    await expect(guard.copy('hunter2')).resolves.toEqual({ clearsAt: null })
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(24 * 60 * 60_000)
    expect(clipboard.text).toBe('hunter2')
    await expect(guard.clearIfOurs()).resolves.toBe(true)
    expect(clipboard.text).toBe('')
  })

  it('restarts the delay on a second copy, which replaces the first', async () => {
    const { clipboard, guard, onCleared } = setupWithFake(30_000)
    await guard.copy('first')
    await vi.advanceTimersByTimeAsync(20_000)
    await expect(guard.copy('second')).resolves.toEqual({ clearsAt: START + 50_000 })
    expect(vi.getTimerCount()).toBe(1)
    await vi.advanceTimersByTimeAsync(20_000)
    expect(clipboard.text).toBe('second')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(clipboard.text).toBe('')
    expect(onCleared).toHaveBeenCalledOnce()
  })

  it('reads the delay at each copy', async () => {
    const { guard, settings } = setupWithFake(30_000)
    await expect(guard.copy('a')).resolves.toEqual({ clearsAt: START + 30_000 })
    settings.delayMs = 10_000
    await expect(guard.copy('b')).resolves.toEqual({ clearsAt: START + 10_000 })
  })

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31])(
    'refuses a delay of %s before writing anything',
    async (delayMs) => {
      const { clipboard, guard } = setupWithFake(delayMs)
      await expect(guard.copy('hunter2')).rejects.toThrow(RangeError)
      expect(clipboard.writes).toBe(0)
    },
  )

  it('clearIfOurs clears our copy once, stops the timer and reports it', async () => {
    const { clipboard, guard, onCleared } = setupWithFake()
    await guard.copy('hunter2')
    await expect(guard.clearIfOurs()).resolves.toBe(true)
    expect(clipboard.text).toBe('')
    expect(onCleared).toHaveBeenCalledOnce()
    expect(vi.getTimerCount()).toBe(0)
    clipboard.userCopies('hunter2 typed elsewhere')
    await expect(guard.clearIfOurs()).resolves.toBe(false)
    expect(clipboard.clears).toBe(1)
  })

  it('clearIfOurs is false when nothing was copied', async () => {
    const { clipboard, guard } = setupWithFake()
    clipboard.userCopies('theirs')
    await expect(guard.clearIfOurs()).resolves.toBe(false)
    expect(clipboard.text).toBe('theirs')
  })

  it('a lock during a copy clears that copy once it has landed', async () => {
    const clipboard = new FakeClipboard()
    const landing = deferred()
    const port: ClipboardPort = {
      write: async (text) => {
        await landing.promise
        await clipboard.write(text)
      },
      readText: () => clipboard.readText(),
      clear: () => clipboard.clear(),
    }
    const { guard } = setup(30_000, port)
    const copied = guard.copy('hunter2')
    const cleared = guard.clearIfOurs()
    landing.resolve()
    await copied
    await expect(cleared).resolves.toBe(true)
    expect(clipboard.text).toBe('')
  })

  it("the first copy's timer does not clear a second copy still being written", async () => {
    const clipboard = new FakeClipboard()
    let landing: ReturnType<typeof deferred> | undefined
    const port: ClipboardPort = {
      write: async (text) => {
        if (landing !== undefined) await landing.promise
        await clipboard.write(text)
      },
      readText: () => clipboard.readText(),
      clear: () => clipboard.clear(),
    }
    const { guard } = setup(10_000, port)
    await guard.copy('first')
    await vi.advanceTimersByTimeAsync(5_000)
    landing = deferred()
    const second = guard.copy('second')
    await vi.advanceTimersByTimeAsync(5_000)
    landing.resolve()
    await expect(second).resolves.toEqual({ clearsAt: START + 20_000 })
    await vi.advanceTimersByTimeAsync(0)
    expect(clipboard.text).toBe('second')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(clipboard.text).toBe('')
  })

  it('keeps the previous copy and its timer when a write fails', async () => {
    const clipboard = new FakeClipboard()
    const port: ClipboardPort = {
      write: async (text) => {
        if (text === 'broken') throw new Error('clipboard busy')
        await clipboard.write(text)
      },
      readText: () => clipboard.readText(),
      clear: () => clipboard.clear(),
    }
    const { guard } = setup(30_000, port)
    await guard.copy('first')
    await expect(guard.copy('broken')).rejects.toThrow('clipboard busy')
    await vi.advanceTimersByTimeAsync(30_000)
    expect(clipboard.text).toBe('')
  })

  it('reports a failed read without the clipboard text and tries again on lock', async () => {
    const { clipboard, port, reads } = flakyReads()
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { guard } = setup(1_000, port)
    await guard.copy('hunter2')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(errors).toHaveBeenCalledOnce()
    expect(String(errors.mock.calls[0])).not.toContain('hunter2')
    await expect(guard.clearIfOurs()).resolves.toBe(false)
    reads.fail = false
    await expect(guard.clearIfOurs()).resolves.toBe(true)
    expect(clipboard.text).toBe('')
    errors.mockRestore()
  })

  it('a clear on lock that cannot read leaves the timer armed', async () => {
    const { clipboard, port, reads } = flakyReads()
    const { guard } = setup(1_000, port)
    await guard.copy('hunter2')
    await expect(guard.clearIfOurs()).resolves.toBe(false)
    reads.fail = false
    await vi.advanceTimersByTimeAsync(1_000)
    expect(clipboard.text).toBe('')
  })

  it('a throwing onCleared does not undo the clear', async () => {
    const clipboard = new FakeClipboard()
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const guard = new ClipboardGuard({
      port: clipboard,
      clearAfterMs: () => 0,
      onCleared: () => {
        throw new Error('window gone')
      },
    })
    await guard.copy('hunter2')
    await expect(guard.clearIfOurs()).resolves.toBe(true)
    expect(clipboard.text).toBe('')
    expect(errors).toHaveBeenCalledOnce()
    errors.mockRestore()
  })

  it('dispose stops the timer, lets a clear already asked for finish, and refuses new copies', async () => {
    const { clipboard, guard } = setupWithFake(30_000)
    await guard.copy('hunter2')
    const cleared = guard.clearIfOurs()
    guard.dispose()
    await expect(cleared).resolves.toBe(true)
    expect(vi.getTimerCount()).toBe(0)
    await expect(guard.copy('again')).rejects.toThrow('disposed')
    expect(clipboard.writes).toBe(1)
  })

  it('after dispose, leaves a copy it no longer tracks alone', async () => {
    const { clipboard, guard } = setupWithFake(30_000)
    await guard.copy('hunter2')
    guard.dispose()
    await vi.advanceTimersByTimeAsync(30_000)
    await expect(guard.clearIfOurs()).resolves.toBe(false)
    expect(clipboard.text).toBe('hunter2')
  })
})

describe('ClipboardGuard keeps no plaintext', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('does not expose the text through JSON or inspect', async () => {
    const { guard } = setupWithFake()
    const secret = ['correct', 'horse', 'battery', 'staple'].join('-')
    await guard.copy(secret)
    expect(JSON.stringify(guard)).not.toContain('horse')
    expect(inspect(guard, { showHidden: true, depth: 10, getters: true })).not.toContain('horse')
    guard.dispose()
  })

  it('holds neither the text in its private fields nor in its pending timer (checked through the inspector)', async () => {
    const { guard } = setupWithFake(60 * 60_000)
    // Built at run time, so the source text of this file is not the only place it could match.
    const secret = ['correct', 'horse', 'battery', 'staple'].join('-')
    await guard.copy(secret)
    const fields = await privateStringsOf(guard)
    expect(fields.names).toEqual(expect.arrayContaining(['#ours', '#timer']))
    expect(fields.digestLength).toBe(32)
    expect(fields.strings).not.toContain(secret)
    const closure = await timerClosureStringsOf(guard)
    expect(closure.variables).toContain('digest')
    expect(closure.strings).not.toContain(secret)
    guard.dispose()
  })
})
