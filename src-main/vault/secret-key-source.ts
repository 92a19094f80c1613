/**
 * Where the Secret Key comes from at unlock: the OS keychain, or what the
 * user typed when the keychain has none or none is available. It is never
 * written anywhere else.
 */
import { isVaultError, VaultError } from '../../src-shared/errors.ts'
import {
  formatSecretKey,
  generateAccountId,
  generateSecretKey,
  parseSecretKey,
  type SecretKey,
} from '../crypto/index.ts'
import type { SecretKeyStore } from '../keychain/index.ts'

export function newSecretKey(): SecretKey {
  return generateSecretKey(generateAccountId())
}

export async function resolveSecretKey(
  keychain: SecretKeyStore,
  accountId: string,
  typed: string | undefined,
): Promise<{ key: SecretKey; fromKeychain: boolean }> {
  if (typed !== undefined && typed.trim() !== '')
    return { key: forAccount(parseSecretKey(typed), accountId), fromKeychain: false }
  let stored: string | null
  try {
    stored = await keychain.get(accountId)
  } catch (error) {
    if (!isVaultError(error, 'KEYCHAIN_UNAVAILABLE')) throw error
    throw new VaultError(
      'SECRET_KEY_REQUIRED',
      `No OS keychain is available (${error.message}). Enter your Secret Key from your Emergency Kit.`,
    )
  }
  if (stored === null) {
    throw new VaultError(
      'SECRET_KEY_REQUIRED',
      `This device does not have the Secret Key for account ${accountId}. Enter it from your Emergency Kit.`,
    )
  }
  return { key: forAccount(parseSecretKey(stored), accountId), fromKeychain: true }
}

export interface SecretKeyAvailability {
  /** False: unlock needs the Secret Key typed in. */
  readonly inKeychain: boolean
  /** Why not, in words the lock screen can show. */
  readonly reason?: string
}

/** Looks for the Secret Key without reading it out: the lock screen decides whether to ask for it. */
export async function secretKeyAvailability(
  keychain: SecretKeyStore,
  accountId: string,
): Promise<SecretKeyAvailability> {
  try {
    const stored = await keychain.get(accountId)
    if (stored !== null) return { inKeychain: true }
    return { inKeychain: false, reason: `This device does not have the Secret Key for account ${accountId}.` }
  } catch (error) {
    if (!isVaultError(error, 'KEYCHAIN_UNAVAILABLE')) throw error
    return { inKeychain: false, reason: `No OS keychain is available (${error.message}).` }
  }
}

/** Best effort: a vault without a keychain still works, the user just types the Secret Key at unlock. */
export async function rememberSecretKey(
  keychain: SecretKeyStore,
  key: SecretKey,
): Promise<{ printed: string; outcome: { secretKeyInKeychain: boolean; keychainProblem?: string } }> {
  const printed = formatSecretKey(key)
  const availability = await keychain.availability()
  if (!availability.available)
    return { printed, outcome: { secretKeyInKeychain: false, keychainProblem: availability.reason } }
  try {
    await keychain.set(key.accountId, printed)
    return { printed, outcome: { secretKeyInKeychain: true } }
  } catch (error) {
    if (!isVaultError(error, 'KEYCHAIN_UNAVAILABLE')) throw error
    return { printed, outcome: { secretKeyInKeychain: false, keychainProblem: error.message } }
  }
}

function forAccount(key: SecretKey, accountId: string): SecretKey {
  if (key.accountId !== accountId) {
    throw new VaultError(
      'SECRET_KEY_WRONG_ACCOUNT',
      `This Secret Key belongs to account ${key.accountId}, not ${accountId}.`,
    )
  }
  return key
}
