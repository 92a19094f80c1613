/**
 * The request and response schema of every IPC method. Main parses each
 * request before a handler sees it and each response before it leaves, and
 * every object is strict, so an unexpected field (say, a key a handler should
 * not have returned) fails the call instead of crossing the boundary.
 *
 * The renderer imports only the types from here, so zod stays out of its bundle.
 */
import { z } from 'zod'
import { SECRET_KEY_INPUT_MAX_LENGTH } from './limits.ts'
import type { Method } from './methods.ts'
import type { IpcResult } from './result.ts'

const kdfCost = z.strictObject({
  memlimitBytes: z.number().int().positive(),
  opslimit: z.number().int().positive(),
})

const appInfo = z.strictObject({
  name: z.string().min(1),
  version: z.string().min(1),
  /** The version byte of the ciphertext envelope this build writes. */
  cryptoFormatVersion: z.number().int().positive(),
  /** The weakest Argon2id cost this build accepts for any account. */
  kdfFloor: kdfCost,
})

const accountId = z.string().regex(/^[0-9A-Z]{6}$/)

export const contract = {
  getAppInfo: {
    req: z.void(),
    res: appInfo,
  },
  checkSecretKey: {
    req: z.strictObject({ secretKey: z.string().max(SECRET_KEY_INPUT_MAX_LENGTH) }),
    res: z.strictObject({ accountId }),
  },
} satisfies Record<Method, { req: z.ZodType; res: z.ZodType }>

export type Req<M extends Method> = z.input<(typeof contract)[M]['req']>
export type Res<M extends Method> = z.output<(typeof contract)[M]['res']>

/** What the preload exposes as window.vault: one function per method. */
export type VaultApi = { readonly [M in Method]: (request: Req<M>) => Promise<IpcResult<Res<M>>> }
