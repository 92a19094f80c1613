/**
 * The field flags of `add` and `edit`, read and checked against the item's
 * type. Only non-secret values may come as arguments: a secret field named
 * in --field is refused with the ways that keep it out of argv (--prompt,
 * --generate-password, --json on stdin).
 */
import type { ParseArgsOptionsConfig } from 'node:util'
import { CUSTOM_FIELD_PREFIX, type ItemType } from '../../src-shared/domain/item.ts'
import { booleanOption, flag, type Parsed, stringList, stringOption } from './args.ts'
import { usageError } from './cli-error.ts'
import { GENERATOR_OPTIONS, type GeneratorRequest, generatorRequest, hasGeneratorFlags } from './generator-flags.ts'
import { canonicalField, isSecretField, typeFieldNames } from './item-fields.ts'

export const ITEM_FLAG_OPTIONS = {
  title: { type: 'string' },
  username: { type: 'string' },
  url: { type: 'string', multiple: true },
  'remove-url': { type: 'string', multiple: true },
  field: { type: 'string', multiple: true },
  custom: { type: 'string', multiple: true },
  'remove-custom': { type: 'string', multiple: true },
  tag: { type: 'string', multiple: true },
  'remove-tag': { type: 'string', multiple: true },
  favorite: { type: 'boolean' },
  prompt: { type: 'string', multiple: true },
  'generate-password': { type: 'boolean' },
  'generate-ssh-key': { type: 'boolean' },
  json: { type: 'boolean' },
  ...GENERATOR_OPTIONS,
} as const satisfies ParseArgsOptionsConfig

export interface LabelledValue {
  readonly label: string
  readonly value: string
}

export interface ItemFlags {
  readonly title?: string
  readonly favorite?: boolean
  readonly addTags: readonly string[]
  readonly removeTags: readonly string[]
  readonly addUrls: readonly string[]
  readonly removeUrls: readonly string[]
  /** Non-secret type fields, by canonical name. */
  readonly fields: Readonly<Record<string, string>>
  readonly customText: readonly LabelledValue[]
  readonly removeCustom: readonly string[]
  /** Canonical type field names, 'notes', or 'custom:LABEL'. */
  readonly prompts: readonly string[]
  /** The field --generate-password fills, and how. */
  readonly generate?: { readonly field: string; readonly request: GeneratorRequest }
  readonly generateSshKey: boolean
}

/** The field --generate-password fills in each type that has one. */
const GENERATED_FIELD: Partial<Record<ItemType, string>> = { login: 'password', apiCredential: 'credential' }

/** With type undefined only the checks that need no type run (before the vault is unlocked). */
export function readItemFlags(parsed: Parsed, type: ItemType | undefined): ItemFlags {
  const usage = (message: string) => usageError(message, parsed.command)
  const title = stringOption(parsed, 'title')
  const favorite = booleanOption(parsed, 'favorite')
  const urls = urlFlags(parsed, type)
  const prompts = stringList(parsed, 'prompt').map((raw) => promptName(parsed, type, raw))
  const generate = generateFlag(parsed, type)
  if (generate && prompts.includes(generate.field))
    throw usage(`--prompt ${generate.field} and --generate-password both set it.`)
  const generateSshKey = flag(parsed, 'generate-ssh-key')
  if (generateSshKey && type !== undefined && type !== 'sshKey') throw usage('--generate-ssh-key is for sshKey items.')
  return {
    ...(title !== undefined ? { title } : {}),
    ...(favorite !== undefined ? { favorite } : {}),
    addTags: stringList(parsed, 'tag'),
    removeTags: stringList(parsed, 'remove-tag'),
    ...urls,
    fields: { ...typeFields(parsed, type), ...urls.fields },
    customText: stringList(parsed, 'custom').map((raw) => labelled(parsed, '--custom', raw)),
    removeCustom: stringList(parsed, 'remove-custom'),
    prompts,
    ...(generate ? { generate } : {}),
    generateSshKey,
  }
}

/** True when the flags change nothing (an edit with nothing to do). */
export function isEmpty(flags: ItemFlags): boolean {
  const { title, favorite, generate, generateSshKey, fields, ...lists } = flags
  const noValues = title === undefined && favorite === undefined && generate === undefined && !generateSshKey
  return noValues && Object.keys(fields).length === 0 && Object.values(lists).every((list) => list.length === 0)
}

function labelled(parsed: Parsed, option: string, raw: string): LabelledValue {
  const at = raw.indexOf('=')
  if (at <= 0) throw usageError(`${option} takes NAME=VALUE.`, parsed.command)
  return { label: raw.slice(0, at).trim(), value: raw.slice(at + 1) }
}

function secretRefused(name: string): string {
  return `${name} is a secret, and secrets never go on the command line (other users can read it there): use --prompt ${name}, --generate-password, or --json with the value on stdin.`
}

function typeFields(parsed: Parsed, type: ItemType | undefined): Record<string, string> {
  const fields: Record<string, string> = {}
  const username = stringOption(parsed, 'username')
  const given = stringList(parsed, 'field').map((raw) => labelled(parsed, '--field', raw))
  if (username !== undefined) given.unshift({ label: 'username', value: username })
  // Unchecked until the type is known; enough to tell that something is to change.
  if (type === undefined) return Object.fromEntries(given.map(({ label, value }) => [label, value]))
  for (const { label, value } of given) {
    const name = canonicalField(type, label)
    if (name === undefined || name === 'urls') {
      const known = typeFieldNames(type).filter((field) => !isSecretField(type, field) && field !== 'urls')
      throw usageError(
        `A ${type} item has no field "${label}" to set here; it has: ${known.join(', ')}.`,
        parsed.command,
      )
    }
    if (isSecretField(type, name)) throw usageError(secretRefused(name), parsed.command)
    fields[name] = value
  }
  return fields
}

/** Logins keep a list of URLs; an API credential has one URL field. */
function urlFlags(parsed: Parsed, type: ItemType | undefined) {
  const addUrls = stringList(parsed, 'url')
  const removeUrls = stringList(parsed, 'remove-url')
  if (type === undefined || (addUrls.length === 0 && removeUrls.length === 0))
    return { addUrls, removeUrls, fields: {} }
  if (type === 'login') return { addUrls, removeUrls, fields: {} }
  if (type === 'apiCredential' && addUrls.length <= 1 && removeUrls.length === 0) {
    return { addUrls: [], removeUrls: [], fields: { url: addUrls[0] ?? '' } }
  }
  throw usageError(`--url is for logins (several) and API credentials (one); not for ${type} items.`, parsed.command)
}

function promptName(parsed: Parsed, type: ItemType | undefined, raw: string): string {
  if (raw.toLowerCase() === 'notes') return 'notes'
  if (raw.startsWith(CUSTOM_FIELD_PREFIX) && raw.length > CUSTOM_FIELD_PREFIX.length) return raw
  if (type === undefined) return raw
  const name = canonicalField(type, raw)
  if (name !== undefined && name !== 'urls') return name
  throw usageError(
    `--prompt takes a field of a ${type} item (${typeFieldNames(type).join(', ')}), notes, or custom:LABEL.`,
    parsed.command,
  )
}

function generateFlag(parsed: Parsed, type: ItemType | undefined): ItemFlags['generate'] {
  if (!flag(parsed, 'generate-password')) {
    if (hasGeneratorFlags(parsed)) throw usageError('Generator options need --generate-password.', parsed.command)
    return undefined
  }
  const request = generatorRequest(parsed)
  if (type === undefined) return { field: 'password', request }
  const field = GENERATED_FIELD[type]
  if (field === undefined) throw usageError('--generate-password is for login and apiCredential items.', parsed.command)
  return { field, request }
}
