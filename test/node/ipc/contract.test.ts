import { describe, expect, it } from 'vitest'
import { contract } from '../../../src-shared/ipc/contract.ts'
import { CHANNEL_PREFIX, channelOf, isMethod, METHODS } from '../../../src-shared/ipc/methods.ts'

describe('the IPC contract', () => {
  it('has a schema pair for exactly the METHODS', () => {
    expect(Object.keys(contract).sort()).toEqual([...METHODS].sort())
  })

  it('gives every method its own vault: channel', () => {
    const channels = METHODS.map(channelOf)
    expect(new Set(channels).size).toBe(METHODS.length)
    for (const channel of channels) expect(channel.startsWith(CHANNEL_PREFIX)).toBe(true)
  })

  it('recognises only listed names as methods', () => {
    for (const method of METHODS) expect(isMethod(method)).toBe(true)
    for (const other of ['toString', '__proto__', 'GETAPPINFO', 42, null, undefined])
      expect(isMethod(other)).toBe(false)
  })

  it('uses strict objects, so unknown fields are refused in both directions', () => {
    expect(contract.checkSecretKey.req.safeParse({ secretKey: 'K1', extra: 1 }).success).toBe(false)
    expect(contract.checkSecretKey.res.safeParse({ accountId: 'ABC234', secret: 'x' }).success).toBe(false)
    expect(contract.checkSecretKey.res.safeParse({ accountId: 'ABC234' }).success).toBe(true)
  })
})
