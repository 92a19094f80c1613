import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { type ImportFormat, type ImportResult, parseImport } from '../../../src-main/import/index.ts'
import { type ItemDraftInput, itemDraftSchema } from '../../../src-shared/domain/item.ts'
import type { VaultError } from '../../../src-shared/errors.ts'
import { expectCode } from '../support/expect-code.ts'

export const FIXTURES = join(import.meta.dirname, '../../fixtures/import')

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)))
}

export function text(value: string): Uint8Array {
  return new TextEncoder().encode(value)
}

export function parseFixture(name: string, format: ImportFormat): ImportResult {
  return parseImport({ fileName: name, bytes: fixture(name), format })
}

/** A draft written compactly (absent fields take the schema's defaults), as the parsers return it. */
export function draft(compact: ItemDraftInput) {
  return itemDraftSchema.parse(compact)
}

/** Every draft is exactly what itemDraftSchema makes of it, so vault.createItem() accepts it unchanged. */
export function expectSchemaDrafts(result: ImportResult): void {
  for (const item of result.items) expect(itemDraftSchema.parse(item.draft)).toEqual(item.draft)
}

/** The IMPORT_INVALID a parse gives, checked to name the file and the place, and to hold none of the secrets. */
export function expectInvalid(
  run: () => unknown,
  file: string,
  place: string,
  secrets: readonly string[] = [],
): VaultError {
  const error = expectCode(run, 'IMPORT_INVALID')
  expect(error.message).toContain(`"${file}"`)
  expect(error.message).toContain(place)
  for (const secret of secrets) expect(error.message).not.toContain(secret)
  return error
}
