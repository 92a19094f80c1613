/** The vault service's public surface, for the Electron IPC handlers and the command line. */

export type { SecurityFacts } from './account-security.ts'
export type { ChangeOutcome, ChangeRequest } from './credential-change.ts'
export type { CredentialChangeRequest, CredentialServer } from './credential-context.ts'
export type { CredentialChangeKind } from './credentials.ts'
export { defaultDataDir, VAULT_FILE_NAME, vaultFilePath } from './data-dir.ts'
export { accountFingerprint, historyCode } from './fingerprint.ts'
export type { ExportedItem, ItemWithHistory } from './item-export.ts'
export type { ImportCandidate, ImportPreview, ImportPreviewEntry, ImportStatus } from './item-import.ts'
export type { SecretKeyAvailability } from './secret-key-source.ts'
export { accountIdOfSecretKey, joiningLoginSecret } from './sync-login.ts'
export {
  type CreatedAccount,
  DEFAULT_AUTO_LOCK_MS,
  UNLOCK_MEASURES,
  type UnlockResult,
  VaultService,
  type VaultServiceOptions,
  type VaultStatus,
} from './vault-service.ts'
