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
  readonly worker?: Argon2Worker
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
    // The warmed worker was sized for the current record's memory; another KDF record gets its own.
    const worker = group.some((candidate) => candidate.source === 'current') ? input.worker : undefined
    const started = performance.now()
    const passwordKey = await derivePasswordKey(input.password, kdfParamsFromRecord(JSON.parse(kdfText)), worker)
    deriveMs ??= performance.now() - started
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
