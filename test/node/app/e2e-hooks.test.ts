import { describe, expect, it } from 'vitest'
import { E2E_HOOKS_VARIABLE, e2eHooksWanted } from '../../../src-main/app/e2e-hooks.ts'

describe('the end-to-end test hooks', () => {
  it('are installed only in an unpackaged build with VAULT_E2E_HOOKS=1', () => {
    expect(e2eHooksWanted(false, { [E2E_HOOKS_VARIABLE]: '1' })).toBe(true)
    expect(e2eHooksWanted(true, { [E2E_HOOKS_VARIABLE]: '1' })).toBe(false)
    expect(e2eHooksWanted(false, {})).toBe(false)
    expect(e2eHooksWanted(false, { [E2E_HOOKS_VARIABLE]: 'true' })).toBe(false)
  })
})
