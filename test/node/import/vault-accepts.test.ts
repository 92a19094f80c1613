import { describe, expect, it } from 'vitest'
import type { ImportFormat } from '../../../src-main/import/index.ts'
import { parseDraft } from '../../../src-main/vault/item-draft.ts'
import { parseFixture } from './support.ts'

const FIXTURES: readonly [string, ImportFormat][] = [
  ['bitwarden.json', 'bitwarden-json'],
  ['bitwarden-org.json', 'bitwarden-json'],
  ['bitwarden.csv', 'bitwarden-csv'],
  ['bitwarden-org.csv', 'bitwarden-csv'],
  ['1password.1pux', '1password-1pux'],
  ['1password.csv', '1password-csv'],
  ['keepassxc.csv', 'keepassxc-csv'],
  ['keepass.xml', 'keepass-xml'],
  ['chrome.csv', 'chrome-csv'],
  ['firefox.csv', 'firefox-csv'],
  ['generic.csv', 'generic-csv'],
  ['generic-guess.csv', 'generic-csv'],
]

describe('the vault accepts every imported draft as it is', () => {
  it.each(FIXTURES)('%s', (name, format) => {
    const { items } = parseFixture(name, format)
    expect(items.length).toBeGreaterThan(0)
    // parseDraft is what createItem and the import preview run: schema, then TOTP and SSH key checks.
    for (const item of items) expect(() => parseDraft(item.draft)).not.toThrow()
  })
})
