/** The backup's plaintext JSON: what is written is checked like what is read, and errors quote no value. */
import { describe, expect, it } from 'vitest'
import { decodePayload, encodePayload } from '../../../src-main/backup/payload.ts'
import { VaultError } from '../../../src-shared/errors.ts'
import { expectCode } from '../support/expect-code.ts'
import { login, samplePayload } from './support.ts'

const encoder = new TextEncoder()

function decodeJson(value: unknown, createdAt = samplePayload().createdAt) {
  return decodePayload(encoder.encode(JSON.stringify(value)), createdAt)
}

function sampleJson(): Record<string, unknown> {
  return { v: 1, ...samplePayload() }
}

describe('the backup payload', () => {
  it('round-trips through JSON with the version first', () => {
    const bytes = encodePayload(samplePayload())
    expect(new TextDecoder().decode(bytes.subarray(0, 7))).toBe('{"v":1,')
    expect(decodePayload(bytes, samplePayload().createdAt)).toEqual(samplePayload())
  })

  it('fills the item defaults, as the item codec does', () => {
    const sparse = {
      ...sampleJson(),
      items: [
        {
          id: 'a',
          revisions: [
            {
              revision: 1,
              savedAt: 5,
              content: { v: 1, type: 'note', title: 'Hi', createdAt: 1, updatedAt: 2, trashedAt: null },
            },
          ],
        },
      ],
    }
    const [item] = decodeJson(sparse).items
    expect(item?.revisions[0]?.content).toEqual({
      type: 'note',
      title: 'Hi',
      favorite: false,
      tags: [],
      notes: '',
      customFields: [],
      fields: {},
      v: 1,
      createdAt: 1,
      updatedAt: 2,
      trashedAt: null,
    })
  })

  it.each([
    ['not JSON', null, /not valid JSON/],
    ['another payload version', { ...sampleJson(), v: 2 }, /\(v: invalid_value\)/],
    ['an unknown top-level key', { ...sampleJson(), extra: 1 }, /\(\(root\): unrecognized_keys\)/],
    [
      'an item without revisions',
      { ...sampleJson(), items: [{ id: 'a', revisions: [] }] },
      /items\[0\]\.revisions: too_small/,
    ],
    [
      'an empty item id',
      { ...sampleJson(), items: [{ id: '', revisions: samplePayload().items[0]?.revisions }] },
      /items\[0\]\.id/,
    ],
  ])('refuses %s with BACKUP_INVALID', (_name, value, message) => {
    const bytes = value === null ? encoder.encode('{"v":1,') : encoder.encode(JSON.stringify(value))
    const error = expectCode(() => decodePayload(bytes, samplePayload().createdAt), 'BACKUP_INVALID')
    expect(error.message).toMatch(message)
  })

  it('refuses revisions out of order and duplicate item ids', () => {
    const [first, second] = samplePayload().items
    if (first === undefined || second === undefined) throw new Error('sample payload too small')
    const reversed = { ...sampleJson(), items: [{ ...first, revisions: [...first.revisions].reverse() }] }
    expect(expectCode(() => decodeJson(reversed), 'BACKUP_INVALID').message).toMatch(/revisions_not_ascending/)
    const twice = { ...sampleJson(), items: [first, { ...second, id: first.id }] }
    expect(expectCode(() => decodeJson(twice), 'BACKUP_INVALID').message).toMatch(/duplicate_item_ids/)
  })

  it('refuses item content that is not an item, naming the field but never its value', () => {
    const secret = 'hunter2-\u00fcber-secret'
    const bad = login('T', 'x')
    const content = { ...bad, fields: { ...bad.fields, password: 42, totp: secret }, color: secret }
    const value = { ...sampleJson(), items: [{ id: 'a', revisions: [{ revision: 1, savedAt: 1, content }] }] }
    const error = expectCode(() => decodeJson(value), 'BACKUP_INVALID')
    expect(error.message).toMatch(/items\[0\]\.revisions\[0\]\.content/)
    expect(error.message).not.toContain(secret)
    expect(error.message).not.toContain('hunter2')
  })

  it('refuses bad UTF-8 and a creation time that disagrees with the header', () => {
    expectCode(() => decodePayload(new Uint8Array([0x7b, 0xff, 0x7d]), 0), 'BACKUP_INVALID')
    const error = expectCode(() => decodeJson(sampleJson(), 1), 'BACKUP_INVALID')
    expect(error.message).toMatch(/disagrees with its header/)
  })

  it('checks on write too, so a file this app writes is one it can read', () => {
    const broken = { ...samplePayload(), createdAt: -1 }
    expect(() => encodePayload(broken)).toThrow(VaultError)
    expect(expectCode(() => encodePayload(broken), 'BACKUP_INVALID').message).toMatch(/would not restore/)
  })
})
