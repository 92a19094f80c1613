/** `vault create`: a new account and vault, and the one showing of its Secret Key. */
import { existsSync, rmSync } from 'node:fs'
import { VaultError } from '../../../src-shared/errors.ts'
import type { KdfCost } from '../../crypto/index.ts'
import { assertStrongMasterPassword, estimateStrength } from '../../items/index.ts'
import { VaultStore } from '../../store/index.ts'
import type { CreatedAccount } from '../../vault/index.ts'
import { integerOption, type Parsed, positionals, stringOption } from '../args.ts'
import { CliError, usageError } from '../cli-error.ts'
import { type Command, type CommandContext, GLOBAL_HELP } from '../command.ts'
import { serviceFor } from '../session.ts'

const MiB = 1024 * 1024
const SCORE_WORDS = ['very weak', 'weak', 'fair', 'strong', 'very strong']

export const create: Command = {
  name: 'create',
  summary: 'create a new vault and show its Secret Key',
  options: {
    email: { type: 'string' },
    'kdf-memory-mib': { type: 'string' },
    'kdf-passes': { type: 'string' },
  },
  help: `Usage: vault create --email EMAIL [--kdf-memory-mib N --kdf-passes N]

Creates the vault and its account. Asks for a master password twice (without echo), shows how
strong it is and refuses one that is easy to guess. Then prints the Secret Key, once: write it
down or keep your Emergency Kit. The Secret Key is also saved in the OS keychain when there is one.

Options:
  --email EMAIL          the account's email address
  --kdf-memory-mib N     Argon2id memory in MiB (at least 64); by default calibrated to ~1 s here
  --kdf-passes N         Argon2id passes (at least 3); give both or neither

${GLOBAL_HELP}

Example:
  vault create --email ada@example.org`,
  run,
}

async function run(context: CommandContext): Promise<void> {
  const { parsed, location } = context
  positionals(parsed, [])
  const email = emailOption(parsed)
  const kdfCost = kdfCostOption(parsed)
  const isNew = !existsSync(location.file)
  const store = VaultStore.open(location.file)
  const service = serviceFor(store, kdfCost)
  let created: CreatedAccount | undefined
  try {
    if (service.status().state !== 'no-account') {
      throw new VaultError('ACCOUNT_EXISTS', `There is already a vault at ${location.file}.`)
    }
    const password = await chooseMasterPassword(context, email)
    context.out.notice(kdfCost ? 'Creating the vault…' : 'Measuring this device and creating the vault…')
    created = await service.createAccount({ email, password })
  } finally {
    service.lock()
    store.close()
    // A failed creation leaves no empty vault file behind to be mistaken for a vault.
    if (created === undefined && isNew) removeStoreFiles(location.file)
  }
  printCreated(context, created)
}

export function emailOption(parsed: Parsed): string {
  const email = stringOption(parsed, 'email')?.trim()
  if (email === undefined) throw usageError('--email is required.', parsed.command)
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw usageError('--email must be an email address.', parsed.command)
  return email
}

/** Range checks only; the floor and ceiling are the service's to enforce (KDF_BELOW_FLOOR). */
export function kdfCostOption(parsed: Parsed): KdfCost | undefined {
  const memoryMib = integerOption(parsed, 'kdf-memory-mib', { min: 1, max: 1_000_000 })
  const passes = integerOption(parsed, 'kdf-passes', { min: 1, max: 1_000_000 })
  if (memoryMib === undefined && passes === undefined) return undefined
  if (memoryMib === undefined || passes === undefined) {
    throw usageError('Give both --kdf-memory-mib and --kdf-passes, or neither.', parsed.command)
  }
  return { memlimitBytes: memoryMib * MiB, opslimit: passes }
}

export async function chooseMasterPassword(context: CommandContext, email: string): Promise<string> {
  const password = await context.inputs.masterPassword('Choose a master password: ')
  if (password !== '') {
    const estimate = estimateStrength(password, [email])
    context.out.notice(
      `Strength: ${SCORE_WORDS[estimate.score]} (${estimate.score}/4); ` +
        `guessing it offline at 10,000 tries a second would take ${estimate.crackTime}.`,
    )
  }
  // Refused before it is typed a second time; the message carries zxcvbn's advice, never the password.
  assertStrongMasterPassword(password, [email])
  const repeated = await context.inputs.repeatNewPassword()
  if (repeated !== null && repeated !== password) {
    throw new CliError('PASSWORD_MISMATCH', 'The two passwords do not match; nothing was created.')
  }
  return password
}

export function printCreated(context: CommandContext, created: CreatedAccount | undefined): void {
  if (created === undefined) return
  const { out, location } = context
  out.notice(`Vault created at ${location.file} (account ${created.accountId}).`)
  out.notice('Your Secret Key, shown only this once:')
  out.line(created.secretKey)
  out.notice(
    'Write it down or keep your Emergency Kit, somewhere safe and apart from this device. With your master\n' +
      'password it opens this vault on a new device or after a reinstall; without it nobody, not even us,\n' +
      'can open the vault.',
  )
  out.notice(
    created.secretKeyInKeychain
      ? 'The Secret Key is saved in the OS keychain, so this device will not ask for it.'
      : `The Secret Key is NOT in the OS keychain (${created.keychainProblem ?? 'unavailable'}): ` +
          'every unlock on this device will ask for it.',
  )
}

export function removeStoreFiles(file: string): void {
  for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(path, { force: true })
}
