/**
 * Fuzzing every parser with fast-check: random bytes, fixtures with bytes
 * flipped, inserted, deleted or cut off, and (for the JSON formats) random
 * JSON where items belong. Whatever comes in, a parser either returns drafts
 * that itemDraftSchema accepts, or throws VaultError IMPORT_INVALID /
 * IMPORT_UNSUPPORTED with a short message that quotes nothing from the file
 * (every secret in the fixtures contains "FAKE"); and each case finishes in
 * well under CASE_LIMIT_MS.
 *
 * The seed is fixed so CI runs the same cases every time; FUZZ_SEED=<n> (or
 * FUZZ_SEED=random) explores others, FUZZ_RUNS=<n> runs more per property.
 */
import fc from 'fast-check'
import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { detectFormat, IMPORT_FORMATS, type ImportFormat, parseImport } from '../../../src-main/import/index.ts'
import { itemDraftSchema } from '../../../src-shared/domain/item.ts'
import { VaultError } from '../../../src-shared/errors.ts'
import { fixture, text } from './support.ts'

const CASE_LIMIT_MS = 2_000
const RUNS = Number(process.env.FUZZ_RUNS ?? 200)
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() : Number(process.env.FUZZ_SEED ?? 20_261_201)
const OPTIONS = { numRuns: RUNS, seed: SEED, endOnFailure: true }

const FIXTURES: Record<ImportFormat, string> = {
  'bitwarden-json': 'bitwarden.json',
  'bitwarden-csv': 'bitwarden.csv',
  '1password-1pux': '1password.1pux',
  '1password-csv': '1password.csv',
  'keepassxc-csv': 'keepassxc.csv',
  'keepass-xml': 'keepass.xml',
  'chrome-csv': 'chrome.csv',
  'firefox-csv': 'firefox.csv',
  'generic-csv': 'generic.csv',
  'vault-json': 'vault-export.json',
}

/** Parses, checking the only two outcomes allowed and the time taken. */
function attempt(bytes: Uint8Array, format: ImportFormat): void {
  const started = performance.now()
  try {
    const result = parseImport({ fileName: 'fuzz.bin', bytes, format })
    for (const item of result.items) expect(itemDraftSchema.safeParse(item.draft).success).toBe(true)
    for (const skipped of result.skipped) expect(skipped.reason).not.toContain('FAKE')
  } catch (error) {
    if (!(error instanceof VaultError) || (error.code !== 'IMPORT_INVALID' && error.code !== 'IMPORT_UNSUPPORTED'))
      throw error
    expect(error.message).toContain('"fuzz.bin"')
    expect(error.message).not.toContain('FAKE')
    expect(error.message.length).toBeLessThan(400)
    // The catch-all in parseImport for errors no parser anticipated: none of these small inputs should need it.
    expect(error.message).not.toMatch(/could not be read as/)
  }
  expect(detectFormat('fuzz.bin', bytes) === null || typeof detectFormat('fuzz.bin', bytes) === 'string').toBe(true)
  expect(performance.now() - started).toBeLessThan(CASE_LIMIT_MS)
}

type Mutation = { kind: 'flip' | 'insert' | 'delete' | 'truncate' | 'quote'; at: number; byte: number }

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('flip', 'insert', 'delete', 'truncate', 'quote'),
  at: fc.nat(),
  byte: fc.integer({ min: 0, max: 255 }),
})

function mutate(source: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let bytes = Array.from(source)
  for (const { kind, at, byte } of mutations) {
    const i = bytes.length === 0 ? 0 : at % bytes.length
    if (kind === 'flip') bytes[i] = (bytes[i] ?? 0) ^ (1 << (byte % 8))
    else if (kind === 'insert') bytes.splice(i, 0, byte)
    else if (kind === 'delete') bytes.splice(i, 1)
    else if (kind === 'truncate') bytes = bytes.slice(0, i)
    else bytes.splice(i, 0, [0x22, 0x2c, 0x0a, 0x3c, 0x26, 0x7b][byte % 6] ?? 0x22)
  }
  return new Uint8Array(bytes)
}

describe.each(IMPORT_FORMATS.map((format) => [format]))('%s', (format) => {
  const source = fixture(FIXTURES[format])

  it('survives random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => attempt(bytes, format)),
      OPTIONS,
    )
  })

  it('survives mutations of its fixture', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (ops) => attempt(mutate(source, ops), format)),
      OPTIONS,
    )
  })
})

describe('structure fuzzing', () => {
  const item = fc.jsonValue({ maxDepth: 4 })

  it('Bitwarden JSON survives random items', () => {
    const file = fc.record({ folders: fc.array(item, { maxLength: 3 }), items: fc.array(item, { maxLength: 6 }) })
    fc.assert(
      fc.property(file, (root) => attempt(text(JSON.stringify({ encrypted: false, ...root })), 'bitwarden-json')),
      OPTIONS,
    )
  })

  it('Bitwarden JSON survives random values in a real item', () => {
    const real = JSON.parse(new TextDecoder().decode(fixture('bitwarden.json'))) as { items: Record<string, unknown>[] }
    const keys = fc.constantFrom(
      'type',
      'name',
      'login',
      'card',
      'identity',
      'fields',
      'folderId',
      'collectionIds',
      'sshKey',
      'favorite',
    )
    fc.assert(
      fc.property(fc.nat(), keys, item, (index, key, value) => {
        const items = real.items.map((entry, i) =>
          i === index % real.items.length ? { ...entry, [key]: value } : entry,
        )
        attempt(text(JSON.stringify({ ...real, items })), 'bitwarden-json')
      }),
      OPTIONS,
    )
  })

  it('1PUX survives random items and mutations of export.data', () => {
    const data = fixture('1password-1pux/export.data')
    const zip = (bytes: Uint8Array) => zipSync({ 'export.data': bytes }, { level: 0 })
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (ops) =>
        attempt(zip(mutate(data, ops)), '1password-1pux'),
      ),
      OPTIONS,
    )
    const items = fc.array(
      fc.oneof(
        item,
        fc.record({ item: item }),
        fc.record({
          item: fc.record({
            categoryUuid: fc.constantFrom('001', '002', '004', '112', '114'),
            details: item,
            overview: item,
          }),
        }),
      ),
      { maxLength: 5 },
    )
    fc.assert(
      fc.property(items, (list) =>
        attempt(zip(text(JSON.stringify({ accounts: [{ vaults: [{ items: list }] }] }))), '1password-1pux'),
      ),
      OPTIONS,
    )
  })
})
