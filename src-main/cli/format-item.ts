/**
 * One item for people (`vault show`): its fields in the model's order, each
 * secret as a fixed mask (which gives away nothing, not even the length)
 * unless it was revealed.
 */
import { CUSTOM_FIELD_PREFIX, type ItemView } from '../../src-shared/domain/item.ts'
import { localTime } from './format.ts'
import { fieldLabel, isSecretField, typeFieldNames } from './item-fields.ts'
import { displayText } from './output.ts'

export const MASK = '••••••••'

type Row = readonly [label: string, value: string]

/** revealed: secret values by field name ('password', 'custom:<id>'), or null to mask them all. */
export function itemDetails(view: ItemView, revealed: ReadonlyMap<string, string> | null): string[] {
  const rows: Row[] = [
    ['Title', displayText(view.title)],
    ['ID', view.id],
    ['Type', view.type],
    ['Revision', String(view.revision)],
    ...(view.favorite ? [['Favorite', 'yes'] as const] : []),
    ...(view.tags.length > 0 ? [['Tags', displayText(view.tags.join(', '))] as const] : []),
    ...typeFieldRows(view, revealed),
    ...customFieldRows(view, revealed),
    ...(view.notes !== '' ? [['Notes', displayText(view.notes, { multiline: true })] as const] : []),
    ['Created', localTime(view.createdAt)],
    ['Updated', localTime(view.updatedAt)],
    ...(view.trashedAt !== null ? [['In the trash since', localTime(view.trashedAt)] as const] : []),
  ]
  const width = Math.max(...rows.map(([label]) => [...label].length)) + 1
  return rows.map(([label, value]) => {
    const indented = value.replaceAll('\n', `\n${' '.repeat(width + 1)}`)
    return `${`${label}:`.padEnd(width)} ${indented}`
  })
}

function typeFieldRows(view: ItemView, revealed: ReadonlyMap<string, string> | null): Row[] {
  const rows: Row[] = []
  for (const name of typeFieldNames(view.type)) {
    if (isSecretField(view.type, name)) {
      if (view.secretFields.includes(name)) rows.push([fieldLabel(name), secretValue(name, revealed)])
      continue
    }
    const value = view.fields[name]
    if (typeof value === 'string' && value !== '') rows.push([fieldLabel(name), displayText(value)])
    if (Array.isArray(value) && value.length > 0)
      rows.push([fieldLabel(name), value.map((entry) => displayText(entry)).join('\n')])
  }
  return rows
}

function customFieldRows(view: ItemView, revealed: ReadonlyMap<string, string> | null): Row[] {
  return view.customFields.map((field) => {
    const name = CUSTOM_FIELD_PREFIX + field.id
    const label = `${displayText(field.label)} (${name})`
    if (field.kind !== 'hidden') return [label, displayText(field.value)]
    return [label, view.secretFields.includes(name) ? secretValue(name, revealed) : '']
  })
}

function secretValue(name: string, revealed: ReadonlyMap<string, string> | null): string {
  const value = revealed?.get(name)
  return value === undefined ? MASK : displayText(value, { multiline: true })
}
