/**
 * `vault backup`, `vault restore-backup` and `vault decrypt-backup` (issue 8): an
 * encrypted backup of every item with its history (docs/backup-format.md),
 * a new local vault made from one, and the standalone decrypter a user needs
 * if this project ever disappears. Backups and decrypted files are written
 * with owner-only permissions, never over an existing file unless --force.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { VaultError } from '../../../src-shared/errors.ts'
import { backupVault, MAX_BACKUP_BYTES, readBackup } from '../../backup/index.ts'
import { initCrypto } from '../../crypto/index.ts'
import { assertStrongMasterPassword } from '../../items/index.ts'
import { VaultStore } from '../../store/index.ts'
import type { CreatedAccount } from '../../vault/index.ts'
import { readSmallFile } from '../../window/open-file.ts'
import { positionals } from '../args.ts'
import { CliError } from '../cli-error.ts'
import { type Command, type CommandContext, GLOBAL_HELP } from '../command.ts'
import { outFilePath, writeOutFile } from '../out-file.ts'
import { serviceFor, withUnlockedVault } from '../session.ts'
import { chooseMasterPassword, emailOption, kdfCostOption, printCreated, removeStoreFiles } from './create.ts'

export const backup: Command = {
  name: 'backup',
  summary: 'write an encrypted backup of every item with its history',
  options: { out: { type: 'string' }, force: { type: 'boolean' } },
  help: `Usage: vault backup --out FILE [--force]

Writes every item (the trash included) with every revision and its tags to FILE, encrypted with a
backup password you choose now (asked twice, without echo; with --password-stdin, the line after
the master password). The backup password is separate from the master password: keep it with
the backup. Restore it with \`vault restore-backup\`, or read it with \`vault decrypt-backup\` on any machine;
docs/backup-format.md describes the format for anyone writing their own decrypter.

${GLOBAL_HELP}`,
  run: runBackup,
}

export const restoreBackup: Command = {
  name: 'restore-backup',
  summary: 'make a new vault from an encrypted backup',
  options: { email: { type: 'string' }, 'kdf-memory-mib': { type: 'string' }, 'kdf-passes': { type: 'string' } },
  help: `Usage: vault restore-backup FILE --email EMAIL [--kdf-memory-mib N --kdf-passes N]

Makes a new vault here from a backup written by \`vault backup\` (or the app): asks for the backup
password, then a new master password (twice), and prints the new vault's Secret Key once. Every
item comes back with its history. There must be no vault here yet. With --password-stdin the
backup password is the first line and the new master password the second. The KDF options are
those of \`vault create\`.

${GLOBAL_HELP}`,
  run: runRestore,
}

export const decryptBackup: Command = {
  name: 'decrypt-backup',
  summary: 'decrypt a backup to plain JSON (needs no vault)',
  options: { out: { type: 'string' }, force: { type: 'boolean' } },
  help: `Usage: vault decrypt-backup FILE --out PLAIN.json [--force]

Decrypts a backup with its backup password and writes its contents, every item and revision in
plain JSON, to PLAIN.json (readable by you only). Needs no vault and no account: this is the
decrypter to keep if this app ever disappears. The output holds every password in the clear:
delete it when you are done.

${GLOBAL_HELP}`,
  run: runDecrypt,
}

async function runBackup(context: CommandContext): Promise<void> {
  positionals(context.parsed, [])
  const path = outFilePath(context.parsed)
  const bytes = await withUnlockedVault(context.location, context.inputs, async (service) => {
    const password = await chooseBackupPassword(context)
    context.out.notice('Encrypting the backup…')
    return backupVault(service, password)
  })
  await writeOutFile(context.parsed, path, bytes)
  context.out.notice(`Saved an encrypted backup to ${path}. Keep the backup password with it.`)
}

async function runRestore(context: CommandContext): Promise<void> {
  const [file] = positionals(context.parsed, ['FILE'])
  const email = emailOption(context.parsed)
  const kdfCost = kdfCostOption(context.parsed)
  const { location } = context
  // Before the backup password is asked and Argon2id runs, not after.
  if (existsSync(location.file)) throw new VaultError('ACCOUNT_EXISTS', `There is already a vault at ${location.file}.`)
  const payload = await openBackup(context, file as string)
  const store = VaultStore.open(location.file)
  const service = serviceFor(store, kdfCost)
  let created: CreatedAccount | undefined
  let restored = 0
  try {
    const password = await chooseMasterPassword(context, email)
    context.out.notice('Creating the vault…')
    // All or nothing, as in the app: the items go in with the account, and no Secret Key is kept if they fail.
    created = await service.createAccount({ email, password }, () => {
      restored = service.transfer.restoreItems(payload.items)
    })
  } finally {
    service.lock()
    store.close()
    if (created === undefined) removeStoreFiles(location.file)
  }
  context.out.notice(`Restored ${restored} item(s) with their history.`)
  printCreated(context, created)
}

async function runDecrypt(context: CommandContext): Promise<void> {
  const [file] = positionals(context.parsed, ['FILE'])
  const path = outFilePath(context.parsed)
  const payload = await openBackup(context, file as string)
  await writeOutFile(context.parsed, path, `${JSON.stringify(payload, null, 2)}\n`)
  context.out.notice(`Wrote ${payload.items.length} item(s), in plain text, to ${path}. Delete it when you are done.`)
}

async function openBackup(context: CommandContext, file: string) {
  const path = resolve(file)
  if (!existsSync(path)) throw new CliError('FILE_NOT_FOUND', `Cannot read ${path}.`)
  // Refuses a file over the size limit before reading any of it.
  const { bytes } = await readSmallFile(path, MAX_BACKUP_BYTES, 'backup')
  const password = await context.inputs.masterPassword('Backup password: ')
  context.out.notice('Decrypting the backup…')
  await initCrypto()
  return readBackup(bytes, password)
}

/** As strong as a master password must be: the backup is meant to sit on disks and in clouds. */
async function chooseBackupPassword(context: CommandContext): Promise<string> {
  const password = await context.inputs.masterPassword('Choose a backup password: ')
  assertStrongMasterPassword(password, [])
  const repeated = await context.inputs.repeatNewPassword()
  if (repeated !== null && repeated !== password) {
    throw new CliError('PASSWORD_MISMATCH', 'The two passwords do not match; no backup was written.')
  }
  return password
}
