/** `vault status`: where the vault is and whether this device can unlock it, without unlocking it. */
import { existsSync } from 'node:fs'
import { isVaultError } from '../../../src-shared/errors.ts'
import { initCrypto } from '../../crypto/index.ts'
import { createOsKeychain } from '../../keychain/index.ts'
import { accountFingerprint } from '../../vault/index.ts'
import { flag, positionals } from '../args.ts'
import { type Command, type CommandContext, GLOBAL_HELP, JSON_OPTION } from '../command.ts'
import { openExistingStore } from '../session.ts'

interface StatusReport {
  readonly dataDir: string
  readonly vaultFile: string
  readonly state: 'no-account' | 'locked'
  readonly accountId?: string
  /** The account fingerprint every machine of the account shows (Settings → Security). */
  readonly fingerprint?: string
  /** null when the keychain could not be asked. */
  readonly secretKeyInKeychain?: boolean | null
  readonly keychainProblem?: string
}

export const status: Command = {
  name: 'status',
  summary: 'show where the vault is and whether this device has its Secret Key',
  options: { ...JSON_OPTION },
  help: `Usage: vault status [--json]

Shows the vault file, its account id and fingerprint (the same on every machine of the account:
compare it with Settings → Security on another machine), and whether the OS keychain holds the
Secret Key. Needs no
password: every other command unlocks the vault for itself and locks it again when it is done.
Exits 0 even when there is no vault yet (state "no-account").

${GLOBAL_HELP}`,
  run,
}

async function run({ parsed, location, out }: CommandContext): Promise<void> {
  positionals(parsed, [])
  const report = await statusReport(location.dataDir, location.file)
  if (flag(parsed, 'json')) return out.json(report)
  out.line(`Vault file:  ${report.vaultFile}`)
  if (report.state === 'no-account') {
    out.line('State:       no vault yet (create one with `vault create --email …`)')
    return
  }
  out.line('State:       locked (each command unlocks it and locks it again)')
  out.line(`Account:     ${report.accountId}`)
  out.line(`Fingerprint: ${report.fingerprint}`)
  out.line(`Secret Key:  ${secretKeyLine(report)}`)
}

async function statusReport(dataDir: string, vaultFile: string): Promise<StatusReport> {
  if (!existsSync(vaultFile)) return { dataDir, vaultFile, state: 'no-account' }
  await initCrypto()
  const store = openExistingStore({ dataDir, file: vaultFile })
  let accountId: string
  let fingerprint: string
  try {
    const account = store.getAccount()
    if (account === null) return { dataDir, vaultFile, state: 'no-account' }
    accountId = account.accountId
    fingerprint = accountFingerprint(account.accountId, account.boxPublicKey)
  } finally {
    store.close()
  }
  return { dataDir, vaultFile, state: 'locked', accountId, fingerprint, ...(await keychainFacts(accountId)) }
}

async function keychainFacts(
  accountId: string,
): Promise<Pick<StatusReport, 'secretKeyInKeychain' | 'keychainProblem'>> {
  try {
    return { secretKeyInKeychain: (await createOsKeychain().get(accountId)) !== null }
  } catch (error) {
    if (!isVaultError(error, 'KEYCHAIN_UNAVAILABLE')) throw error
    return { secretKeyInKeychain: null, keychainProblem: error.message }
  }
}

function secretKeyLine(report: StatusReport): string {
  if (report.secretKeyInKeychain === true) return 'in the OS keychain'
  if (report.secretKeyInKeychain === false) return 'not on this device (unlocking will ask for it)'
  return `no OS keychain (${report.keychainProblem ?? 'unavailable'}); unlocking will ask for it`
}
