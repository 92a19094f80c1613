/**
 * Where a command writes a file the user named: --out, and never over an
 * existing file unless --force; written readable by the user only
 * (system/owner-only-file.ts), even over a file that was readable by others.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { writeOwnerOnly } from '../system/owner-only-file.ts'
import { flag, type Parsed, stringOption } from './args.ts'
import { CliError, usageError } from './cli-error.ts'

export function outFilePath(parsed: Parsed, missing = 'Say where to write with --out FILE.'): string {
  const out = stringOption(parsed, 'out')
  if (out === undefined) throw usageError(missing, parsed.command)
  const path = resolve(out)
  if (existsSync(path) && !flag(parsed, 'force')) {
    throw new CliError('FILE_EXISTS', `${path} already exists; choose another name or add --force.`)
  }
  return path
}

/** Writes the file outFilePath chose; a file that appeared there meanwhile is refused as FILE_EXISTS. */
export async function writeOutFile(parsed: Parsed, path: string, data: Uint8Array | string): Promise<void> {
  await writeOwnerOnly(path, data, { replace: flag(parsed, 'force') }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    throw new CliError('FILE_EXISTS', `${path} already exists; choose another name or add --force.`)
  })
}
