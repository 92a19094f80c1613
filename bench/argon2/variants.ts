/**
 * The Argon2id implementations under test, each as a function that runs one
 * derivation of the given input and reports its timings in milliseconds.
 * Every variant computes Argon2id(p=1, 32 bytes), so their outputs must be equal.
 */
import { argon2id as NATIVE_ARGON2ID, hash as nativeHash } from 'argon2'
import { Argon2Worker, argon2id } from '../../src-main/crypto/argon2.ts'

export interface KdfInput {
  readonly password: Uint8Array
  readonly salt: Uint8Array
  readonly opslimit: number
  readonly memlimitBytes: number
}

export interface VariantRun {
  readonly key: Uint8Array
  readonly ms: Readonly<Record<string, number>>
}

export interface Metric {
  readonly key: string
  readonly label: string
  /** A time the user waits for at unlock, so comparable with native's hash. */
  readonly onCriticalPath: boolean
}

export interface Variant {
  readonly id: string
  readonly label: string
  readonly metrics: readonly Metric[]
  run(input: KdfInput): Promise<VariantRun>
}

/** derive() zeroizes the caller's password, so every run gets its own copy. */
function copyOf(input: KdfInput): KdfInput {
  return { ...input, password: input.password.slice(), salt: input.salt.slice() }
}

/** No heap pre-grow (start(0)) and derive() called at once: the worker still loads and does its 4 MiB warm-up. */
const sodiumCold: Variant = {
  id: 'sodium-cold',
  label: 'libsodium cold',
  metrics: [
    { key: 'total', label: 'start(0) → key: spawn, load, derive, terminate', onCriticalPath: true },
    { key: 'ready', label: '  of which start → ready: spawn, load, 4 MiB warm-up', onCriticalPath: false },
    { key: 'derive', label: '  of which ready → key', onCriticalPath: false },
  ],
  async run(input) {
    const started = performance.now()
    const worker = Argon2Worker.start(0)
    let readyAt = Number.NaN
    worker.ready.then(
      () => {
        readyAt = performance.now()
      },
      () => undefined,
    )
    const key = await worker.derive(copyOf(input))
    const done = performance.now()
    return { key, ms: { total: done - started, ready: readyAt - started, derive: done - readyAt } }
  },
}

/** The app's path: start() when the lock screen shows, derive() on submit. derive() is called as soon as ready resolves. */
const sodiumPrewarmed: Variant = {
  id: 'sodium-prewarmed',
  label: 'libsodium pre-warmed',
  metrics: [
    { key: 'warmup', label: 'start(256 MiB) → ready: off the critical path', onCriticalPath: false },
    { key: 'derive', label: 'derive() → key, terminate included', onCriticalPath: true },
  ],
  async run(input) {
    const started = performance.now()
    const worker = Argon2Worker.start(input.memlimitBytes)
    await worker.ready
    const readyAt = performance.now()
    const key = await worker.derive(copyOf(input))
    return { key, ms: { warmup: readyAt - started, derive: performance.now() - readyAt } }
  },
}

/** The fallback when no worker was started ahead: argon2id() pre-grows the heap, then derives, in series. */
const sodiumOneShot: Variant = {
  id: 'sodium-oneshot',
  label: 'libsodium argon2id()',
  metrics: [{ key: 'total', label: 'argon2id(): start(256 MiB) + derive → key', onCriticalPath: true }],
  async run(input) {
    const started = performance.now()
    const key = await argon2id(copyOf(input))
    return { key, ms: { total: performance.now() - started } }
  },
}

/** The speed limit at p=1: node-argon2's C code on the libuv thread pool. */
const native: Variant = {
  id: 'native',
  label: 'native argon2',
  metrics: [{ key: 'hash', label: 'hash() → key: the reference', onCriticalPath: true }],
  async run(input) {
    const password = Buffer.from(input.password)
    const salt = Buffer.from(input.salt)
    const started = performance.now()
    const key = await nativeHash(password, {
      type: NATIVE_ARGON2ID,
      memoryCost: input.memlimitBytes / 1024,
      timeCost: input.opslimit,
      parallelism: 1,
      raw: true,
      salt,
      hashLength: 32,
    })
    const done = performance.now()
    password.fill(0)
    return { key: new Uint8Array(key), ms: { hash: done - started } }
  },
}

export const NATIVE_ID = native.id
export const PREWARMED_ID = sodiumPrewarmed.id
export const VARIANTS: readonly Variant[] = [sodiumCold, sodiumPrewarmed, sodiumOneShot, native]

/** Round r runs the variants starting at r, so none always follows the same neighbour. */
export function rotated<T>(items: readonly T[], round: number): T[] {
  const shift = round % items.length
  return [...items.slice(shift), ...items.slice(0, shift)]
}
