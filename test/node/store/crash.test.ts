/**
 * Crash safety: a child process writes in transactions and is SIGKILLed
 * mid-stream. Every revision it reported as committed must be there, nothing
 * from an interrupted transaction may be, and history, current pointer and
 * outbox must agree. (SIGKILL keeps the OS page cache, so this proves
 * atomicity and commit ordering; surviving power loss rests on synchronous=FULL.)
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { VaultStore } from '../../../src-main/store/index.ts'
import { PAIR, sealedFor } from './fixtures/crash-records.ts'
import { tempStoreSandbox } from './support.ts'

const box = tempStoreSandbox()
const CHILD = join(import.meta.dirname, 'fixtures', 'crash-child.ts')

interface Child {
  lines: string[]
  /** Resolves once a line satisfies the predicate. */
  waitFor(predicate: (lines: string[]) => boolean): Promise<void>
  kill(): Promise<void>
}

function startChild(mode: 'loop' | 'mid', file: string): Child {
  // process.execPath: the tests run on Node 24, which runs the .ts fixture directly.
  const child: ChildProcess = spawn(process.execPath, [CHILD, mode, file], { stdio: ['ignore', 'pipe', 'pipe'] })
  const lines: string[] = []
  let stderr = ''
  let pending = ''
  const waiters: (() => void)[] = []
  child.stdout?.on('data', (chunk: Buffer) => {
    const parts = (pending + chunk.toString()).split('\n')
    pending = parts.pop() ?? ''
    lines.push(...parts)
    for (const wake of waiters.splice(0)) wake()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  return {
    lines,
    async waitFor(predicate) {
      while (!predicate(lines)) {
        if (child.exitCode !== null) throw new Error(`child exited early (${child.exitCode}): ${stderr}`)
        await new Promise<void>((resolve) => waiters.push(resolve))
      }
    },
    async kill() {
      child.kill('SIGKILL')
      await exited
    },
  }
}

function committedRevisions(lines: string[]): number[] {
  return lines.filter((line) => line.startsWith('committed ')).map((line) => Number(line.slice('committed '.length)))
}

/** History 1…n for both items, pointers at n, and exactly one outbox entry per revision, in order. */
function expectConsistentPair(store: VaultStore): number {
  const current = store.getCurrentItem(PAIR[0])?.revision ?? 0
  for (const itemId of PAIR) {
    expect(store.getCurrentItem(itemId)?.revision ?? 0).toBe(current)
    const history = store.listItemRevisions(itemId)
    expect(history.map((record) => record.revision)).toEqual(Array.from({ length: current }, (_, i) => i + 1))
    for (const record of history) expect(record.sealed).toEqual(sealedFor(itemId, record.revision))
  }
  const pairEntries = store
    .listOutbox()
    .filter((entry) => entry.kind === 'item' && PAIR.includes(entry.recordId as never))
  const expected = Array.from({ length: current }, (_, i) => PAIR.map((itemId) => [itemId, i + 1])).flat()
  expect(pairEntries.map((entry) => [entry.recordId, entry.revision])).toEqual(expected)
  return current
}

describe('crash safety', () => {
  it('keeps every revision reported committed when killed at arbitrary points', async () => {
    const file = box.file()
    let reported = 0
    for (let round = 0; round < 4; round++) {
      const child = startChild('loop', file)
      const target = reported + 20 + Math.floor(Math.random() * 60)
      await child.waitFor((lines) => (committedRevisions(lines).at(-1) ?? 0) >= target)
      await child.kill()
      reported = committedRevisions(child.lines).at(-1) ?? reported
      const store = box.open()
      const current = expectConsistentPair(store)
      // The child may have committed one more round before it could print it, never less.
      expect(current).toBeGreaterThanOrEqual(reported)
      expect(current).toBeLessThanOrEqual(reported + 1)
      store.close()
      reported = current
    }
  })

  it('shows nothing of a transaction interrupted in the middle', async () => {
    const file = box.file()
    const child = startChild('mid', file)
    await child.waitFor((lines) => lines.includes('mid'))
    const walBytes = statSync(`${file}-wal`).size
    await child.kill()
    expect(walBytes).toBeGreaterThan(2_000_000) // uncommitted pages really reached the disk

    const store = box.open()
    expect(expectConsistentPair(store)).toBe(3)
    expect(store.getCurrentItem('victim')?.revision).toBe(1)
    expect(store.listVaults().map((vault) => vault.revision)).toEqual([1])
    expect(store.getSetting('interrupted')).toBeUndefined()
    expect(store.listCurrentItems().map((record) => record.itemId)).toEqual([...PAIR, 'victim'])
    expect(store.listOutbox().map((entry) => entry.kind)).toEqual(['vault', ...Array(6).fill('item'), 'item'])
  })
})
