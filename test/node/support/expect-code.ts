import { expect } from 'vitest'
import { type ErrorCode, VaultError } from '../../../src-shared/errors.ts'

/** Runs fn and returns the VaultError it threw, failing the test unless it has the given code. */
export function expectCode(fn: () => unknown, code: ErrorCode): VaultError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(VaultError)
    expect((error as VaultError).code).toBe(code)
    return error as VaultError
  }
  throw new Error(`expected a VaultError ${code}, but nothing was thrown`)
}

export async function expectCodeAsync(promise: Promise<unknown>, code: ErrorCode): Promise<VaultError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(VaultError)
    expect((error as VaultError).code).toBe(code)
    return error as VaultError
  }
  throw new Error(`expected a VaultError ${code}, but the promise resolved`)
}
