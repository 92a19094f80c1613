/**
 * Password health, import with a preview, plain export and the encrypted
 * backup (issue 8), as the CLI does them (src-main/cli/commands/): files are
 * chosen in main's own dialogs and read or written by main, so the window
 * never holds an exported file or a parsed import.
 */
import { randomBytes } from 'node:crypto'
import { VaultError } from '../../../src-shared/errors.ts'
import { writeBackup } from '../../backup/index.ts'
import { detectFormat, exportCsv, exportJson, MAX_IMPORT_BYTES, parseImport } from '../../import/index.ts'
import { assertStrongMasterPassword } from '../../items/index.ts'
import type { ImportCandidate } from '../../vault/index.ts'
import type { HandlersFor } from '../dispatcher.ts'
import type { HandlerDeps } from './deps.ts'

type TransferMethod = 'getPasswordHealth' | 'exportItems' | 'saveBackup' | 'chooseImportFile' | 'applyImport'

/** The file chooseImportFile read last, until it is imported, another is chosen, or the vault locks. */
interface PendingImport {
  readonly token: string
  readonly candidates: readonly ImportCandidate[]
}

export function transferHandlers(deps: HandlerDeps): HandlersFor<TransferMethod> {
  const { vault } = deps
  let pending: PendingImport | null = null
  vault.onLock(() => {
    pending = null
  })
  const encoder = new TextEncoder()
  return {
    getPasswordHealth: () => vault.passwordHealth(),
    exportItems: async ({ format }) => {
      const items = vault.transfer.exportItems()
      const text = format === 'json' ? exportJson(items, Date.now()) : exportCsv(items)
      const savedAs = await deps.saveFile(`vault-export-${today()}.${format}`, encoder.encode(text))
      return savedAs === null ? { saved: false } : { saved: true, fileName: savedAs }
    },
    saveBackup: async ({ password }) => {
      assertStrongMasterPassword(password, [])
      const payload = { createdAt: Date.now(), app: 'vault', items: vault.transfer.itemsWithHistory() }
      const bytes = await writeBackup(payload, password, { kdf: vault.security.facts().kdf })
      const savedAs = await deps.saveFile(`vault-backup-${today()}.vaultbak`, bytes)
      return savedAs === null ? { saved: false } : { saved: true, fileName: savedAs }
    },
    chooseImportFile: async ({ format: given }) => {
      // Locked? Say so before the dialog, not after the user picked a file.
      if (vault.status().state !== 'unlocked') throw new VaultError('VAULT_LOCKED', 'The vault is locked.')
      const file = await deps.openFile(MAX_IMPORT_BYTES)
      if (file === null) return { chosen: false }
      const format = given ?? detectFormat(file.name, file.bytes)
      if (format === null) {
        throw new VaultError(
          'IMPORT_UNSUPPORTED',
          `Cannot tell which format "${file.name}" is in; choose it in the list and try again.`,
        )
      }
      const parsed = parseImport({ fileName: file.name, bytes: file.bytes, format })
      const candidates = parsed.items.map(({ draft, source }) => ({ draft, source }))
      const preview = vault.transfer.previewImport(candidates)
      const token = randomBytes(16).toString('hex')
      pending = { token, candidates }
      return { chosen: true, token, fileName: file.name, format, skipped: parsed.skipped.length, preview }
    },
    applyImport: ({ token }) => {
      const chosen = pending
      if (chosen === null || chosen.token !== token) {
        throw new VaultError('IMPORT_INVALID', 'That file is no longer open for import; choose it again.')
      }
      const added = vault.transfer.applyImport(chosen.candidates)
      pending = null
      return { added }
    },
  }
}

/** The local date, YYYY-MM-DD, for file names. */
function today(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
