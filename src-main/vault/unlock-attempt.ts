/**
 * Opening the account when more than one record may be the right one: the
 * current record, a change of secrets still in flight on this device, and a
 * newer record from the sync server (a change made on another device).
 *
 * Argon2id runs once per distinct KDF record (almost always once: changing
 * the password or Secret Key keeps the salt and cost), and each record is
 * then tried with each candidate Secret Key at the cost of a few hashes.
 */
import { isVaultError, VaultError } from '../../src-shared/errors.ts'
import {
  type Argon2Worker,
  combineAccountSecrets,
  derivePasswordKey,
  kdfParamsFromRecord,
  type PasswordKey,
  type SecretKey,
  zeroize,
} from '../crypto/index.ts'
import type { AccountRecord, VaultRecord } from '../store/index.ts'
import { type OpenedAccount, openAccountWith } from './account.ts'

export type CandidateSource = 'remote' | 'pending' | 'current'

export interface UnlockCandidate {
  readonly source: CandidateSource
  readonly record: AccountRecord
}

export interface AttemptInput {
  /** In order of preference: the first that opens wins. */
  readonly candidates: readonly UnlockCandidate[]
  readonly vaults: readonly VaultRecord[]
  readonly password: string
  readonly secretKeys: readonly SecretKey[]
  /** The current record's Argon2id run, started early (startDerivation) so it overlaps other work. */
  readonly current: Derivation
}

/** An Argon2id run under way for one KDF record. */
export interface Derivation {
  readonly kdf: string
  readonly key: Promise<PasswordKey>
  readonly startedAt: number
}

/**
 * Starts Argon2id for a KDF record at once (checking floor and ceiling
 * first, synchronously). Its failure is reported when the key is awaited.
 */
export function startDerivation(password: string, kdf: string, worker?: Argon2Worker): Derivation {
  const startedAt = performance.now()
  let params: ReturnType<typeof kdfParamsFromRecord>
  try {
    params = kdfParamsFromRecord(JSON.parse(kdf))
  } catch (error) {
    void worker?.terminate()
    throw error
  }
  const key = derivePasswordKey(password, params, worker)
  key.catch(() => undefined)
  return { kdf, key, startedAt }
}

/** For a derivation nobody will consume (unlock failed before it): wipe the key when it arrives. */
export function discardDerivation(derivation: Derivation): void {
  derivation.key.then(
    (key) => zeroize(key),
    () => undefined,
  )
}

export interface AttemptResult {
  readonly opened: OpenedAccount
  readonly source: CandidateSource
  readonly secretKey: SecretKey
  /** Milliseconds the first Argon2id run took: the measure for offering a stronger cost. */
  readonly deriveMs: number
}

/** WRONG_PASSWORD_OR_SECRET_KEY when nothing opens; other errors (a bad KDF record, a damaged file) as they are. */
export async function openFirstCandidate(input: AttemptInput): Promise<AttemptResult> {
  let deriveMs: number | null = null
  let failure: unknown = new VaultError(
    'WRONG_PASSWORD_OR_SECRET_KEY',
    'The master password or the Secret Key is wrong.',
  )
  for (const [kdfText, group] of groupByKdf(input.candidates)) {
    const derivation = kdfText === input.current.kdf ? input.current : startDerivation(input.password, kdfText)
    const passwordKey = await derivation.key
    deriveMs ??= performance.now() - derivation.startedAt
    try {
      for (const candidate of group) {
        for (const secretKey of input.secretKeys) {
          try {
            const secrets = combineAccountSecrets(passwordKey, secretKey)
            const opened = openAccountWith(candidate.record, input.vaults, secrets)
            return { opened, source: candidate.source, secretKey, deriveMs }
          } catch (error) {
            // A record from the server or the journal that does not open, whatever the reason, is
            // just not the one: a server must not be able to stop the local copy opening.
            if (candidate.source === 'current' && !isVaultError(error, 'WRONG_PASSWORD_OR_SECRET_KEY')) throw error
            if (candidate.source === 'current') failure = error
          }
        }
      }
    } finally {
      zeroize(passwordKey)
    }
  }
  throw failure
}

/**
 * Candidates sharing a KDF record share one Argon2id run. The current
 * record's group goes first (its cost is the one this device has measured);
 * within a group the candidates keep their order.
 */
function groupByKdf(candidates: readonly UnlockCandidate[]): Map<string, UnlockCandidate[]> {
  const groups = new Map<string, UnlockCandidate[]>()
  const current = candidates.find((candidate) => candidate.source === 'current')
  if (current !== undefined) groups.set(current.record.kdf, [])
  for (const candidate of candidates) {
    const group = groups.get(candidate.record.kdf)
    if (group === undefined) groups.set(candidate.record.kdf, [candidate])
    else group.push(candidate)
  }
  return groups
}
