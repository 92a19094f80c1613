/** What every command module provides, and what it is given to run. */
import type { ParseArgsOptionsConfig } from 'node:util'
import type { Parsed } from './args.ts'
import type { Inputs } from './inputs.ts'
import type { Output } from './output.ts'
import type { VaultLocation } from './session.ts'

export interface CommandContext {
  readonly out: Output
  readonly inputs: Inputs
  readonly location: VaultLocation
  readonly parsed: Parsed
}

export interface Command {
  readonly name: string
  /** One line for `vault --help`. */
  readonly summary: string
  /** The full text of `vault NAME --help`. */
  readonly help: string
  readonly options: ParseArgsOptionsConfig
  run(context: CommandContext): Promise<void>
}

/** A --json flag shared by commands that can print JSON. */
export const JSON_OPTION = { json: { type: 'boolean' } } as const satisfies ParseArgsOptionsConfig

export const GLOBAL_HELP = `Global options:
  --data-dir DIR       the vault's folder (default: $VAULT_DATA_DIR, else the desktop app's folder)
  --password-stdin     read the master password from the first line of stdin (and the Secret Key
                       from the next line, when this device's keychain does not have it)
  -h, --help           show help`
