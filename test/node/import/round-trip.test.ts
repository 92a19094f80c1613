/**
 * Round trips (issue 8): every fixture imported into a vault, exported as
 * JSON, and that export imported into a fresh vault gives the same items;
 * importing the export into the first vault adds nothing. The CSV export is
 * checked to quote what it must and to hold every item.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { initCrypto } from '../../../src-main/crypto/index.ts'
import { exportCsv, exportJson, type ImportFormat, parseImport } from '../../../src-main/import/index.ts'
import type { ItemContent } from '../../../src-shared/domain/item.ts'
import { MemoryKeychain } from '../../support/main-fakes.ts'
import { EMAIL, makeVault, PASSWORD, type TestVault } from '../vault/support.ts'
import { fixture } from './support.ts'

const FIXTURES: readonly [string, ImportFormat][] = [
  ['bitwarden.json', 'bitwarden-json'],
  ['bitwarden.csv', 'bitwarden-csv'],
  ['1password.1pux', '1password-1pux'],
  ['1password.csv', '1password-csv'],
  ['keepassxc.csv', 'keepassxc-csv'],
  ['keepass.xml', 'keepass-xml'],
  ['chrome.csv', 'chrome-csv'],
  ['firefox.csv', 'firefox-csv'],
  ['generic-guess.csv', 'generic-csv'],
  ['vault-export.json', 'vault-json'],
]

let vaults: TestVault[] = []
beforeAll(async () => {
  await initCrypto()
})
afterEach(() => {
  for (const vault of vaults) vault.cleanup()
  vaults = []
})

async function freshVault(): Promise<TestVault> {
  const vault = makeVault({ keychain: new MemoryKeychain() })
  vaults.push(vault)
  await vault.service.createAccount({ email: EMAIL, password: PASSWORD })
  return vault
}

function candidatesOf(fileName: string, format: ImportFormat, bytes = fixture(fileName)) {
  return parseImport({ fileName, bytes, format }).items.map(({ draft, source }) => ({ draft, source }))
}

/** What an item is, apart from when it was made and its id. */
function essence({ type, title, favorite, tags, notes, fields, customFields, trashedAt }: ItemContent) {
  return { type, title, favorite, tags, notes, fields, customFields, trashed: trashedAt !== null }
}

const sorted = (items: ReturnType<typeof essence>[]) =>
  items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))

describe('import, export, import again', () => {
  it.each(FIXTURES)('%s: nothing lost or changed, and nothing added twice', async (fileName, format) => {
    const first = await freshVault()
    const added = first.service.transfer.applyImport(candidatesOf(fileName, format))
    expect(added).toBeGreaterThan(0)
    const exported = first.service.transfer.exportItems()
    const json = new TextEncoder().encode(exportJson(exported, Date.now()))

    const again = candidatesOf('export.json', 'vault-json', json)
    expect(first.service.transfer.previewImport(again)).toMatchObject({ toAdd: 0 })
    const second = await freshVault()
    expect(second.service.transfer.applyImport(again)).toBe(added)
    const before = sorted(exported.map(({ content }) => essence(content)))
    const after = sorted(second.service.transfer.exportItems().map(({ content }) => essence(content)))
    expect(after).toEqual(before)
  })

  it('the CSV export has a header and one record per item, quoting commas, quotes and line breaks', async () => {
    const vault = await freshVault()
    vault.service.transfer.applyImport(candidatesOf('vault-export.json', 'vault-json'))
    const csv = exportCsv(vault.service.transfer.exportItems())
    expect(csv.split('\n')[0]).toBe('type,title,username,password,urls,totp,notes,tags,favorite,fields,custom_fields')
    expect(csv).toContain('"Fake Mail, ""Inc"""')
    expect(csv).toContain('"Line one, with comma\nLine two"')
    const reread = parseImport({ fileName: 'export.csv', bytes: new TextEncoder().encode(csv), format: 'generic-csv' })
    expect(reread.items).toHaveLength(3)
  })
})
