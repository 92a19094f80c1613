/**
 * Questions asked on the terminal. Secrets are read in raw mode, so the
 * terminal echoes nothing (not even asterisks, which would give away the
 * length); only stdin is used as the terminal, never /dev/tty behind a pipe,
 * so a script's piped input can never be left waiting for a keyboard.
 */
import { createInterface } from 'node:readline'
import type { ReadStream } from 'node:tty'
import { CliError } from './cli-error.ts'
import { HiddenInput } from './hidden-input.ts'
import type { Output } from './output.ts'

export interface Terminal {
  /** Reads without echo. multiline: Enter adds a line, Ctrl-D finishes. */
  askHidden(prompt: string, options?: { multiline?: boolean }): Promise<string>
  /** Reads one visible line (a yes/no answer). */
  askLine(prompt: string): Promise<string>
}

/** The terminal on stdin, or null when stdin is a pipe or a file. */
export function stdinTerminal(output: Output): Terminal | null {
  const input = process.stdin as ReadStream
  if (!input.isTTY) return null
  return {
    askHidden: (prompt, options = {}) => readHidden(input, output, prompt, options.multiline ?? false),
    askLine: (prompt) => readLine(input, prompt),
  }
}

function interrupted(): CliError {
  return new CliError('INTERRUPTED', 'Cancelled.')
}

async function readHidden(input: ReadStream, output: Output, prompt: string, multiline: boolean): Promise<string> {
  const editor = new HiddenInput({ multiline })
  let onData: ((chunk: string) => void) | undefined
  // Echo goes off before the prompt shows: keys typed as soon as it appears are never echoed.
  input.setRawMode(true)
  input.setEncoding('utf8')
  output.prompt(prompt)
  try {
    const outcome = await new Promise<'submit' | 'interrupt'>((resolve) => {
      onData = (chunk: string) => {
        const result = editor.feed(chunk)
        if (result !== 'continue') resolve(result)
      }
      input.on('data', onData)
      input.resume()
    })
    if (outcome === 'interrupt') throw interrupted()
    return editor.value
  } finally {
    if (onData) input.off('data', onData)
    input.setRawMode(false)
    input.pause()
    editor.clear()
    // The Enter that ended the input was not echoed either.
    output.prompt('\n')
  }
}

/** Visible input through readline, which echoes and edits the line itself (on stderr, with the prompts); Ctrl-C cancels. */
async function readLine(input: ReadStream, prompt: string): Promise<string> {
  const reader = createInterface({ input, output: process.stderr, terminal: true })
  try {
    return await new Promise<string>((resolve, reject) => {
      reader.on('SIGINT', () => reject(interrupted()))
      reader.on('close', () => resolve(''))
      reader.question(prompt, resolve)
    })
  } finally {
    reader.close()
    input.pause()
  }
}
