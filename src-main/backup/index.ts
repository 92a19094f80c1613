/**
 * The encrypted backup file of issue 8: one self-describing file holding every
 * item with its history, sealed under a backup password through Argon2id.
 * Format: docs/backup-format.md. A codec only; no store or vault access.
 */
export {
  BACKUP_KDF_FALLBACK,
  type BackupInfo,
  inspectBackup,
  MAX_BACKUP_BYTES,
  type ReadBackupOptions,
  readBackup,
  type WriteBackupOptions,
  writeBackup,
} from './backup-file.ts'
export { BACKUP_FORMAT_VERSION, BACKUP_MAGIC } from './header.ts'
export type { BackupItem, BackupPayload, BackupRevision } from './payload.ts'
export { backupVault } from './vault-backup.ts'
