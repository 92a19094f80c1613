/**
 * The Emergency Kit of the unlocked account, and "verify my kit": the Secret
 * Key (or whole setup code) from the paper is compared with the account's in
 * constant time, and only whether each part matches comes back.
 */
import { formatSecretKey, normalizeEmail, parseSecretKey, type SecretKey, secretKeysEqual } from '../crypto/index.ts'
import { type EmergencyKitInput, emergencyKitFileName, renderEmergencyKit } from './emergency-kit.ts'
import { parseSetupCode, SETUP_CODE_SCHEME, type SetupCodeServer } from './setup-code.ts'

export interface AccountKitFacts {
  readonly productName: string
  readonly accountId: string
  readonly email: string
  readonly secretKey: SecretKey
  /** The sync server, or null for a local-only vault. */
  readonly server: SetupCodeServer | null
  readonly now: number
}

export async function accountKit(facts: AccountKitFacts): Promise<{ fileName: string; pdf: Uint8Array }> {
  const input: EmergencyKitInput = {
    productName: facts.productName,
    createdAt: facts.now,
    server: facts.server,
    email: facts.email,
    accountId: facts.accountId,
    secretKey: formatSecretKey(facts.secretKey),
  }
  const pdf = await renderEmergencyKit(input)
  return { fileName: emergencyKitFileName(facts.productName, facts.accountId, facts.now), pdf }
}

export interface KitVerification {
  readonly secretKeyMatches: boolean
  /** null when only a Secret Key was entered. */
  readonly emailMatches: boolean | null
  readonly serverMatches: boolean | null
}

/** entry: a Secret Key as typed (SECRET_KEY_TYPO names a typo) or a setup code (SETUP_CODE_INVALID). */
export function verifyKit(entry: string, facts: Omit<AccountKitFacts, 'productName' | 'now'>): KitVerification {
  const trimmed = entry.trim()
  if (!trimmed.toLowerCase().startsWith(SETUP_CODE_SCHEME)) {
    return {
      secretKeyMatches: sameKey(parseSecretKey(trimmed), facts.secretKey),
      emailMatches: null,
      serverMatches: null,
    }
  }
  const code = parseSetupCode(trimmed)
  return {
    secretKeyMatches: sameKey(parseSecretKey(code.secretKey), facts.secretKey),
    emailMatches: normalizeEmail(code.email) === normalizeEmail(facts.email),
    serverMatches:
      code.server === null || facts.server === null
        ? code.server === facts.server
        : code.server.url === facts.server.url && code.server.anonKey === facts.server.anonKey,
  }
}

function sameKey(typed: SecretKey, stored: SecretKey): boolean {
  try {
    return secretKeysEqual(typed, stored)
  } finally {
    typed.secret.fill(0)
  }
}
