/**
 * The one place in the main process that loads libsodium (the Argon2id worker,
 * argon2-worker.ts beside this file, loads its own copy in its own thread).
 * Everything else in crypto/ calls sodium() after initCrypto() has resolved,
 * so sealing and opening stay synchronous on the hot path.
 */
import sodiumModule from 'libsodium-wrappers-sumo'

export type Sodium = typeof sodiumModule

let loaded: Sodium | undefined
let loading: Promise<Sodium> | undefined

export function initCrypto(): Promise<Sodium> {
  loading ??= sodiumModule.ready.then(() => {
    loaded = sodiumModule
    return sodiumModule
  })
  return loading
}

export function sodium(): Sodium {
  if (loaded === undefined) {
    throw new Error('crypto used before initCrypto() resolved')
  }
  return loaded
}

interface EmscriptenHeap {
  _malloc(size: number): number
  _free(pointer: number): void
  HEAPU8: Uint8Array
}

const SCRUB_BLOCK_BYTES = 64 * 1024

function heap(): EmscriptenHeap {
  return (sodium() as unknown as { libsodium: EmscriptenHeap }).libsodium
}

/**
 * libsodium-wrappers copies every argument (keys, plaintexts) into its
 * WebAssembly heap and frees it without wiping, and in the main process that
 * heap lives as long as the app. On lock, this takes every free block of the
 * heap, zeroes it and gives it back, so those copies are gone. A few ms.
 */
export function scrubFreeHeap(): void {
  if (loaded === undefined) return
  const wasm = heap()
  const target = wasm.HEAPU8.length
  const blocks: number[] = []
  try {
    for (let covered = 0; covered < target; covered += SCRUB_BLOCK_BYTES) {
      const pointer = wasm._malloc(SCRUB_BLOCK_BYTES)
      if (pointer === 0) break
      blocks.push(pointer)
      wasm.HEAPU8.fill(0, pointer, pointer + SCRUB_BLOCK_BYTES)
    }
  } finally {
    for (const pointer of blocks) wasm._free(pointer)
  }
}

/** For tests and diagnostics: whether these bytes appear anywhere in libsodium's heap. */
export function heapContains(bytes: Uint8Array): boolean {
  if (loaded === undefined) return false
  const wasm = heap().HEAPU8
  return Buffer.from(wasm.buffer, wasm.byteOffset, wasm.byteLength).indexOf(Buffer.from(bytes)) !== -1
}

/** sizeof(crypto_secretstream_xchacha20poly1305_state): a 32-byte subkey, a 12-byte nonce, 8 bytes of padding. */
const STREAM_STATE_BYTES = 52

/**
 * libsodium-wrappers allocates a secretstream state (52 bytes holding the
 * stream's subkey) in its heap and never frees it. This wipes and frees it.
 * The typings call the state an object; at run time it is the heap address.
 */
export function disposeStreamState(state: unknown): void {
  const address = typeof state === 'number' ? state : (state as { address?: unknown } | null)?.address
  if (loaded === undefined || typeof address !== 'number' || address === 0) return
  const wasm = heap()
  wasm.HEAPU8.fill(0, address, address + STREAM_STATE_BYTES)
  wasm._free(address)
}
