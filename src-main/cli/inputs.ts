/**
 * Where each secret comes from: the terminal (no echo) for people, stdin for
 * scripts (--password-stdin), never the command line, where any user of the
 * machine can read it in the process list and it lands in shell history.
 */
import { VaultError } from '../../src-shared/errors.ts'
import { CliError, usageError } from './cli-error.ts'
import type { Output } from './output.ts'
import type { StdinLines } from './stdin.ts'
import type { Terminal } from './terminal.ts'

export interface Inputs {
  /** True when questions can be asked on a terminal. */
  readonly interactive: boolean
  masterPassword(prompt?: string): Promise<string>
  /** The new master password typed again, or null when it came from stdin (nothing to compare). */
  repeatNewPassword(): Promise<string | null>
  /** The Secret Key when the keychain has none; undefined when there is none to read. */
  secretKey(reason: string): Promise<string | undefined>
  /** The JSON document on stdin (after the password lines, with --password-stdin). */
  document(): Promise<unknown>
  /** A field's value typed without echo (--prompt). */
  field(label: string, options: { multiline: boolean }): Promise<string>
  /** A yes/no question; null when there is no terminal to ask on. */
  confirm(question: string): Promise<boolean | null>
}

export interface InputSources {
  readonly passwordStdin: boolean
  readonly stdin: StdinLines
  readonly terminal: Terminal | null
  readonly output: Output
}

export function createInputs(sources: InputSources): Inputs {
  const { passwordStdin, stdin, terminal, output } = sources
  return {
    interactive: terminal !== null,
    masterPassword: (prompt = 'Master password: ') => masterPassword(sources, prompt),
    repeatNewPassword: async () =>
      passwordStdin ? null : requireTerminal(terminal, PASSWORD_HINT).askHidden('Repeat it: '),
    async secretKey(reason) {
      if (passwordStdin) return (await stdin.line())?.trim() || undefined
      if (terminal === null) return undefined
      output.notice(reason)
      return terminal.askHidden('Secret Key: ')
    },
    async document() {
      if (terminal !== null) output.notice('Type or paste the JSON document, then press Ctrl-D.')
      return parseDocument(await stdin.rest())
    },
    field: (label, options) =>
      requireTerminal(terminal, FIELD_HINT).askHidden(
        options.multiline ? `${label} (end with Ctrl-D on an empty line): ` : `${label}: `,
        options,
      ),
    confirm: async (question) =>
      terminal === null ? null : /^\s*y(es)?\s*$/i.test(await terminal.askLine(`${question} [y/N] `)),
  }
}

async function masterPassword(sources: InputSources, prompt: string): Promise<string> {
  if (!sources.passwordStdin) return requireTerminal(sources.terminal, PASSWORD_HINT).askHidden(prompt)
  if (sources.terminal !== null) {
    throw usageError('--password-stdin reads the password from a pipe; on a terminal, leave it out to be asked.')
  }
  const line = await sources.stdin.line()
  if (line === null) throw new VaultError('PASSWORD_EMPTY', 'stdin ended before the master password line.')
  return line
}

const PASSWORD_HINT =
  'stdin is not a terminal to ask for the master password on: pass --password-stdin and write it as the first line of stdin.'
export const FIELD_HINT =
  'stdin is not a terminal, so --prompt cannot ask: scripts pass secrets as a JSON document on stdin with --json.'

function requireTerminal(terminal: Terminal | null, problem: string): Terminal {
  if (terminal === null) throw new CliError('NO_TERMINAL', problem)
  return terminal
}

/** JSON.parse's own message quotes the input, which may hold secrets: it is never shown. */
function parseDocument(text: string): unknown {
  if (text.trim() === '') throw new CliError('INVALID_JSON', 'stdin holds no JSON document (--json reads one).')
  try {
    return JSON.parse(text)
  } catch {
    throw new CliError('INVALID_JSON', 'The document on stdin is not valid JSON.')
  }
}
