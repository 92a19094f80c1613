/** Where a command writes a file the user named: --out, and never over an existing file unless --force. */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { flag, type Parsed, stringOption } from './args.ts'
import { CliError, usageError } from './cli-error.ts'

export function outFilePath(parsed: Parsed): string {
  const out = stringOption(parsed, 'out')
  if (out === undefined) throw usageError('Say where to write with --out FILE.', parsed.command)
  const path = resolve(out)
  if (existsSync(path) && !flag(parsed, 'force')) {
    throw new CliError('FILE_EXISTS', `${path} already exists; choose another name or add --force.`)
  }
  return path
}
