/**
 * The IPC boundary, free of Electron so it can be tested and reused as is:
 * sender check → method check → request schema → handler → response schema.
 * Every outcome is an IpcResult; nothing thrown, no payload echoed or logged.
 */
import { isVaultError } from '../../src-shared/errors.ts'
import { contract, type ParsedReq, type Res } from '../../src-shared/ipc/contract.ts'
import { isMethod, type Method } from '../../src-shared/ipc/methods.ts'
import { failure, type IpcResult, success } from '../../src-shared/ipc/result.ts'

/** A handler may return readonly data: the response schema copies it into the plain form that crosses. */
type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T

/** Handlers for some methods; IpcHandlers needs every one, so a missing handler is a compile error. */
export type HandlersFor<K extends Method> = {
  readonly [M in K]: (request: ParsedReq<M>) => Promise<DeepReadonly<Res<M>>> | DeepReadonly<Res<M>>
}
export type IpcHandlers = HandlersFor<Method>

/** Who is calling: the frame's origin and whether it is the top-level frame. */
export interface IpcSender {
  readonly origin: string
  readonly isTopFrame: boolean
}

export interface IpcDispatcherOptions {
  /** Exact origins allowed to call, e.g. 'app://vault'. */
  readonly trustedOrigins: Iterable<string>
  /** Told the method and the error's class name only; defaults to console.error. */
  readonly onUnexpectedError?: (method: Method, errorName: string) => void
}

export interface IpcDispatcher {
  dispatch(method: string, rawPayload: unknown, sender: IpcSender): Promise<IpcResult<unknown>>
}

const MESSAGES = {
  forbidden: 'This window is not allowed to talk to the vault.',
  unknownMethod: 'The app asked for something the vault does not do.',
  invalidRequest: 'The request was not in the expected form.',
  internal: 'Something went wrong inside the app. Please try again.',
} as const

type AnyHandler = (request: unknown) => Promise<unknown> | unknown

export function createIpcDispatcher(handlers: IpcHandlers, options: IpcDispatcherOptions): IpcDispatcher {
  const trusted = new Set(options.trustedOrigins)
  const report = options.onUnexpectedError ?? reportToConsole

  async function dispatch(method: string, rawPayload: unknown, sender: IpcSender): Promise<IpcResult<unknown>> {
    if (!sender.isTopFrame || !trusted.has(sender.origin)) return failure('FORBIDDEN_SENDER', MESSAGES.forbidden)
    if (!isMethod(method)) return failure('UNKNOWN_METHOD', MESSAGES.unknownMethod)
    const { req, res } = contract[method]
    const request = req.safeParse(rawPayload)
    if (!request.success) return failure('INVALID_REQUEST', MESSAGES.invalidRequest)
    let data: unknown
    try {
      data = await (handlers[method] as AnyHandler)(request.data)
    } catch (error) {
      if (isVaultError(error)) return failure(error.code, error.message)
      report(method, errorName(error))
      return failure('INTERNAL', MESSAGES.internal)
    }
    const response = res.safeParse(data)
    if (!response.success) {
      report(method, 'InvalidResponse')
      return failure('INTERNAL', MESSAGES.internal)
    }
    return success(response.data)
  }

  return { dispatch }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error
}

/** Only the method and the class name: a message could quote the payload. */
function reportToConsole(method: Method, errorName: string): void {
  console.error(`[ipc] ${method} failed unexpectedly (${errorName})`)
}
