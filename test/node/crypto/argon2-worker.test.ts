/**
 * Argon2id runs off the calling thread. A synchronous derivation on the
 * calling thread would keep every timer from firing until it finished; here a
 * 5 ms interval must keep ticking throughout a 64 MiB derivation.
 */
import { describe, expect, it } from 'vitest'
import { Argon2Worker, argon2id } from '../../../src-main/crypto/argon2.ts'
import { randomBytes } from '../../../src-main/crypto/random.ts'
import { expectCodeAsync } from '../support/expect-code.ts'

const MiB = 1024 * 1024
const input = () => ({ password: randomBytes(12), salt: randomBytes(16), opslimit: 3, memlimitBytes: 64 * MiB })

describe('Argon2id worker', () => {
  it('leaves the calling thread free while it derives', async () => {
    let ticks = 0
    let ticksBeforeResult = -1
    const timer = setInterval(() => ticks++, 5)
    const derivation = argon2id(input()).then((key) => {
      ticksBeforeResult = ticks
      return key
    })
    const key = await derivation
    clearInterval(timer)
    expect(key).toHaveLength(32)
    // The derivation takes hundreds of ms; a blocked thread would show 0 ticks.
    expect(ticksBeforeResult).toBeGreaterThanOrEqual(5)
  })

  it('pre-warms, derives once, then terminates so its memory is returned', async () => {
    const worker = Argon2Worker.start(64 * MiB)
    await worker.ready
    const password = Uint8Array.from([1, 2, 3, 4])
    const key = await worker.derive({ ...input(), password })
    expect(key).toHaveLength(32)
    expect(Array.from(password)).toEqual([0, 0, 0, 0])
    await expect(worker.exited).resolves.toBeTypeOf('number')
    await expectCodeAsync(worker.derive(input()), 'KDF_WORKER_FAILED')
  })

  it('gives the same key warm or cold', async () => {
    const fixed = { salt: new Uint8Array(16).fill(9), opslimit: 3, memlimitBytes: 64 * MiB }
    const cold = await argon2id({ ...fixed, password: Uint8Array.from([7, 7]) })
    const worker = Argon2Worker.start(64 * MiB)
    await worker.ready
    const warm = await worker.derive({ ...fixed, password: Uint8Array.from([7, 7]) })
    expect(Buffer.from(warm).equals(Buffer.from(cold))).toBe(true)
  })

  it('reports a failed derivation with KDF_WORKER_FAILED and still terminates', async () => {
    const worker = Argon2Worker.start(0)
    await expectCodeAsync(worker.derive({ ...input(), opslimit: 0 }), 'KDF_WORKER_FAILED')
    await expect(worker.exited).resolves.toBeTypeOf('number')
  })

  it('can be terminated unused, as when the lock screen closes without an unlock', async () => {
    const worker = Argon2Worker.start(0)
    await worker.terminate()
    await expect(worker.exited).resolves.toBeTypeOf('number')
    await expectCodeAsync(worker.derive(input()), 'KDF_WORKER_FAILED')
  })
})
