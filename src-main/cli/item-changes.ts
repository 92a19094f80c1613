/**
 * Turns add/edit flags, gathered secrets and an optional JSON document into
 * a draft (add) or an ItemPatch (edit). The document is the starting point
 * and the flags apply on top; for edit, whatever neither names is left out
 * of the patch, so it keeps its value (secrets included: a custom field
 * listed without a value keeps the one it has).
 */
import { randomBytes } from 'node:crypto'
import type { CustomFieldKind, ItemType, ItemView } from '../../src-shared/domain/item.ts'
import { VaultError } from '../../src-shared/errors.ts'
import { usageError } from './cli-error.ts'
import type { ItemFlags, LabelledValue } from './item-flags.ts'
import type { GatheredSecrets } from './item-secrets.ts'

export type JsonObject = Record<string, unknown>

interface CustomEntry {
  readonly id: string
  readonly label: string
  readonly kind: CustomFieldKind
  readonly value?: string
}

interface Current {
  readonly tags: readonly string[]
  readonly urls: readonly string[]
  readonly customFields: readonly CustomEntry[]
}

export function buildDraft(type: ItemType, doc: JsonObject, flags: ItemFlags, secrets: GatheredSecrets): JsonObject {
  const docFields = objectOf(doc.fields)
  const current = {
    tags: stringsOf(doc.tags),
    urls: stringsOf(docFields.urls),
    customFields: entriesOf(doc.customFields),
  }
  const changes = changesOf(flags, secrets, current)
  return { ...doc, type, ...changes, fields: { ...docFields, ...changes.fields } }
}

export function buildPatch(view: ItemView, doc: JsonObject, flags: ItemFlags, secrets: GatheredSecrets): JsonObject {
  const docFields = objectOf(doc.fields)
  const current = {
    tags: doc.tags === undefined ? view.tags : stringsOf(doc.tags),
    urls: docFields.urls === undefined ? stringsOf(view.fields.urls) : stringsOf(docFields.urls),
    // Without values: the service keeps each field's value, hidden ones included.
    customFields:
      doc.customFields === undefined
        ? view.customFields.map(({ id, label, kind }) => ({ id, label, kind }))
        : entriesOf(doc.customFields),
  }
  const { fields, ...changes } = changesOf(flags, secrets, current)
  const allFields = { ...docFields, ...fields }
  return { ...doc, ...changes, ...(Object.keys(allFields).length > 0 ? { fields: allFields } : {}) }
}

function changesOf(flags: ItemFlags, secrets: GatheredSecrets, current: Current) {
  const fields: Record<string, string | string[]> = { ...flags.fields, ...secrets.fields }
  if (flags.addUrls.length > 0 || flags.removeUrls.length > 0) {
    fields.urls = merged(current.urls, flags.addUrls, flags.removeUrls)
  }
  const tagsChange = flags.addTags.length > 0 || flags.removeTags.length > 0
  const customFields = customChanges(current.customFields, flags, secrets.custom)
  return {
    ...(flags.title !== undefined ? { title: flags.title } : {}),
    ...(flags.favorite !== undefined ? { favorite: flags.favorite } : {}),
    ...(tagsChange ? { tags: merged(current.tags, flags.addTags, flags.removeTags) } : {}),
    ...(secrets.notes !== undefined ? { notes: secrets.notes } : {}),
    ...(customFields !== undefined ? { customFields } : {}),
    fields,
  }
}

function merged(base: readonly string[], add: readonly string[], remove: readonly string[]): string[] {
  const kept = base.filter((entry) => !remove.includes(entry))
  return [...kept, ...add.filter((entry, i) => !kept.includes(entry) && add.indexOf(entry) === i)]
}

function customChanges(
  base: readonly CustomEntry[],
  flags: ItemFlags,
  prompted: readonly LabelledValue[],
): CustomEntry[] | undefined {
  if (flags.customText.length === 0 && flags.removeCustom.length === 0 && prompted.length === 0) return undefined
  let entries = [...base]
  for (const reference of flags.removeCustom) {
    const found = findCustom(entries, reference)
    if (found === undefined) throw new VaultError('FIELD_NOT_FOUND', `There is no custom field "${reference}".`)
    entries = entries.filter((entry) => entry !== found)
  }
  for (const { label, value } of flags.customText) {
    const found = findCustom(entries, label)
    if (found?.kind === 'hidden') {
      throw usageError(`The custom field "${label}" is hidden (a secret): set it with --prompt custom:${label}.`)
    }
    entries = upsert(entries, found, { id: found?.id ?? newCustomId(), label, kind: found?.kind ?? 'text', value })
  }
  for (const { label, value } of prompted) {
    const found = findCustom(entries, label)
    entries = upsert(entries, found, {
      id: found?.id ?? newCustomId(),
      label: found?.label ?? label,
      kind: found?.kind ?? 'hidden',
      value,
    })
  }
  return entries
}

function upsert(entries: CustomEntry[], found: CustomEntry | undefined, entry: CustomEntry): CustomEntry[] {
  return found === undefined
    ? [...entries, entry]
    : entries.map((candidate) => (candidate === found ? entry : candidate))
}

/** By id, else by label (case-insensitive). */
function findCustom(entries: readonly CustomEntry[], reference: string): CustomEntry | undefined {
  const wanted = reference.toLowerCase()
  return (
    entries.find((entry) => entry.id === reference) ?? entries.find((entry) => entry.label.toLowerCase() === wanted)
  )
}

/** Custom field ids are [a-z0-9]{1,32}; 12 hex digits are unique within any item. */
function newCustomId(): string {
  return randomBytes(6).toString('hex')
}

function objectOf(value: unknown): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {}
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : []
}

/** The document's custom fields as given; the service validates them. */
function entriesOf(value: unknown): CustomEntry[] {
  return Array.isArray(value) ? (value as CustomEntry[]) : []
}
