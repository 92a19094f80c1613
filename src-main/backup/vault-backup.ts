/**
 * An encrypted backup of the unlocked vault, as the app and `vault backup`
 * both make it: every item with its history, at the account's own KDF cost.
 * The caller has already checked the backup password's strength (each asks
 * for it its own way).
 */
import type { VaultService } from '../vault/index.ts'
import { writeBackup } from './backup-file.ts'

/** Written into the payload's `app` field, for the record. */
const WRITER = 'vault'

export function backupVault(vault: Pick<VaultService, 'transfer' | 'security'>, password: string): Promise<Uint8Array> {
  const payload = { createdAt: Date.now(), app: WRITER, items: vault.transfer.itemsWithHistory() }
  return writeBackup(payload, password, { kdf: vault.security.facts().kdf })
}
