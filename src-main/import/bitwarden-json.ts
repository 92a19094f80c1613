/**
 * Bitwarden JSON: the unencrypted export ("File format: .json"), as described
 * in Bitwarden's "Condition a Bitwarden .csv or .json" and written by every
 * Bitwarden client: { encrypted: false, folders: [{id, name}],
 * collections?: [{id, name}], items: [...] }.
 *
 * | Bitwarden                        | Vault                                              |
 * | -------------------------------- | -------------------------------------------------- |
 * | encrypted: true (either kind)    | refused: IMPORT_INVALID saying the file is encrypted |
 * | type 1 login                     | login: username, password, totp, every uris[].uri   |
 * | type 2 secure note               | note                                               |
 * | type 3 card                      | card: cardholderName, brand, number, code → securityCode, expMonth + expYear → expiry MM/YYYY |
 * | type 4 identity                  | identity: firstName, lastName, email, phone, company, address1, address2, city, state → region, postalCode, country; title, middleName, address3, username, licenseNumber → text fields; ssn, passportNumber → hidden fields |
 * | type 5 SSH key                   | sshKey: privateKey, publicKey, keyFingerprint → fingerprint |
 * | other types                      | skipped, with the type number as the reason        |
 * | name / notes / favorite          | title / notes / favorite                           |
 * | folderId                         | tag: the folder's name ("Work/Email" stays one tag) |
 * | collectionIds                    | one tag per collection name                        |
 * | fields[] type 0 text / 1 hidden  | custom text / hidden fields                        |
 * | fields[] type 2 boolean          | custom text field "true" / "false"                 |
 * | fields[] type 3 linked           | dropped: it only points at another field, holds no value |
 * | id                               | sourceId                                           |
 * | passwordHistory, fido2Credentials, reprompt, dates | not imported                     |
 *
 * Errors and skipped entries name the entry path, items[3], never a name or value.
 */

import { type CustomInput, type ItemParts, ResultCollector } from './draft.ts'
import { assertItemCount, importInvalid } from './failure.ts'
import { type JsonObject, JsonReader, parseJson } from './json.ts'
import { decodeUtf8 } from './text.ts'
import { type ImportResult, MAX_IMPORT_ITEMS } from './types.ts'

export function parseBitwardenJson(file: string, bytes: Uint8Array): ImportResult {
  const reader = new JsonReader(file)
  const root = reader.object(parseJson(file, decodeUtf8(file, bytes)), '(top level)')
  if (root.encrypted === true || root.passwordProtected === true) {
    throw importInvalid(
      file,
      { entry: 'encrypted' },
      'this Bitwarden export is encrypted. In Bitwarden, export again with "File format: .json" (not ".json (Encrypted)").',
    )
  }
  if (!Array.isArray(root.items)) {
    throw importInvalid(file, { entry: 'items' }, 'there is no "items" list; is this a Bitwarden JSON export?')
  }
  assertItemCount(file, root.items.length, MAX_IMPORT_ITEMS)
  const folders = namesById(reader, root.folders, 'folders')
  const collections = namesById(reader, root.collections, 'collections')
  const out = new ResultCollector(file)
  reader.array(root.items, 'items').forEach((value, index) => {
    const path = `items[${index}]`
    const item = reader.object(value, path)
    const parts = itemParts(reader, item, path)
    if (parts === null) {
      const type = typeof item.type === 'number' ? String(item.type) : '(missing)'
      out.skip({ entry: path }, `Bitwarden item type ${type} is not supported.`)
      return
    }
    const tags = [folders.get(reader.text(item.folderId, `${path}.folderId`)) ?? '']
    reader.array(item.collectionIds, `${path}.collectionIds`).forEach((id, i) => {
      tags.push(collections.get(reader.text(id, `${path}.collectionIds[${i}]`)) ?? '')
    })
    out.add({ ...parts, tags }, { entry: path }, reader.text(item.id, `${path}.id`))
  })
  return out.result('bitwarden-json')
}

function namesById(reader: JsonReader, value: unknown, path: string): Map<string, string> {
  const names = new Map<string, string>()
  reader.array(value, path).forEach((entry, index) => {
    const object = reader.object(entry, `${path}[${index}]`)
    names.set(reader.text(object.id, `${path}[${index}].id`), reader.text(object.name, `${path}[${index}].name`))
  })
  return names
}

function itemParts(reader: JsonReader, item: JsonObject, path: string): ItemParts | null {
  const common = {
    title: reader.text(item.name, `${path}.name`),
    favorite: reader.flag(item.favorite),
    notes: reader.text(item.notes, `${path}.notes`),
  }
  const custom = customFields(reader, item.fields, `${path}.fields`)
  const typed = typedParts(reader, item, path)
  if (typed === null) return null
  return { ...common, ...typed, custom: [...(typed.custom ?? []), ...custom] }
}

function typedParts(reader: JsonReader, item: JsonObject, path: string): ItemParts | null {
  const text = (object: JsonObject | undefined, key: string, where: string) =>
    object === undefined ? '' : reader.text(object[key], `${path}.${where}.${key}`)
  switch (item.type) {
    case 1: {
      const login = reader.optionalObject(item.login, `${path}.login`)
      const uris = reader.array(login?.uris, `${path}.login.uris`).map((uri, index) => {
        const where = `${path}.login.uris[${index}]`
        return reader.text(reader.object(uri, where).uri, `${where}.uri`)
      })
      const fields = { username: text(login, 'username', 'login'), password: text(login, 'password', 'login') }
      return { type: 'login', urls: uris, fields: { ...fields, totp: text(login, 'totp', 'login') } }
    }
    case 2:
      return { type: 'note' }
    case 3:
      return cardParts(reader.optionalObject(item.card, `${path}.card`), (o, key) => text(o, key, 'card'))
    case 4:
      return identityParts(reader.optionalObject(item.identity, `${path}.identity`), (o, key) =>
        text(o, key, 'identity'),
      )
    case 5: {
      const key = reader.optionalObject(item.sshKey, `${path}.sshKey`)
      const read = (name: string) => text(key, name, 'sshKey')
      return {
        type: 'sshKey',
        fields: { privateKey: read('privateKey'), publicKey: read('publicKey'), fingerprint: read('keyFingerprint') },
      }
    }
    default:
      return null
  }
}

type Read = (object: JsonObject | undefined, key: string) => string

function cardParts(card: JsonObject | undefined, read: Read): ItemParts {
  const fields = {
    cardholder: read(card, 'cardholderName'),
    brand: read(card, 'brand'),
    number: read(card, 'number'),
    expiry: cardExpiry(read(card, 'expMonth'), read(card, 'expYear')),
    securityCode: read(card, 'code'),
  }
  return { type: 'card', fields }
}

function identityParts(identity: JsonObject | undefined, read: Read): ItemParts {
  const names = [
    'firstName',
    'lastName',
    'email',
    'phone',
    'company',
    'address1',
    'address2',
    'city',
    'postalCode',
    'country',
  ]
  const fields: Record<string, string> = Object.fromEntries(names.map((name) => [name, read(identity, name)]))
  fields.region = read(identity, 'state')
  const custom: CustomInput[] = [
    { label: 'Title', value: read(identity, 'title') },
    { label: 'Middle name', value: read(identity, 'middleName') },
    { label: 'Address 3', value: read(identity, 'address3') },
    { label: 'Username', value: read(identity, 'username') },
    { label: 'Social security number', value: read(identity, 'ssn'), kind: 'hidden' },
    { label: 'Passport number', value: read(identity, 'passportNumber'), kind: 'hidden' },
    { label: 'License number', value: read(identity, 'licenseNumber') },
  ]
  return { type: 'identity', fields, custom }
}

/** MM/YYYY from a month ("1", "01") and a year ("2030", "30"); whichever part is missing is left out. */
export function cardExpiry(month: string, year: string): string {
  const m = /^\d{1,2}$/.test(month.trim()) ? month.trim().padStart(2, '0') : month.trim()
  const y = /^\d{2}$/.test(year.trim()) ? `20${year.trim()}` : year.trim()
  return m !== '' && y !== '' ? `${m}/${y}` : m || y
}

const FIELD_KINDS = { 0: 'text', 1: 'hidden', 2: 'text' } as const

function customFields(reader: JsonReader, value: unknown, path: string): CustomInput[] {
  return reader.array(value, path).flatMap((entry, index) => {
    const field = reader.object(entry, `${path}[${index}]`)
    const kind = FIELD_KINDS[field.type as keyof typeof FIELD_KINDS]
    if (kind === undefined) return []
    const label = reader.text(field.name, `${path}[${index}].name`)
    return [{ label, value: reader.text(field.value, `${path}[${index}].value`), kind }]
  })
}
