/**
 * Runs Argon2id in a worker thread. Start an Argon2Worker when the lock screen
 * appears, so that loading and warming it overlap with typing; derive() then
 * runs one derivation and terminates the worker, returning its memory.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { VaultError } from '../../src-shared/errors.ts'
import type { Argon2WorkerData, Argon2WorkerMessage } from './argon2-protocol.ts'
import { KDF_DEFAULT_MEMLIMIT_BYTES } from './kdf-params.ts'

export interface Argon2Input {
  /** Moved into the worker: the caller's buffer is zeroized here. */
  readonly password: Uint8Array
  readonly salt: Uint8Array
  readonly opslimit: number
  readonly memlimitBytes: number
}

/** Built bundle first (out/main/argon2-worker.js beside index.js), then the source file under Node. */
const WORKER_FILES = ['./argon2-worker.js', './argon2-worker.ts']

export class Argon2Worker {
  readonly #worker: Worker
  readonly #ready: Promise<void>
  readonly #exited: Promise<number>
  #used = false

  private constructor(prewarmMemlimitBytes: number) {
    const workerData: Argon2WorkerData = { prewarmMemlimitBytes }
    this.#worker = new Worker(workerUrl(), { workerData })
    // Failures surface through nextMessage() while someone waits; an idle worker's must not crash the app.
    this.#worker.on('error', () => undefined)
    this.#exited = new Promise((resolve) => this.#worker.once('exit', resolve))
    this.#ready = nextMessage(this.#worker).then((message) => {
      if (message.type !== 'ready') throw workerFailure(message)
    })
    this.#ready.catch(() => undefined) // observed by derive(); avoid an unhandled rejection meanwhile
  }

  /** Spawns and warms a worker for a derivation at (up to) the given memory. */
  static start(prewarmMemlimitBytes = KDF_DEFAULT_MEMLIMIT_BYTES): Argon2Worker {
    return new Argon2Worker(prewarmMemlimitBytes)
  }

  /** Resolves when the worker has loaded libsodium and grown its heap. */
  get ready(): Promise<void> {
    return this.#ready
  }

  /** Resolves with the exit code once the thread is gone and its memory released. */
  get exited(): Promise<number> {
    return this.#exited
  }

  /** One derivation of 32 bytes; the worker is terminated afterwards, whatever the outcome. */
  async derive(input: Argon2Input): Promise<Uint8Array> {
    const password = Uint8Array.from(input.password)
    input.password.fill(0)
    try {
      if (this.#used) throw new VaultError('KDF_WORKER_FAILED', 'An Argon2 worker runs one derivation only.')
      this.#used = true
      await this.#ready
      const reply = nextMessage(this.#worker)
      const { salt, opslimit, memlimitBytes } = input
      this.#worker.postMessage({ type: 'derive', password, salt, opslimit, memlimitBytes, outputBytes: 32 }, [
        password.buffer,
      ])
      const message = await reply
      if (message.type !== 'derived') throw workerFailure(message)
      return message.key
    } finally {
      // Once transferred, the buffer is detached (and empty) here; if we failed before, zeroize it.
      if (password.buffer.byteLength > 0) password.fill(0)
      await this.terminate()
    }
  }

  async terminate(): Promise<void> {
    await this.#worker.terminate()
  }
}

/** Derives with a fresh worker when none was started ahead of time. */
export function argon2id(input: Argon2Input, worker?: Argon2Worker): Promise<Uint8Array> {
  return (worker ?? Argon2Worker.start(input.memlimitBytes)).derive(input)
}

function workerUrl(): URL {
  for (const file of WORKER_FILES) {
    const url = new URL(file, import.meta.url)
    if (existsSync(fileURLToPath(url))) return url
  }
  throw new VaultError('KDF_WORKER_FAILED', 'The Argon2 worker script is missing from this installation.')
}

function nextMessage(worker: Worker): Promise<Argon2WorkerMessage> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
    }
    const onMessage = (message: Argon2WorkerMessage): void => {
      cleanup()
      resolve(message)
    }
    const onError = (error: Error): void => {
      cleanup()
      reject(new VaultError('KDF_WORKER_FAILED', 'The key derivation worker failed.', { cause: error }))
    }
    const onExit = (code: number): void => {
      cleanup()
      reject(new VaultError('KDF_WORKER_FAILED', `The key derivation worker stopped (exit code ${code}).`))
    }
    worker.on('message', onMessage)
    worker.on('error', onError)
    worker.on('exit', onExit)
  })
}

function workerFailure(message: Argon2WorkerMessage): VaultError {
  const detail = message.type === 'error' ? message.message : `unexpected '${message.type}' message`
  return new VaultError('KDF_WORKER_FAILED', `Key derivation failed: ${detail}`)
}
