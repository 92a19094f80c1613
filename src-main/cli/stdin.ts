/**
 * stdin for scripts: the master password on the first line, the Secret Key
 * on the next when this device has none, then a JSON document. stdin is read
 * to its end the first time anything is needed from it, so the writer must
 * close it (`printf … | vault …` does).
 */
import type { Readable } from 'node:stream'
import { CliError } from './cli-error.ts'

/** Far above any item (a private key, long notes) yet bounded, so a runaway pipe cannot exhaust memory. */
const MAX_STDIN_BYTES = 16 * 1024 * 1024

export class StdinLines {
  readonly #input: Readable
  #text: string | null = null
  #position = 0

  constructor(input: Readable) {
    this.#input = input
  }

  /** The next line without its line ending, or null when stdin has ended. */
  async line(): Promise<string | null> {
    const text = await this.#load()
    if (this.#position >= text.length) return null
    const end = text.indexOf('\n', this.#position)
    const stop = end < 0 ? text.length : end
    const line = text.slice(this.#position, stop)
    this.#position = stop + 1
    return line.endsWith('\r') ? line.slice(0, -1) : line
  }

  /** Everything not yet read. */
  async rest(): Promise<string> {
    const text = await this.#load()
    const rest = text.slice(this.#position)
    this.#position = text.length
    return rest
  }

  async #load(): Promise<string> {
    if (this.#text !== null) return this.#text
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of this.#input) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
      size += buffer.length
      if (size > MAX_STDIN_BYTES) throw new CliError('STDIN_TOO_LARGE', 'stdin is larger than 16 MiB.')
      chunks.push(buffer)
    }
    this.#text = Buffer.concat(chunks).toString('utf8')
    for (const chunk of chunks) chunk.fill(0)
    return this.#text
  }
}
