/**
 * The editor's state and what it sends. The window never holds a secret it
 * was not shown, so an edit starts with every stored secret as KEEP (null)
 * and sends a secret only when the user typed or generated a new one:
 * main keeps whatever the patch leaves out.
 */
import type { CustomFieldKind, ItemPatch, ItemType, ItemView } from '@shared/domain/item.ts'
import type { Req } from '@shared/ipc/contract.ts'
import { FIELD_SPECS } from '../model/item-types.ts'

export interface CustomFieldDraft {
  readonly id: string
  readonly label: string
  readonly kind: CustomFieldKind
  /** null: a stored hidden value this window was never given; it stays as it is. */
  readonly value: string | null
}

export type SshKeySource = 'generate' | 'paste'

export interface EditorState {
  readonly type: ItemType
  readonly title: string
  readonly favorite: boolean
  readonly tags: readonly string[]
  readonly notes: string
  /** Plain (non-secret, non-derived) type fields by name. */
  readonly fields: Readonly<Record<string, string>>
  /** Secret type fields by name; null keeps the stored value. */
  readonly secrets: Readonly<Record<string, string | null>>
  /** Login only. */
  readonly urls: readonly string[]
  readonly customFields: readonly CustomFieldDraft[]
  /** New SSH keys only: main generates one, or the user pastes theirs. */
  readonly sshKeySource: SshKeySource
}

export type Draft = Req<'createItem'>['draft']

const editableSpecs = (type: ItemType) => FIELD_SPECS[type].filter((spec) => !spec.derived)

export function newEditorState(type: ItemType): EditorState {
  const specs = editableSpecs(type)
  return {
    type,
    title: '',
    favorite: false,
    tags: [],
    notes: '',
    fields: Object.fromEntries(specs.filter((spec) => !spec.secret).map((spec) => [spec.name, ''])),
    secrets: Object.fromEntries(specs.filter((spec) => spec.secret).map((spec) => [spec.name, ''])),
    urls: type === 'login' ? [''] : [],
    customFields: [],
    sshKeySource: 'generate',
  }
}

export function editorStateFromView(view: ItemView): EditorState {
  const specs = editableSpecs(view.type)
  const stored = (name: string) => view.secretFields.includes(name)
  const plain = (name: string) => {
    const value = view.fields[name]
    return typeof value === 'string' ? value : ''
  }
  const urls = view.fields.urls
  return {
    type: view.type,
    title: view.title,
    favorite: view.favorite,
    tags: [...view.tags],
    notes: view.notes,
    fields: Object.fromEntries(specs.filter((spec) => !spec.secret).map((spec) => [spec.name, plain(spec.name)])),
    secrets: Object.fromEntries(
      specs.filter((spec) => spec.secret).map((spec) => [spec.name, stored(spec.name) ? null : '']),
    ),
    urls: urls === undefined || typeof urls === 'string' ? [] : [...urls],
    customFields: view.customFields.map((field) => ({
      id: field.id,
      label: field.label,
      kind: field.kind,
      value: field.kind === 'hidden' && stored(`custom:${field.id}`) ? null : field.value,
    })),
    sshKeySource: 'paste',
  }
}

/** Whether main should generate the SSH key instead of reading one from the draft. */
export function generatesSshKey(state: EditorState): boolean {
  return state.type === 'sshKey' && state.sshKeySource === 'generate'
}

export function toDraft(state: EditorState): Draft {
  const secrets = Object.entries(state.secrets).filter(([name]) => !(generatesSshKey(state) && isSshSecret(name)))
  const fields: Record<string, string | string[]> = { ...state.fields }
  for (const [name, value] of secrets) fields[name] = value ?? ''
  if (state.type === 'login') fields.urls = cleanUrls(state.urls)
  const draft = {
    type: state.type,
    title: state.title.trim(),
    favorite: state.favorite,
    tags: [...state.tags],
    notes: state.notes,
    fields,
    customFields: state.customFields.map((field) => ({ ...field, value: field.value ?? '' })),
  }
  // The field names come from FIELD_SPECS, which mirrors the draft schema per type (checked in the tests).
  return draft as unknown as Draft
}

/** Only what changed; a secret left untouched, or still KEEP, is absent, so main keeps it. */
export function toPatch(state: EditorState, initial: EditorState): ItemPatch {
  const patch: ItemPatch = {}
  if (state.title !== initial.title) patch.title = state.title.trim()
  if (state.favorite !== initial.favorite) patch.favorite = state.favorite
  if (!sameJson(state.tags, initial.tags)) patch.tags = [...state.tags]
  if (state.notes !== initial.notes) patch.notes = state.notes
  const fields = changedFields(state, initial)
  if (Object.keys(fields).length > 0) patch.fields = fields
  if (!sameJson(state.customFields, initial.customFields)) {
    patch.customFields = state.customFields.map(({ id, label, kind, value }) =>
      value === null ? { id, label, kind } : { id, label, kind, value },
    )
  }
  return patch
}

function changedFields(state: EditorState, initial: EditorState): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(state.fields)) {
    if (value !== initial.fields[name]) fields[name] = value
  }
  for (const [name, value] of Object.entries(state.secrets)) {
    if (value !== null && value !== initial.secrets[name]) fields[name] = value
  }
  const urls = cleanUrls(state.urls)
  if (state.type === 'login' && !sameJson(urls, cleanUrls(initial.urls))) fields.urls = urls
  return fields
}

export function isDirty(state: EditorState, initial: EditorState): boolean {
  return !sameJson(state, initial)
}

function cleanUrls(urls: readonly string[]): string[] {
  return urls.map((url) => url.trim()).filter(Boolean)
}

function isSshSecret(name: string): boolean {
  return name === 'privateKey' || name === 'passphrase'
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** A custom field id: unique within its item, in the alphabet the schema allows. */
export function newCustomFieldId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8))
  return [...bytes]
    .map((byte) => byte.toString(36).padStart(2, '0'))
    .join('')
    .slice(0, 12)
}

/** Problems worth catching before a round trip to main, keyed like the editor's error slots. */
export function validate(state: EditorState, isNew: boolean): Record<string, string> {
  const errors: Record<string, string> = {}
  if (state.title.trim() === '') errors.title = 'Give the item a title.'
  for (const field of state.customFields) {
    if (field.label.trim() === '') errors[`custom:${field.id}`] = 'Give this field a name.'
  }
  if (isNew && state.type === 'sshKey' && state.sshKeySource === 'paste' && state.secrets.privateKey === '') {
    errors.privateKey = 'Paste the private key, or choose to generate a new one.'
  }
  return errors
}
