/**
 * What every IPC call resolves to. Failures are values, not rejections:
 * an error thrown in an ipcMain handler reaches the renderer as a bare
 * message and its code would be lost.
 */
import type { ErrorCode } from '../errors.ts'

export interface IpcFailure {
  readonly code: ErrorCode
  /** Safe to show to the user: never a stack, a payload or key material. */
  readonly message: string
}

export type IpcResult<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: IpcFailure }

export function success<T>(data: T): IpcResult<T> {
  return { ok: true, data }
}

export function failure(code: ErrorCode, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } }
}
