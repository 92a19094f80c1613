/**
 * The names of the IPC methods the renderer may call, and nothing else.
 * Dependency-free on purpose: it is the only shared module the sandboxed
 * preload bundles, so the preload stays a few lines of CommonJS.
 */
export const METHODS = [
  'getAppInfo',
  'checkSecretKey',
  'getStatus',
  'estimateStrength',
  'createAccount',
  'unlock',
  'lock',
  'noteActivity',
  'getSettings',
  'updateSettings',
  'listItems',
  'getFacets',
  'getItem',
  'revealField',
  'copyField',
  'getTotp',
  'copyTotp',
  'openUrl',
  'createItem',
  'updateItem',
  'trashItem',
  'restoreItem',
  'emptyTrash',
  'itemHistory',
  'restoreRevision',
  'generate',
  'copyGenerated',
  'getSyncStatus',
  'enableSync',
  'joinAccount',
  'syncNow',
  'listDevices',
  'revokeDevice',
  'disableSync',
  'dismissConflict',
  'recheckSync',
  'readSetupCode',
  'saveEmergencyKit',
  'verifyEmergencyKit',
  'getSecurityStatus',
  'changePassword',
  'changeSecretKey',
  'upgradeKdf',
  'getPasswordHealth',
  'exportItems',
  'saveBackup',
  'chooseImportFile',
  'remapImport',
  'applyImport',
  'chooseBackupFile',
  'openBackupFile',
  'restoreBackup',
  'forgetBackupFile',
] as const

export type Method = (typeof METHODS)[number]

/** Every method travels on its own channel, so main can register exactly these and no catch-all. */
export const CHANNEL_PREFIX = 'vault:'

export function channelOf(method: Method): `vault:${Method}` {
  return `${CHANNEL_PREFIX}${method}`
}

/** The one channel main uses to tell the window something happened (the vault locked, the clipboard was cleared). */
export const EVENT_CHANNEL = 'vault-event'

/** The name of the preload's event subscription function on window.vault, beside the methods. */
export const ON_EVENT = 'onEvent'

/** A plain list lookup, so inherited names such as 'toString' or '__proto__' are never methods. */
export function isMethod(value: unknown): value is Method {
  return typeof value === 'string' && (METHODS as readonly string[]).includes(value)
}
