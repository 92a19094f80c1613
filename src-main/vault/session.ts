/**
 * An unlocked vault: the keys and the in-memory item list, and nothing else.
 * lock() zeroizes every key and drops the list; any later use of the session
 * fails with VAULT_LOCKED.
 */
import { VaultError } from '../../src-shared/errors.ts'
import { type Keyset, type SecretKey, type VaultKey, zeroize, zeroizeKeyset } from '../crypto/index.ts'
import { StrengthScores } from '../health/strength-scores.ts'
import type { AccountMeta } from './account.ts'
import { ItemIndex } from './item-index.ts'

export class UnlockedSession {
  readonly accountId: string
  readonly index = new ItemIndex()
  /** Password strength scores of this session's health reports (health/strength-scores.ts), forgotten at lock. */
  readonly strengthScores = new StrengthScores()
  readonly #keyset: Keyset
  readonly #vaultKeys: Map<string, VaultKey>
  #meta: AccountMeta
  /** The Secret Key that opened this session: for the Emergency Kit and "verify my kit", wiped at lock. */
  #secretKey: SecretKey | null
  #locked = false

  constructor(
    accountId: string,
    keyset: Keyset,
    vaultKeys: Map<string, VaultKey>,
    meta: AccountMeta,
    secretKey: SecretKey | null = null,
  ) {
    this.accountId = accountId
    this.#keyset = keyset
    this.#vaultKeys = vaultKeys
    this.#meta = meta
    this.#secretKey = secretKey
  }

  get meta(): AccountMeta {
    this.#assertOpen()
    return this.#meta
  }

  get keyset(): Keyset {
    this.#assertOpen()
    return this.#keyset
  }

  get secretKey(): SecretKey {
    this.#assertOpen()
    if (this.#secretKey === null) throw new VaultError('SECRET_KEY_REQUIRED', 'This session has no Secret Key.')
    return this.#secretKey
  }

  /** After a change of secrets: the new meta, and the new Secret Key when it changed (the old one is wiped). */
  updateCredentials(meta: AccountMeta, secretKey: SecretKey): void {
    this.#assertOpen()
    this.#meta = meta
    if (this.#secretKey !== null && this.#secretKey.secret !== secretKey.secret) zeroize(this.#secretKey.secret)
    this.#secretKey = secretKey
  }

  get locked(): boolean {
    return this.#locked
  }

  get email(): string {
    this.#assertOpen()
    return this.#meta.email
  }

  /** The vault new items go to: for now, each account has one. */
  get defaultVaultId(): string {
    this.#assertOpen()
    const first = this.#vaultKeys.keys().next()
    if (first.done === true) throw new VaultError('STORE_CORRUPT', 'The account has no vault.')
    return first.value
  }

  vaultKey(vaultId: string): VaultKey {
    this.#assertOpen()
    const key = this.#vaultKeys.get(vaultId)
    if (key === undefined)
      throw new VaultError('DECRYPTION_FAILED', 'An item belongs to a vault this account cannot open.')
    return key
  }

  lock(): void {
    if (this.#locked) return
    this.#locked = true
    zeroizeKeyset(this.#keyset)
    if (this.#secretKey !== null) zeroize(this.#secretKey.secret)
    this.#secretKey = null
    for (const key of this.#vaultKeys.values()) zeroize(key)
    this.#vaultKeys.clear()
    this.index.clear()
    this.strengthScores.clear()
  }

  #assertOpen(): void {
    if (this.#locked) throw new VaultError('VAULT_LOCKED', 'The vault is locked.')
  }
}
