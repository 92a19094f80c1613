/**
 * KeePass 2 XML: what KeePass writes with File → Export → "KeePass XML (2.x)"
 * and KeePassXC with `keepassxc-cli export --format xml`:
 * <KeePassFile><Meta>…<RecycleBinUUID/></Meta><Root><Group> (the root group)
 *   <UUID/><Name/><Entry><UUID/><Tags/><String><Key/><Value/></String>…</Entry>
 *   <Group>…</Group></Group></Root></KeePassFile>
 * Parsed through xml.ts (no DTD, no entity expansion).
 *
 * | KeePass                               | Vault                                        |
 * | ------------------------------------- | -------------------------------------------- |
 * | every entry                           | a login                                      |
 * | Title / UserName / Password / Notes   | title / username / password / notes          |
 * | URL, then KP2A_URL, KP2A_URL_1, …     | URLs, all of them, in that order             |
 * | otp (KeePassXC, an otpauth:// URI)    | totp                                         |
 * | TimeOtp-Secret-Base32 (KeePass 2.47+) | totp: the seed, or an otpauth:// URI when TimeOtp-Length, -Period or -Algorithm are set |
 * | other String fields                   | custom fields: hidden when ProtectInMemory="True", text otherwise |
 * | nested groups                         | a tag of the group path without the root group ("Work/Email"); root entries get none |
 * | Tags (";" or "," separated)           | tags                                         |
 * | UUID                                  | sourceId                                     |
 * | the Recycle Bin group (Meta/RecycleBinUUID) | its entries skipped, with that reason  |
 * | History, Binary attachments, AutoType, Times, icons | not imported                     |
 * | Value Protected="True"                | refused: that is the encrypted inner XML of a .kdbx, not an export |
 *
 * Entries are named by index path: Group[0]/Group[2]/Entry[1].
 */
import { type CustomInput, ResultCollector } from './draft.ts'
import { importInvalid } from './failure.ts'
import { decodeUtf8, splitTags } from './text.ts'
import type { ImportResult } from './types.ts'
import { attributeOf, childrenOf, parseXml, textOf, type XmlNode } from './xml.ts'

const ARRAYS = new Set(['Group', 'Entry', 'String'])
const STANDARD = new Set(['Title', 'UserName', 'Password', 'URL', 'Notes', 'otp'])
const NO_RECYCLE_BIN = 'AAAAAAAAAAAAAAAAAAAAAA=='

interface Walk {
  readonly file: string
  readonly out: ResultCollector
  readonly recycleBin: string
}

interface StringField {
  readonly key: string
  readonly value: string
  readonly hidden: boolean
}

export function parseKeePassXml(file: string, bytes: Uint8Array): ImportResult {
  const doc = parseXml(file, decodeUtf8(file, bytes), ARRAYS)
  const root = childrenOf(doc, 'KeePassFile')[0]
  const groups = childrenOf(childrenOf(root, 'Root')[0], 'Group')
  if (root === undefined || groups.length === 0) {
    throw importInvalid(
      file,
      { entry: 'KeePassFile/Root' },
      'there is no <KeePassFile><Root><Group>; is this a KeePass 2 XML export?',
    )
  }
  const meta = childrenOf(root, 'Meta')[0]
  const enabled = textOf(childrenOf(meta, 'RecycleBinEnabled')[0]).trim().toLowerCase() !== 'false'
  const binId = textOf(childrenOf(meta, 'RecycleBinUUID')[0]).trim()
  const walk: Walk = {
    file,
    out: new ResultCollector(file),
    recycleBin: enabled && binId !== NO_RECYCLE_BIN ? binId : '',
  }
  for (const [index, group] of groups.entries()) walkGroup(walk, group, `Group[${index}]`, null)
  return walk.out.result('keepass-xml')
}

/** `tagPath` is null for the root group, whose name is the database's, not a folder. */
function walkGroup(walk: Walk, group: XmlNode, path: string, tagPath: string | null): void {
  const uuid = textOf(childrenOf(group, 'UUID')[0]).trim()
  if (walk.recycleBin !== '' && uuid === walk.recycleBin) {
    skipRecycled(walk, group, path)
    return
  }
  const name = textOf(childrenOf(group, 'Name')[0]).trim()
  const here = tagPath === null ? '' : tagPath === '' ? name : `${tagPath}/${name}`
  for (const [index, entry] of childrenOf(group, 'Entry').entries())
    readEntry(walk, entry, `${path}/Entry[${index}]`, here)
  for (const [index, child] of childrenOf(group, 'Group').entries())
    walkGroup(walk, child, `${path}/Group[${index}]`, here)
}

function skipRecycled(walk: Walk, group: XmlNode, path: string): void {
  childrenOf(group, 'Entry').forEach((_entry, index) => {
    walk.out.skip({ entry: `${path}/Entry[${index}]` }, 'this entry is in the KeePass Recycle Bin.')
  })
  for (const [index, child] of childrenOf(group, 'Group').entries())
    skipRecycled(walk, child, `${path}/Group[${index}]`)
}

function readEntry(walk: Walk, entry: XmlNode, path: string, groupTag: string): void {
  const strings = stringsOf(walk.file, entry, path)
  const get = (key: string) => strings.find((field) => field.key === key)?.value ?? ''
  const isExtraUrl = (key: string) => /^KP2A_URL(_\d+)?$/.test(key)
  const extraUrls = strings.filter((field) => isExtraUrl(field.key)).map((field) => field.value)
  const totp = get('otp') || timeOtp(get)
  const usesTimeOtp = get('otp') === '' && totp !== ''
  const custom: CustomInput[] = strings
    .filter(
      (field) =>
        !STANDARD.has(field.key) && !isExtraUrl(field.key) && !(usesTimeOtp && field.key.startsWith('TimeOtp-')),
    )
    .map((field) => ({ label: field.key, value: field.value, kind: field.hidden ? 'hidden' : 'text' }))
  const tags = splitTags(textOf(childrenOf(entry, 'Tags')[0]))
  walk.out.add(
    {
      type: 'login',
      title: get('Title'),
      urls: [get('URL'), ...extraUrls],
      fields: { username: get('UserName'), password: get('Password'), totp },
      notes: get('Notes'),
      tags: [groupTag, ...tags],
      custom,
    },
    { entry: path },
    textOf(childrenOf(entry, 'UUID')[0]),
  )
}

function stringsOf(file: string, entry: XmlNode, path: string): StringField[] {
  return childrenOf(entry, 'String').map((field) => {
    const value = childrenOf(field, 'Value')[0]
    if (attributeOf(value, 'Protected').toLowerCase() === 'true') {
      throw importInvalid(
        file,
        { entry: path },
        'a value is encrypted with the database\'s inner key (this is the XML inside a .kdbx). In KeePass, use File → Export → "KeePass XML (2.x)".',
      )
    }
    const hidden = attributeOf(value, 'ProtectInMemory').toLowerCase() === 'true'
    return { key: textOf(childrenOf(field, 'Key')[0]), value: textOf(value), hidden }
  })
}

/** KeePass 2.47+'s own TOTP settings as an otpauth URI, or the bare seed when they are the defaults. */
function timeOtp(get: (key: string) => string): string {
  const seed = get('TimeOtp-Secret-Base32').replace(/\s+/g, '')
  if (seed === '') return ''
  const digits = get('TimeOtp-Length').trim()
  const period = get('TimeOtp-Period').trim()
  const algorithm = get('TimeOtp-Algorithm')
    .trim()
    .toUpperCase()
    .replace(/^HMAC-/, '')
    .replace('-', '')
  if (digits === '' && period === '' && algorithm === '') return seed
  const params = new URLSearchParams({ secret: seed })
  if (digits !== '') params.set('digits', digits)
  if (period !== '') params.set('period', period)
  if (algorithm !== '') params.set('algorithm', algorithm)
  return `otpauth://totp/TOTP?${params.toString()}`
}
