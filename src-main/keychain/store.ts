/**
 * The Secret Key store over a keychain backend (keytar in the app, fakes in
 * tests). It adds what keytar lacks: input checks before the keychain is
 * touched, a timeout on every call, and plain errors that never carry the key.
 */
import { isVaultError, VaultError } from '../../src-shared/errors.ts'
import { formatSecretKey, isAccountId, parseSecretKey, zeroize } from '../crypto/index.ts'
import type { KeychainBackend } from './backend.ts'
import { KeychainTimeoutError, reasonFor, stillWaitingReason } from './reasons.ts'
import type { KeychainAvailability, SecretKeyStore, SecretKeyStoreOptions } from './types.ts'

export const DEFAULT_SERVICE = 'Vault Secret Key'
/**
 * libsecret may open an unlock prompt and wait for the user to type the
 * keyring password: long enough for that, short enough that a hung Secret
 * Service does not leave the unlock screen waiting for ever.
 */
export const DEFAULT_TIMEOUT_MS = 30_000
/** The largest delay setTimeout honours; anything above fires at once. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1
/** Not a valid account id, so the availability probe can never read a real entry. */
const PROBE_ACCOUNT = 'availability-probe'

type Operation<T> = (backend: KeychainBackend) => Promise<T>
export type Call = <T>(operation: Operation<T>, secret?: string) => Promise<T>

export function createSecretKeyStore(
  loadBackend: () => Promise<KeychainBackend>,
  options: SecretKeyStoreOptions = {},
): SecretKeyStore {
  const service = options.service ?? DEFAULT_SERVICE
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  assertOptions(service, timeoutMs)
  const call = createCaller(loadBackend, timeoutMs)

  return {
    availability: () => probe(call, service),
    async get(accountId) {
      assertAccountId(accountId)
      return call((backend) => backend.getPassword(service, accountId))
    },
    async set(accountId, secretKey) {
      assertAccountId(accountId)
      const printed = printedSecretKey(accountId, secretKey)
      await call((backend) => backend.setPassword(service, accountId, printed), printed)
    },
    async delete(accountId) {
      assertAccountId(accountId)
      return call((backend) => backend.deletePassword(service, accountId))
    },
  }
}

/** A lookup that finds nothing still proves the keychain answers; it reads no real entry and opens no prompt. */
async function probe(call: Call, service: string): Promise<KeychainAvailability> {
  try {
    await call((backend) => backend.getPassword(service, PROBE_ACCOUNT))
    return { available: true }
  } catch (error) {
    return { available: false, reason: isVaultError(error) ? error.message : reasonFor(error) }
  }
}

/**
 * Runs keychain calls raced against the timeout. A call that timed out still
 * holds one of libuv's few worker threads until libsecret returns, so later
 * calls fail at once until it does: a hung keychain must not take the whole
 * pool (and with it every file read of the main process).
 */
export function createCaller(loadBackend: () => Promise<KeychainBackend>, timeoutMs: number): Call {
  let waitingForHungCall = false

  return async function call<T>(operation: Operation<T>, secret?: string): Promise<T> {
    if (waitingForHungCall) throw unavailable(stillWaitingReason())
    // .then also turns a synchronous throw from keytar into a rejection.
    const pending = loadBackend().then(operation)
    try {
      return await raceTimeout(pending, timeoutMs)
    } catch (error) {
      if (error instanceof KeychainTimeoutError) {
        waitingForHungCall = true
        const release = () => {
          waitingForHungCall = false
        }
        pending.then(release, release)
      }
      throw unavailable(reasonFor(error, secret))
    }
  }
}

async function raceTimeout<T>(pending: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const expiry = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new KeychainTimeoutError(timeoutMs)), timeoutMs)
  })
  try {
    return await Promise.race([pending, expiry])
  } finally {
    clearTimeout(timer)
  }
}

/** No `cause`: the native error is already summarised (and redacted) in the message, and causes get logged. */
function unavailable(reason: string): VaultError {
  return new VaultError('KEYCHAIN_UNAVAILABLE', reason)
}

/**
 * Stores what formatSecretKey prints, whatever spacing or case the caller
 * passed, and refuses a key of another account: a wrong entry would surface
 * much later as "wrong password or Secret Key".
 */
function printedSecretKey(accountId: string, secretKey: string): string {
  if (typeof secretKey !== 'string') throw new TypeError('A Secret Key is a string.')
  // parseSecretKey's errors (SECRET_KEY_TYPO, UNSUPPORTED_VERSION) name positions, never the key.
  const parsed = parseSecretKey(secretKey)
  try {
    if (parsed.accountId !== accountId) {
      throw new VaultError('SECRET_KEY_WRONG_ACCOUNT', 'This Secret Key belongs to a different account.')
    }
    return formatSecretKey(parsed)
  } finally {
    zeroize(parsed.secret)
  }
}

/** A programming error, so not a VaultError; the value is not echoed, in case a secret was passed by mistake. */
export function assertAccountId(accountId: string): void {
  if (typeof accountId !== 'string' || !isAccountId(accountId)) {
    throw new RangeError('An account id is 6 characters from 23456789ABCDEFGHJKLMNPQRSTVWXYZ.')
  }
}

export function assertOptions(service: string, timeoutMs: number): void {
  if (typeof service !== 'string' || service.trim() === '') {
    throw new RangeError('The keychain service name must be a non-empty string.')
  }
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
    throw new RangeError(`The keychain timeout must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}.`)
  }
}
