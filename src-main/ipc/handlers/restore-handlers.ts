/**
 * Restoring an encrypted backup into a new vault from the first-run screen,
 * as `vault restore-backup` does (src-main/cli/commands/backup.ts): main's
 * open dialog picks the file, main reads and decrypts it and keeps its items,
 * and the window only ever holds a file name, a token, a count and a date.
 *
 * One backup is pending at a time. It is dropped when the restore succeeds,
 * when another file is chosen (a cancelled dialog keeps the current one), or
 * when the window says the user went back (forgetBackupFile).
 */
import { randomBytes } from 'node:crypto'
import { VaultError } from '../../../src-shared/errors.ts'
import { type BackupPayload, inspectBackup, MAX_BACKUP_BYTES, readBackup } from '../../backup/index.ts'
import { initCrypto } from '../../crypto/index.ts'
import type { VaultService } from '../../vault/index.ts'
import type { HandlersFor } from '../dispatcher.ts'
import type { HandlerDeps } from './deps.ts'

type RestoreMethod = 'chooseBackupFile' | 'openBackupFile' | 'restoreBackup' | 'forgetBackupFile'

/** The chosen file's bytes until its password opens it; then its items, and the bytes are let go. */
type PendingBackup =
  | { readonly token: string; readonly state: 'chosen'; readonly bytes: Uint8Array }
  | { readonly token: string; readonly state: 'opened'; readonly payload: BackupPayload }

export function restoreHandlers(deps: HandlerDeps): HandlersFor<RestoreMethod> {
  const { vault } = deps
  let pending: PendingBackup | null = null
  const pendingFor = (token: string): PendingBackup => {
    if (pending === null || pending.token !== token) {
      throw new VaultError('BACKUP_INVALID', 'That backup is no longer chosen; choose the file again.')
    }
    return pending
  }
  return {
    chooseBackupFile: async () => {
      // A vault here already? Say so before the dialog, not after the user picked a file.
      assertNoVault(vault)
      const file = await deps.openFile(MAX_BACKUP_BYTES, 'backup')
      if (file === null) return { chosen: false }
      // The plaintext header only: refuses a file that is not a backup before any password is typed.
      const { createdAt } = inspectBackup(file.bytes)
      const token = randomBytes(16).toString('hex')
      pending = { token, state: 'chosen', bytes: file.bytes }
      return { chosen: true, token, fileName: file.name, createdAt }
    },
    openBackupFile: async ({ token, password }) => {
      assertNoVault(vault)
      const chosen = pendingFor(token)
      if (chosen.state === 'opened') return summaryOf(chosen.payload)
      await initCrypto()
      const payload = await readBackup(chosen.bytes, password)
      // Another file may have been chosen while Argon2id ran: its token no longer names this one.
      if (pending !== chosen) throw new VaultError('BACKUP_INVALID', 'Another backup was chosen meanwhile.')
      pending = { token, state: 'opened', payload }
      return summaryOf(payload)
    },
    restoreBackup: async ({ token, email, password }) => {
      const opened = pendingFor(token)
      if (opened.state !== 'opened') {
        throw new VaultError('BACKUP_INVALID', 'Open the backup with its backup password first.')
      }
      let restored = 0
      // All or nothing: createAccount runs the restore in the transaction that writes the account.
      const created = await vault.createAccount({ email, password }, () => {
        restored = vault.transfer.restoreItems(opened.payload.items)
      })
      if (pending === opened) pending = null
      return { ...created, restored }
    },
    forgetBackupFile: () => {
      pending = null
      return null
    },
  }
}

function assertNoVault(vault: VaultService): void {
  if (vault.status().state !== 'no-account') {
    throw new VaultError(
      'ACCOUNT_EXISTS',
      'There is already a vault here; a backup can only be restored into a new one.',
    )
  }
}

function summaryOf(payload: BackupPayload): { itemCount: number; createdAt: number } {
  return { itemCount: payload.items.length, createdAt: payload.createdAt }
}
