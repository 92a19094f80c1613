/** Arguments for the sync RPCs with random, well-formed sealed values (base64, as on the wire). */
import { randomBytes, randomUUID } from 'node:crypto'

export function sealed(bytes = 64): string {
  return randomBytes(bytes).toString('base64')
}

/** A fresh account id in the Secret Key's alphabet (`^[0-9A-Z]{6}$`). */
export function accountId(): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
  return Array.from(randomBytes(6), (byte) => alphabet[byte % alphabet.length]).join('')
}

export function kdfRecord() {
  return { v: 1, alg: 'argon2id13', memlimitBytes: 67108864, opslimit: 3, salt: sealed(16) }
}

export function newAccount(id = accountId()) {
  return {
    p_account_id: id,
    p_kdf: kdfRecord(),
    p_keyset_revision: 1,
    p_sealed_keyset: sealed(),
    p_box_public_key: sealed(32),
    p_meta_revision: 1,
    p_sealed_meta: sealed(),
    p_expected_keyset_revision: null,
    p_expected_meta_revision: null,
  }
}

export function newVault(vaultId: string = randomUUID()) {
  return {
    p_vault_id: vaultId,
    p_expected_revision: null,
    p_revision: 1,
    p_sealed_key: sealed(),
    p_sealed_meta: sealed(),
  }
}

export function itemWrite(itemId: string, vaultId: string, expected: number | null, revision: number) {
  return {
    p_item_id: itemId,
    p_vault_id: vaultId,
    p_expected_revision: expected,
    p_revision: revision,
    p_sealed: sealed(),
    p_deleted: false,
  }
}
