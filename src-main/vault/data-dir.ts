/**
 * Where the vault file lives: the same folder Electron's app.getPath('userData')
 * gives for an app named "Vault", so the desktop app and the command line
 * open the same vault. VAULT_DATA_DIR (or the CLI's --data-dir) overrides it.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_DIR_NAME = 'Vault'
export const VAULT_FILE_NAME = 'vault.sqlite3'

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.VAULT_DATA_DIR) return env.VAULT_DATA_DIR
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME)
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME)
}

export function vaultFilePath(dataDir: string): string {
  return join(dataDir, VAULT_FILE_NAME)
}
