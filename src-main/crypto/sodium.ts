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
