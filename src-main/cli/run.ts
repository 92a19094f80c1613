/**
 * One invocation: pick the command, parse its options, run it, and turn any
 * failure into a message on stderr and an exit code (exit-codes.ts). Errors
 * print their message and code only, never a stack or an input value.
 */
import { resolve } from 'node:path'
import { isVaultError } from '../../src-shared/errors.ts'
import { parseCommandArgs, splitCommand, stringOption } from './args.ts'
import { CliError, usageError } from './cli-error.ts'
import { findCommand } from './commands/index.ts'
import { EXIT, type ExitCode, exitCodeFor } from './exit-codes.ts'
import { generalHelp } from './help.ts'
import { createInputs } from './inputs.ts'
import type { Output } from './output.ts'
import { locateVault } from './session.ts'
import { StdinLines } from './stdin.ts'
import { stdinTerminal } from './terminal.ts'

const HELP_FLAGS = ['--help', '-h']

export async function run(argv: readonly string[], out: Output): Promise<ExitCode> {
  try {
    await dispatch(argv, out)
    return EXIT.ok
  } catch (error) {
    return reportError(out, error)
  }
}

async function dispatch(argv: readonly string[], out: Output): Promise<void> {
  const { command: name, rest } = splitCommand(argv)
  const wantsHelp = rest.some((token) => HELP_FLAGS.includes(token))
  if (name === undefined || name === 'help')
    return helpFor(out, name === 'help' ? rest : [], wantsHelp || name === 'help')
  const command = findCommand(name)
  if (command === undefined) throw usageError(`Unknown command "${name}". Run \`vault --help\` for the list.`)
  // Help is shown even when other arguments are wrong: it is what the user needs then.
  if (wantsHelp) return out.line(command.help)
  const parsed = parseCommandArgs(name, command.options, rest)
  const passwordStdin = parsed.values['password-stdin'] === true
  const dataDir = stringOption(parsed, 'data-dir')
  const inputs = createInputs({
    passwordStdin,
    stdin: new StdinLines(process.stdin),
    terminal: stdinTerminal(out),
    output: out,
  })
  const location = locateVault(dataDir === undefined ? undefined : resolve(dataDir))
  await command.run({ out, inputs, location, parsed })
}

function helpFor(out: Output, rest: readonly string[], asked: boolean): void {
  const topic = rest.find((token) => !token.startsWith('-'))
  if (topic === undefined && !asked) throw usageError('Missing COMMAND.')
  const command = topic === undefined ? undefined : findCommand(topic)
  if (topic !== undefined && command === undefined) {
    throw usageError(`Unknown command "${topic}". Run \`vault --help\` for the list.`)
  }
  out.line(command === undefined ? generalHelp() : command.help)
}

function reportError(out: Output, error: unknown): ExitCode {
  if (error instanceof CliError) {
    out.notice(`vault: ${error.message}`)
    if (error.code === 'USAGE')
      out.notice(`Run \`vault ${error.command ?? ''}${error.command ? ' ' : ''}--help\` for usage.`)
    return error.exitCode
  }
  if (isVaultError(error)) {
    out.notice(`vault: ${error.message} (${error.code})`)
    return exitCodeFor(error.code)
  }
  // Not expected: name the kind of failure, but not its message, which might quote an input.
  const name = error instanceof Error ? error.name : typeof error
  out.notice(`vault: unexpected ${name}; its details are not shown, as they might quote a secret.`)
  // For a developer reproducing a bug with test data, never by default.
  if (process.env.VAULT_DEBUG === '1' && error instanceof Error) out.notice(error.stack ?? error.message)
  return EXIT.error
}
