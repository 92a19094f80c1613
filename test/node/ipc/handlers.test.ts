import { beforeAll, describe, expect, it } from 'vitest'
import {
  formatSecretKey,
  generateAccountId,
  generateSecretKey,
  initCrypto,
  KDF_FLOOR,
  parseSecretKey,
} from '../../../src-main/crypto/index.ts'
import { createIpcDispatcher } from '../../../src-main/ipc/dispatcher.ts'
import { createIpcHandlers } from '../../../src-main/ipc/handlers.ts'
import { isVaultError } from '../../../src-shared/errors.ts'

const sender = { origin: 'app://vault', isTopFrame: true }
const dispatcher = createIpcDispatcher(createIpcHandlers({ name: 'Vault', version: '0.1.0' }), {
  trustedOrigins: ['app://vault'],
})

beforeAll(async () => {
  await initCrypto()
})

/** What the crypto module says about this text, so these tests follow its wording and codes. */
function parseFailure(text: string): { code: string; message: string } {
  try {
    parseSecretKey(text)
  } catch (error) {
    if (isVaultError(error)) return { code: error.code, message: error.message }
  }
  throw new Error('expected parseSecretKey to throw a VaultError')
}

describe('IPC handlers through the dispatcher', () => {
  it('getAppInfo reports the build and the crypto floor', async () => {
    expect(await dispatcher.dispatch('getAppInfo', undefined, sender)).toEqual({
      ok: true,
      data: {
        name: 'Vault',
        version: '0.1.0',
        cryptoFormatVersion: 1,
        kdfFloor: { memlimitBytes: KDF_FLOOR.memlimitBytes, opslimit: KDF_FLOOR.opslimit },
      },
    })
  })

  it('checkSecretKey returns the account id of a valid key typed loosely', async () => {
    const accountId = generateAccountId()
    const typed = ` ${formatSecretKey(generateSecretKey(accountId)).toLowerCase().replaceAll('-', ' ')} `
    expect(await dispatcher.dispatch('checkSecretKey', { secretKey: typed }, sender)).toEqual({
      ok: true,
      data: { accountId },
    })
  })

  it.each([
    ['a wrong prefix', 'X1-ABCDEF'],
    ['a short key', 'K1-ABCDEF-GHJKLM'],
    ['a letter Secret Keys never use', `K1-${'O'.repeat(34)}`],
    ['a newer key version', `K9-${'A'.repeat(34)}`],
  ])('checkSecretKey reports %s with the crypto module’s code and message', async (_label, text) => {
    const result = await dispatcher.dispatch('checkSecretKey', { secretKey: text }, sender)
    expect(result).toEqual({ ok: false, error: parseFailure(text) })
  })

  it('checkSecretKey catches a single mistyped character by the checksum', async () => {
    const formatted = formatSecretKey(generateSecretKey(generateAccountId()))
    const mistyped = formatted.slice(0, -1) + (formatted.endsWith('A') ? 'B' : 'A')
    const result = await dispatcher.dispatch('checkSecretKey', { secretKey: mistyped }, sender)
    expect(result).toEqual({ ok: false, error: parseFailure(mistyped) })
    expect(parseFailure(mistyped).code).toBe('SECRET_KEY_TYPO')
    expect(JSON.stringify(result)).not.toContain(mistyped.slice(10, 16)) // the first group of secret symbols
  })
})
