import { afterEach, describe, expect, it, vi } from 'vitest'
import { createIpcDispatcher, type IpcHandlers, type IpcSender } from '../../../src-main/ipc/dispatcher.ts'
import { VaultError } from '../../../src-shared/errors.ts'

const TRUSTED: IpcSender = { origin: 'app://vault', isTopFrame: true }
const SECRET = 'K1-SECRET-DO-NOT-ECHO'

const APP_INFO = {
  name: 'Vault',
  version: '1.2.3',
  cryptoFormatVersion: 1,
  kdfFloor: { memlimitBytes: 64 * 1024 * 1024, opslimit: 3 },
}

function fakeHandlers(overrides: Partial<Record<keyof IpcHandlers, () => unknown>> = {}): IpcHandlers {
  return {
    getAppInfo: vi.fn(() => APP_INFO),
    checkSecretKey: vi.fn(() => ({ accountId: 'ABC234' })),
    ...overrides,
  } as IpcHandlers
}

function setup(handlers = fakeHandlers()) {
  const onUnexpectedError = vi.fn()
  const dispatcher = createIpcDispatcher(handlers, { trustedOrigins: ['app://vault'], onUnexpectedError })
  return { dispatcher, handlers, onUnexpectedError }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('createIpcDispatcher', () => {
  it('answers a trusted top frame with the handler result', async () => {
    const { dispatcher } = setup()
    expect(await dispatcher.dispatch('getAppInfo', undefined, TRUSTED)).toEqual({ ok: true, data: APP_INFO })
    expect(await dispatcher.dispatch('checkSecretKey', { secretKey: 'x' }, TRUSTED)).toEqual({
      ok: true,
      data: { accountId: 'ABC234' },
    })
  })

  it.each([
    ['an untrusted origin', { origin: 'https://evil.example', isTopFrame: true }],
    ['a look-alike origin', { origin: 'app://vault.evil', isTopFrame: true }],
    ['an opaque origin', { origin: 'null', isTopFrame: true }],
    ['a destroyed frame', { origin: '', isTopFrame: false }],
    ['a trusted origin in a subframe', { origin: 'app://vault', isTopFrame: false }],
  ])('refuses %s before looking at anything else', async (_label, sender) => {
    const { dispatcher, handlers } = setup()
    const result = await dispatcher.dispatch('no-such-method', { secretKey: SECRET }, sender)
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
    expect(handlers.getAppInfo).not.toHaveBeenCalled()
  })

  it.each(['exportAllKeys', 'toString', '__proto__', 'constructor', 'hasOwnProperty', ''])(
    'refuses the unknown method %j',
    async (method) => {
      const { dispatcher } = setup()
      const result = await dispatcher.dispatch(method, undefined, TRUSTED)
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    },
  )

  it.each([
    ['a missing body', 'checkSecretKey', undefined],
    ['a wrong type', 'checkSecretKey', { secretKey: 42 }],
    ['an extra field', 'checkSecretKey', { secretKey: SECRET, password: SECRET }],
    ['an overlong key', 'checkSecretKey', { secretKey: SECRET.repeat(20) }],
    ['a body where none is taken', 'getAppInfo', { secretKey: SECRET }],
  ])('rejects %s as INVALID_REQUEST without echoing it', async (_label, method, payload) => {
    const { dispatcher, handlers } = setup()
    const result = await dispatcher.dispatch(method, payload, TRUSTED)
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
    expect(JSON.stringify(result)).not.toContain('SECRET')
    expect(JSON.stringify(result)).not.toContain('42')
    expect(handlers.checkSecretKey).not.toHaveBeenCalled()
  })

  it('passes a VaultError through as its code and message', async () => {
    const typo = new VaultError('SECRET_KEY_TYPO', 'A Secret Key starts with K1.')
    const { dispatcher } = setup(fakeHandlers({ checkSecretKey: () => Promise.reject(typo) }))
    const result = await dispatcher.dispatch('checkSecretKey', { secretKey: 'x' }, TRUSTED)
    expect(result).toEqual({ ok: false, error: { code: 'SECRET_KEY_TYPO', message: 'A Secret Key starts with K1.' } })
  })

  it('turns any other failure into INTERNAL with a generic message, and reports only its class', async () => {
    const { dispatcher, onUnexpectedError } = setup(
      fakeHandlers({
        checkSecretKey: () => {
          throw new TypeError(`cannot read ${SECRET}`)
        },
      }),
    )
    const result = await dispatcher.dispatch('checkSecretKey', { secretKey: SECRET }, TRUSTED)
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong inside the app. Please try again.' },
    })
    expect(Object.keys(result)).toEqual(['ok', 'error'])
    expect(onUnexpectedError).toHaveBeenCalledWith('checkSecretKey', 'TypeError')
    expect(JSON.stringify(onUnexpectedError.mock.calls)).not.toContain('SECRET')
  })

  it('refuses a response with an extra field, so a leaked secret never crosses', async () => {
    const leaky = { accountId: 'ABC234', secret: new Uint8Array([1, 2, 3]) }
    const { dispatcher, onUnexpectedError } = setup(fakeHandlers({ checkSecretKey: () => leaky }))
    const result = await dispatcher.dispatch('checkSecretKey', { secretKey: 'x' }, TRUSTED)
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(onUnexpectedError).toHaveBeenCalledWith('checkSecretKey', 'InvalidResponse')
  })

  it('refuses a response with an extra nested field', async () => {
    const nested = { ...APP_INFO, kdfFloor: { ...APP_INFO.kdfFloor, salt: 'c2FsdA==' } }
    const { dispatcher } = setup(fakeHandlers({ getAppInfo: () => nested }))
    expect(await dispatcher.dispatch('getAppInfo', undefined, TRUSTED)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    })
  })

  it('logs unexpected failures to the console without the payload by default', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const handlers = fakeHandlers({
      checkSecretKey: () => {
        throw new Error(SECRET)
      },
    })
    const dispatcher = createIpcDispatcher(handlers, { trustedOrigins: ['app://vault'] })
    await dispatcher.dispatch('checkSecretKey', { secretKey: SECRET }, TRUSTED)
    expect(consoleError).toHaveBeenCalledTimes(1)
    expect(JSON.stringify(consoleError.mock.calls)).not.toContain('SECRET')
  })
})
