/** Messages between the main process and the Argon2id worker (types only, erased at build). */

export interface Argon2WorkerData {
  /** Grow the worker's WebAssembly heap to this size ahead of time (0 to skip). */
  readonly prewarmMemlimitBytes: number
}

export interface Argon2DeriveRequest {
  readonly type: 'derive'
  readonly password: Uint8Array
  readonly salt: Uint8Array
  readonly opslimit: number
  readonly memlimitBytes: number
  readonly outputBytes: number
}

export type Argon2WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'derived'; readonly key: Uint8Array }
  | { readonly type: 'error'; readonly message: string }
