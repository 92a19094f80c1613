/**
 * The sync server's login secret (the AuthSecret of two-secret derivation,
 * in hex): for this device's account after checking the master password, or
 * for a device that is joining and has only the server's KDF record.
 */
import { VaultError } from '../../src-shared/errors.ts'
import { initCrypto, parseSecretKey } from '../crypto/index.ts'
import type { SecretKeyStore } from '../keychain/index.ts'
import type { VaultStore } from '../store/index.ts'
import { deriveLoginSecret, openAccount } from './account.ts'
import { resolveSecretKey } from './secret-key-source.ts'
import { UnlockedSession } from './session.ts'

export async function syncLoginSecret(
  store: VaultStore,
  keychain: SecretKeyStore,
  input: { password: string; secretKey?: string },
): Promise<string> {
  const account = store.getAccount()
  if (account === null) throw new VaultError('NO_ACCOUNT', 'There is no vault here yet; create an account first.')
  await initCrypto()
  const resolved = await resolveSecretKey(keychain, account.accountId, input.secretKey)
  const opened = await openAccount({
    account,
    vaults: store.listVaults(),
    password: input.password,
    secretKey: resolved.key,
    wantLoginSecret: true,
  })
  // Only the login secret was wanted: the keys opened to check the password are dropped at once.
  new UnlockedSession(account.accountId, opened.keyset, opened.vaultKeys, opened.meta).lock()
  if (opened.loginSecret === undefined) throw new Error('openAccount returned no login secret')
  return opened.loginSecret
}

export async function joiningLoginSecret(input: {
  readonly kdf: string
  readonly password: string
  readonly secretKey: string
}): Promise<{ accountId: string; loginSecret: string }> {
  await initCrypto()
  const key = parseSecretKey(input.secretKey)
  try {
    const { accountId } = key
    return {
      accountId,
      loginSecret: await deriveLoginSecret({ accountId, kdf: input.kdf, password: input.password, secretKey: key }),
    }
  } finally {
    key.secret.fill(0)
  }
}

/** The account id a typed Secret Key belongs to (SECRET_KEY_TYPO and friends when it is mistyped). */
export async function accountIdOfSecretKey(typed: string): Promise<string> {
  await initCrypto()
  const key = parseSecretKey(typed)
  key.secret.fill(0)
  return key.accountId
}
