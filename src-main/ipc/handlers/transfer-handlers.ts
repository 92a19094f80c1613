/**
 * Password health, plain export and the encrypted backup (issue 8), as the
 * CLI does them (src-main/cli/commands/): files are chosen in main's own
 * dialogs and written by main, so the window never holds an exported file.
 * Import, with its preview, is in import-handlers.ts.
 */
import { backupVault } from '../../backup/index.ts'
import { exportCsv, exportJson } from '../../import/index.ts'
import { assertStrongMasterPassword } from '../../items/index.ts'
import type { HandlersFor } from '../dispatcher.ts'
import type { HandlerDeps } from './deps.ts'

type TransferMethod = 'getPasswordHealth' | 'exportItems' | 'saveBackup'

export function transferHandlers(deps: HandlerDeps): HandlersFor<TransferMethod> {
  const { vault } = deps
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
      const bytes = await backupVault(vault, password)
      const savedAs = await deps.saveFile(`vault-backup-${today()}.vaultbak`, bytes)
      return savedAs === null ? { saved: false } : { saved: true, fileName: savedAs }
    },
  }
}

/** The local date, YYYY-MM-DD, for file names. */
function today(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
