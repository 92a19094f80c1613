/**
 * The only place that writes to stdout and stderr. stdout carries what a
 * script consumes (values, ids, JSON, tables); stderr carries prompts,
 * notices and errors, so `vault get … | other-tool` receives the value alone.
 */
import type { Writable } from 'node:stream'

export interface Output {
  /** One line (or block) of data on stdout. */
  line(text?: string): void
  /** A value exactly as stored, for scripts: no sanitising, one newline after it. */
  raw(value: string): void
  json(value: unknown): void
  /** A human notice on stderr. */
  notice(text: string): void
  /** A prompt on stderr, without a newline. */
  prompt(text: string): void
}

export function streamOutput(stdout: Writable, stderr: Writable): Output {
  return {
    line: (text = '') => stdout.write(`${text}\n`),
    raw: (value) => stdout.write(`${value}\n`),
    json: (value) => stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    notice: (text) => stderr.write(`${text}\n`),
    prompt: (text) => stderr.write(text),
  }
}

/** The process's streams; a closed pipe (`vault list | head -1`) ends the command quietly instead of crashing it. */
export function processOutput(): Output {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error
      process.exit(process.exitCode ?? 0)
    })
  }
  return streamOutput(process.stdout, process.stderr)
}

/**
 * Text from the vault (titles, usernames, notes) shown on a terminal: control
 * characters are replaced, so an item cannot move the cursor, rewrite earlier
 * lines or change the terminal's settings with escape sequences.
 */
export function displayText(text: string, options: { multiline?: boolean } = {}): string {
  let shown = ''
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    const control = code < 0x20 || (code >= 0x7f && code <= 0x9f)
    shown += control && !(options.multiline && char === '\n') ? '\uFFFD' : char
  }
  return shown
}
