/**
 * The Argon2id worker thread. It runs crypto_pwhash off the main thread, so
 * the app stays responsive during a one-second derivation, and it is
 * terminated after each derivation, so its 256 MiB WebAssembly heap (which
 * never shrinks) goes back to the OS.
 *
 * Self-contained on purpose: it is its own bundle entry, and it is also run
 * directly from source by Node's type stripping in tests.
 */

import { parentPort, workerData } from 'node:worker_threads'
import sodium from 'libsodium-wrappers-sumo'
import type { Argon2DeriveRequest, Argon2WorkerData, Argon2WorkerMessage } from './argon2-protocol.ts'

const WARM_UP_MEMLIMIT_BYTES = 4 * 1024 * 1024
/** Argon2's own allocations sit on top of the memory blocks. */
const HEAP_MARGIN_BYTES = 1024 * 1024

interface EmscriptenHeap {
  _malloc(size: number): number
  _free(pointer: number): void
  HEAPU8: Uint8Array
}

const port = parentPort
if (port === null) throw new Error('argon2-worker.ts must run as a worker thread')

const warmed = sodium.ready.then(() => prewarm((workerData as Argon2WorkerData).prewarmMemlimitBytes))

port.on('message', (request: Argon2DeriveRequest) => {
  warmed
    .then(() => derive(request))
    .then(
      (key) => post({ type: 'derived', key }, [key.buffer as ArrayBuffer]),
      (error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : 'unknown error' }),
    )
})
warmed.then(
  () => post({ type: 'ready' }),
  (error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : 'unknown error' }),
)

/**
 * A tiny derivation lets V8 tier up the WebAssembly code, and growing and
 * touching the heap once moves page faults out of the real derivation
 * (../shared/research/perf.md §1: together they bring it to native speed).
 */
function prewarm(memlimitBytes: number): void {
  const salt = new Uint8Array(sodium.crypto_pwhash_SALTBYTES)
  sodium.crypto_pwhash(16, 'warm-up', salt, 1, WARM_UP_MEMLIMIT_BYTES, sodium.crypto_pwhash_ALG_ARGON2ID13)
  if (memlimitBytes <= 0) return
  const heap = (sodium as unknown as { libsodium: EmscriptenHeap }).libsodium
  const size = memlimitBytes + HEAP_MARGIN_BYTES
  const pointer = heap._malloc(size)
  if (pointer === 0) return
  heap.HEAPU8.fill(0, pointer, pointer + size)
  heap._free(pointer)
}

function derive(request: Argon2DeriveRequest): Uint8Array {
  try {
    return sodium.crypto_pwhash(
      request.outputBytes,
      request.password,
      request.salt,
      request.opslimit,
      request.memlimitBytes,
      sodium.crypto_pwhash_ALG_ARGON2ID13,
    )
  } finally {
    request.password.fill(0)
  }
}

function post(message: Argon2WorkerMessage, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer)
}
