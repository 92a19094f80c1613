/**
 * The store's own logic over fake backends: input checks before any keychain
 * call, the timeout, the guard against piling calls onto a hung keychain, and
 * errors that never carry the key. Runs anywhere, without a keychain.
 */
import { describe, expect, it } from 'vitest'
import {
  type AccountId,
  formatSecretKey,
  generateAccountId,
  generateSecretKey,
} from '../../../src-main/crypto/index.ts'
import { type KeychainBackend, KeychainLoadError } from '../../../src-main/keychain/backend.ts'
import { createSecretKeyStore } from '../../../src-main/keychain/store.ts'
import type { SecretKeyStore } from '../../../src-main/keychain/types.ts'
import { expectCodeAsync } from '../support/expect-code.ts'

interface Fake {
  readonly store: SecretKeyStore
  /** Every backend call and every attempt to load the backend, in order. */
  readonly calls: string[]
}

/** A store over an in-memory backend; `overrides` replace single methods. */
function fakeStore(overrides: Partial<KeychainBackend> = {}, timeoutMs = 1_000): Fake {
  const calls: string[] = []
  const entries = new Map<string, string>()
  const backend: KeychainBackend = {
    getPassword: async (service, account) => entries.get(`${service}\0${account}`) ?? null,
    setPassword: async (service, account, password) => {
      entries.set(`${service}\0${account}`, password)
    },
    deletePassword: async (service, account) => entries.delete(`${service}\0${account}`),
    ...overrides,
  }
  const record = <T>(name: string, result: () => T): T => {
    calls.push(name)
    return result()
  }
  const recorded: KeychainBackend = {
    getPassword: (...args) => record('getPassword', () => backend.getPassword(...args)),
    setPassword: (...args) => record('setPassword', () => backend.setPassword(...args)),
    deletePassword: (...args) => record('deletePassword', () => backend.deletePassword(...args)),
  }
  const load = async () => record('load', () => recorded)
  return { store: createSecretKeyStore(load, { timeoutMs }), calls }
}

function freshAccount(): { accountId: AccountId; secretKey: string } {
  const accountId = generateAccountId()
  return { accountId, secretKey: formatSecretKey(generateSecretKey(accountId)) }
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => {}
  const promise = new Promise<T>((settle) => {
    resolve = settle
  })
  return { promise, resolve }
}

describe('SecretKeyStore: input checks', () => {
  const { secretKey } = freshAccount()
  const invalidIds = ['abc234', 'ABC23', 'ABC2345', 'ABC23O', 'ABC231', 'ABC23I', 'ABC23U', '', ' ABC23', secretKey]

  it.each(invalidIds)('rejects the account id %j before loading or calling the keychain', async (accountId) => {
    const { store, calls } = fakeStore()
    for (const attempt of [store.get(accountId), store.set(accountId, secretKey), store.delete(accountId)]) {
      const error = await attempt.then(
        () => undefined,
        (rejection: unknown) => rejection,
      )
      expect(error).toBeInstanceOf(RangeError)
      // The value is never echoed: it might be a secret passed in the wrong argument.
      expect((error as Error).message).not.toContain(secretKey)
    }
    expect(calls).toEqual([])
  })

  it('rejects a mistyped key or one of another account before calling the keychain, never echoing it', async () => {
    const { store, calls } = fakeStore()
    const { accountId, secretKey: key } = freshAccount()
    const mistyped = key.slice(0, -1) + (key.endsWith('2') ? '3' : '2')
    const typo = await expectCodeAsync(store.set(accountId, mistyped), 'SECRET_KEY_TYPO')
    expect(typo.message).not.toContain(mistyped)
    const other = await expectCodeAsync(store.set(generateAccountId(), key), 'SECRET_KEY_WRONG_ACCOUNT')
    expect(other.message).not.toContain(key)
    expect(calls).toEqual([])
  })

  it('stores the printed form of a key typed in lower case with spaces', async () => {
    const { store } = fakeStore()
    const { accountId, secretKey: key } = freshAccount()
    await store.set(accountId, ` ${key.toLowerCase().replaceAll('-', ' ')} `)
    expect(await store.get(accountId)).toBe(key)
  })

  it('refuses a blank service name or an unusable timeout', () => {
    const load = async (): Promise<KeychainBackend> => {
      throw new Error('not called')
    }
    expect(() => createSecretKeyStore(load, { service: ' ' })).toThrow(RangeError)
    for (const timeoutMs of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31]) {
      expect(() => createSecretKeyStore(load, { timeoutMs })).toThrow(RangeError)
    }
  })
})

describe('SecretKeyStore: timeouts', () => {
  it('turns a call that does not answer into KEYCHAIN_UNAVAILABLE within the timeout', async () => {
    const hung = deferred<string | null>()
    const { store } = fakeStore({ getPassword: () => hung.promise }, 50)
    const started = performance.now()
    const error = await expectCodeAsync(store.get(generateAccountId()), 'KEYCHAIN_UNAVAILABLE')
    expect(performance.now() - started).toBeLessThan(1_000)
    expect(error.message).toMatch(/did not answer within 0\.1 s.*locked/)
    hung.resolve(null)
  })

  it('fails at once, without a new keychain call, while a timed-out call is still hanging', async () => {
    const hung = deferred<string | null>()
    const { store, calls } = fakeStore({ getPassword: () => hung.promise }, 50)
    await expectCodeAsync(store.get(generateAccountId()), 'KEYCHAIN_UNAVAILABLE')
    const callsAfterTimeout = calls.length

    const waiting = await expectCodeAsync(store.delete(generateAccountId()), 'KEYCHAIN_UNAVAILABLE')
    expect(waiting.message).toMatch(/not yet answered an earlier request/)
    expect(await store.availability()).toEqual({ available: false, reason: waiting.message })
    expect(calls).toHaveLength(callsAfterTimeout)

    hung.resolve(null)
    await new Promise((settled) => setTimeout(settled, 0))
    expect(await store.delete(generateAccountId())).toBe(false)
  })

  it('reports a timed-out probe as unavailable rather than throwing', async () => {
    const { store } = fakeStore({ getPassword: () => new Promise(() => {}) }, 20)
    expect(await store.availability()).toEqual({
      available: false,
      reason: expect.stringMatching(/did not answer/),
    })
  })
})

describe('SecretKeyStore: failures', () => {
  it('is unavailable, with the loader message and what to install, when keytar cannot be loaded', async () => {
    const load = async (): Promise<KeychainBackend> => {
      throw new KeychainLoadError('libsecret-1.so.0: cannot open shared object file')
    }
    const store = createSecretKeyStore(load)
    const availability = await store.availability()
    expect(availability).toEqual({ available: false, reason: expect.stringContaining('libsecret-1.so.0') })
    await expectCodeAsync(store.get(generateAccountId()), 'KEYCHAIN_UNAVAILABLE')
  })

  it('never throws from availability(), whatever the loader throws', async () => {
    const store = createSecretKeyStore(() => Promise.reject('not even an Error'))
    expect(await store.availability()).toEqual({ available: false, reason: expect.any(String) })
  })

  it('cuts the key out of a native error message before quoting it', async () => {
    const { store } = fakeStore({
      setPassword: async (_service, _account, password) => {
        throw new Error(`Could not store ${password} in collection`)
      },
    })
    const { accountId, secretKey } = freshAccount()
    const error = await expectCodeAsync(store.set(accountId, secretKey), 'KEYCHAIN_UNAVAILABLE')
    expect(error.message).not.toContain(secretKey)
    expect(error.message).not.toContain(secretKey.replaceAll('-', ''))
    expect(error.message).toContain('[redacted]')
    expect(error.cause).toBeUndefined()
  })

  it('turns a synchronous throw from keytar into KEYCHAIN_UNAVAILABLE', async () => {
    const { store } = fakeStore({
      deletePassword: () => {
        throw new Error('Account is required.')
      },
    })
    await expectCodeAsync(store.delete(generateAccountId()), 'KEYCHAIN_UNAVAILABLE')
  })
})
