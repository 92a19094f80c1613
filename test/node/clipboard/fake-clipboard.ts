/** In-memory stand-ins for the system clipboard, for the ClipboardGuard tests. */
import type { ClipboardPort } from '../../../src-main/clipboard/clipboard-guard.ts'

/** The system clipboard, in memory. Holds the text as bytes, so no string of it is reachable from the guard's port. */
export class FakeClipboard implements ClipboardPort {
  #bytes = Buffer.alloc(0)
  writes = 0
  clears = 0

  get text(): string {
    return this.#bytes.toString('utf8')
  }

  /** Another app (or the user) puts something on the clipboard. */
  userCopies(text: string): void {
    this.#bytes = Buffer.from(text, 'utf8')
  }

  async write(text: string): Promise<void> {
    this.writes++
    this.#bytes = Buffer.from(text, 'utf8')
  }

  async readText(): Promise<string> {
    return this.text
  }

  async clear(): Promise<void> {
    this.clears++
    this.#bytes = Buffer.alloc(0)
  }
}

export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined
  const promise = new Promise<void>((done) => {
    resolve = done
  })
  return { promise, resolve }
}

/** A clipboard whose reads fail while reads.fail is true, with an error that quotes the clipboard. */
export function flakyReads() {
  const clipboard = new FakeClipboard()
  const reads = { fail: true }
  const port: ClipboardPort = {
    write: (text) => clipboard.write(text),
    readText: async () => {
      if (reads.fail) throw new Error(`could not read ${clipboard.text}`)
      return clipboard.readText()
    },
    clear: () => clipboard.clear(),
  }
  return { clipboard, port, reads }
}
