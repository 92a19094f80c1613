/**
 * 1Password 1PUX ("1Password Unencrypted Export", support.1password.com/1pux-format):
 * a zip archive holding export.data, JSON shaped
 * { accounts: [{ attrs, vaults: [{ attrs: { name }, items: [item] }] }] }, where
 * an item is { uuid, favIndex, state, categoryUuid, details: { loginFields,
 * notesPlain, sections: [{ title, fields: [{ id, title, value }] }], password },
 * overview: { title, url, urls: [{ label, url }], tags } } (newer exports wrap
 * it as { item: … }). export.data is read through zip.ts, capped at 64 MiB.
 *
 * | 1Password                          | Vault                                               |
 * | ---------------------------------- | --------------------------------------------------- |
 * | 001 Login, 005 Password            | login: loginFields designated username / password (a Password item's details.password), the first TOTP field → totp, overview.url and every overview.urls[].url |
 * | 002 Credit Card                    | card: cardholder, type → brand, ccnum → number, cvv → securityCode, expiry (YYYYMM) → MM/YYYY, pin |
 * | 004 Identity                       | identity: firstname, lastname, email, defphone → phone, company, birthdate → YYYY-MM-DD, address → address1, city, region, postalCode, country |
 * | 112 API Credential                 | apiCredential: username, credential, hostname → url, expires → expiresAt |
 * | 114 SSH Key                        | sshKey: the private key (and its public key, fingerprint, type) |
 * | 003 Secure Note and every other category (bank account, passport, server, …) | note, every field a custom field |
 * | overview.title / details.notesPlain | title / notes                                      |
 * | favIndex > 0                       | favorite                                            |
 * | overview.tags                      | tags ("Work/Email" stays one tag)                   |
 * | vault name                         | a tag, when the export holds more than one vault    |
 * | state "archived"                   | the tag "Archived" (still imported)                 |
 * | trashed, state "deleted"           | skipped                                             |
 * | other section fields, other loginFields | custom fields: concealed, TOTP, card numbers and SSH keys hidden; url as 'url'; dates as YYYY-MM-DD; month-years as MM/YYYY; addresses joined with ", " |
 * | URLs of items that are not logins  | custom 'url' fields                                 |
 * | uuid                               | sourceId                                            |
 * | passwordHistory, attached files, timestamps | not imported (a Document keeps its file name as a field) |
 *
 * Entries are named by index path: accounts[0].vaults[1].items[2].
 */
import type { CustomInput, ItemParts } from './draft.ts'
import { ResultCollector } from './draft.ts'
import { assertItemCount, importInvalid } from './failure.ts'
import { type JsonObject, JsonReader, parseJson } from './json.ts'
import { addressFields, CLAIMS, type OnePuxField, sectionFields } from './onepassword-fields.ts'
import { decodeUtf8 } from './text.ts'
import { type ImportResult, MAX_IMPORT_ITEMS, MAX_UNZIPPED_BYTES } from './types.ts'
import { readZipEntry } from './zip.ts'

const DATA = 'export.data'

interface Vault {
  readonly path: string
  readonly name: string
  readonly items: readonly unknown[]
}

export function parseOnePassword1pux(file: string, bytes: Uint8Array): ImportResult {
  const data = readZipEntry(file, bytes, DATA, MAX_UNZIPPED_BYTES)
  const reader = new JsonReader(file)
  const root = reader.object(parseJson(file, decodeUtf8(file, data, DATA), DATA), DATA)
  if (!Array.isArray(root.accounts)) {
    throw importInvalid(file, { entry: DATA }, 'there is no "accounts" list; is this a 1Password 1PUX export?')
  }
  const vaults = vaultsOf(reader, root.accounts)
  assertItemCount(
    file,
    vaults.reduce((sum, vault) => sum + vault.items.length, 0),
    MAX_IMPORT_ITEMS,
  )
  const out = new ResultCollector(file)
  for (const vault of vaults) {
    const vaultTag = vaults.length > 1 ? vault.name : ''
    for (const [index, entry] of vault.items.entries()) {
      readEntry(reader, out, entry, `${vault.path}.items[${index}]`, vaultTag)
    }
  }
  return out.result('1password-1pux')
}

function vaultsOf(reader: JsonReader, accounts: readonly unknown[]): Vault[] {
  return accounts.flatMap((account, a) => {
    const object = reader.object(account, `accounts[${a}]`)
    return reader.array(object.vaults, `accounts[${a}].vaults`).map((value, v) => {
      const path = `accounts[${a}].vaults[${v}]`
      const vault = reader.object(value, path)
      const attrs = reader.optionalObject(vault.attrs, `${path}.attrs`)
      const name = attrs === undefined ? '' : reader.text(attrs.name, `${path}.attrs.name`)
      return { path, name, items: reader.array(vault.items, `${path}.items`) }
    })
  })
}

function readEntry(reader: JsonReader, out: ResultCollector, entry: unknown, path: string, vaultTag: string): void {
  const wrapper = reader.object(entry, path)
  const wrapped = wrapper.uuid === undefined && wrapper.item !== undefined
  const item = wrapped ? reader.object(wrapper.item, `${path}.item`) : wrapper
  const itemPath = wrapped ? `${path}.item` : path
  if (item.categoryUuid === undefined && item.overview === undefined) {
    out.skip(
      { entry: path },
      wrapper.file === undefined ? 'this entry is not an item.' : 'this entry is an attached file, not an item.',
    )
    return
  }
  const state = reader.text(item.state, `${itemPath}.state`)
  if (item.trashed === true || state === 'deleted' || state === 'trashed') {
    out.skip({ entry: path }, 'this item is in the 1Password trash.')
    return
  }
  const overview = reader.optionalObject(item.overview, `${itemPath}.overview`) ?? {}
  const tags = reader
    .array(overview.tags, `${itemPath}.overview.tags`)
    .map((tag, i) => reader.text(tag, `${itemPath}.overview.tags[${i}]`))
  const parts = itemParts(reader, item, overview, itemPath)
  const allTags = [...tags, vaultTag, state === 'archived' ? 'Archived' : '']
  out.add({ ...parts, tags: allTags }, { entry: path }, reader.text(item.uuid, `${itemPath}.uuid`))
}

function itemParts(reader: JsonReader, item: JsonObject, overview: JsonObject, path: string): ItemParts {
  const details = reader.optionalObject(item.details, `${path}.details`) ?? {}
  const urls = overviewUrls(reader, overview, `${path}.overview`)
  const fields = sectionFields(reader, details.sections, `${path}.details.sections`)
  const login = loginFields(reader, details.loginFields, `${path}.details.loginFields`)
  const documentName = reader.optionalObject(details.documentAttributes, `${path}.details.documentAttributes`)?.fileName
  const common = {
    title: reader.text(overview.title, `${path}.overview.title`),
    favorite: typeof item.favIndex === 'number' && item.favIndex > 0,
    notes: reader.text(details.notesPlain, `${path}.details.notesPlain`),
    urls,
  }
  const category = reader.text(item.categoryUuid, `${path}.categoryUuid`)
  if (category === '001' || category === '005') {
    const password = login.password || reader.text(details.password, `${path}.details.password`)
    return {
      ...common,
      ...loginParts(fields, login.username, password),
      custom: [...login.custom, ...customOf(loginRest(fields))],
    }
  }
  const typed = typedParts(category, fields)
  const websites = urls.map((url): CustomInput => ({ label: 'Website', value: url, kind: 'url' }))
  const file = {
    label: 'Attached file',
    value: reader.text(documentName, `${path}.details.documentAttributes.fileName`),
  }
  return { ...common, ...typed, custom: [...(typed.custom ?? []), ...login.custom, ...websites, file] }
}

function loginParts(fields: readonly OnePuxField[], username: string, password: string): Omit<ItemParts, 'custom'> {
  const totp = fields.find((field) => field.kind === 'totp')?.text ?? ''
  return { type: 'login', fields: { username, password, totp } }
}

/** A login's section fields other than its first TOTP. */
function loginRest(fields: readonly OnePuxField[]): OnePuxField[] {
  const first = fields.findIndex((field) => field.kind === 'totp')
  return fields.filter((_field, index) => index !== first)
}

function typedParts(category: string, fields: readonly OnePuxField[]): ItemParts {
  if (category === '002') return claimed('card', fields, CLAIMS.card ?? {})
  if (category === '112') return claimed('apiCredential', fields, CLAIMS.apiCredential ?? {})
  if (category === '004') {
    const address = fields.find((field) => field.id === 'address' && field.address !== undefined)
    const rest = fields.filter((field) => field !== address)
    const parts = claimed('identity', rest, CLAIMS.identity ?? {})
    return address?.address === undefined
      ? parts
      : { ...parts, fields: { ...parts.fields, ...addressFields(address.address) } }
  }
  const key = category === '114' ? fields.find((field) => field.sshKey !== undefined) : undefined
  if (key?.sshKey !== undefined) {
    return { type: 'sshKey', fields: { ...key.sshKey }, custom: customOf(fields.filter((field) => field !== key)) }
  }
  return { type: 'note', custom: customOf(fields) }
}

function claimed(
  type: ItemParts['type'],
  fields: readonly OnePuxField[],
  claims: Readonly<Record<string, string>>,
): ItemParts {
  const values: Record<string, string> = {}
  const rest: OnePuxField[] = []
  for (const field of fields) {
    const target = claims[field.id]
    if (target !== undefined && values[target] === undefined) values[target] = field.text
    else rest.push(field)
  }
  return { type, fields: values, custom: customOf(rest) }
}

function customOf(fields: readonly OnePuxField[]): CustomInput[] {
  return fields.map((field) => ({ label: field.label, value: field.text, kind: field.customKind }))
}

function overviewUrls(reader: JsonReader, overview: JsonObject, path: string): string[] {
  const listed = reader.array(overview.urls, `${path}.urls`).map((entry, index) => {
    const url = reader.object(entry, `${path}.urls[${index}]`)
    return reader.text(url.url, `${path}.urls[${index}].url`)
  })
  return [reader.text(overview.url, `${path}.url`), ...listed]
}

interface LoginFields {
  readonly username: string
  readonly password: string
  readonly custom: CustomInput[]
}

function loginFields(reader: JsonReader, value: unknown, path: string): LoginFields {
  let username = ''
  let password = ''
  const custom: CustomInput[] = []
  reader.array(value, path).forEach((entry, index) => {
    const field = reader.object(entry, `${path}[${index}]`)
    const text = (key: string) => reader.text(field[key], `${path}[${index}].${key}`)
    const designation = text('designation')
    if (designation === 'username' && username === '') username = text('value')
    else if (designation === 'password' && password === '') password = text('value')
    else
      custom.push({
        label: text('name') || text('id'),
        value: text('value'),
        kind: text('fieldType') === 'P' ? 'hidden' : 'text',
      })
  })
  return { username, password, custom }
}
