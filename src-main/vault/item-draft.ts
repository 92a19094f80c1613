/**
 * Turning user input into a valid draft: schema validation with messages that
 * name fields but never echo values, edits merged onto the current content,
 * and derived fields filled in (a canonical TOTP URI, an SSH key's public
 * half and fingerprint).
 */
import type { z } from 'zod'
import {
  type ItemContent,
  type ItemDraft,
  type ItemPatch,
  itemDraftSchema,
  itemPatchSchema,
} from '../../src-shared/domain/item.ts'
import { VaultError } from '../../src-shared/errors.ts'
import { importSshKey, normalizeTotp } from '../items/index.ts'

export function parseDraft(input: unknown): ItemDraft {
  return complete(validated(itemDraftSchema, input))
}

/** The current content with the edit applied; see ItemPatch for what "absent" keeps. */
export function applyPatch(current: ItemContent, input: unknown): ItemDraft {
  const patch = validated(itemPatchSchema, input)
  const customFields = (patch.customFields ?? current.customFields).map((field) => {
    if (field.value !== undefined) return { ...field, value: field.value }
    const previous = current.customFields.find((candidate) => candidate.id === field.id)
    if (previous === undefined) throw invalid(`customFields: the new field '${field.label}' needs a value`)
    return { ...field, value: previous.value }
  })
  return parseDraft({
    type: current.type,
    title: patch.title ?? current.title,
    favorite: patch.favorite ?? current.favorite,
    tags: patch.tags ?? current.tags,
    notes: patch.notes ?? current.notes,
    fields: { ...current.fields, ...patch.fields },
    customFields,
  } satisfies ItemPatch & { type: string })
}

/** Strips lifecycle facts, giving back the draft a revision was made from. */
export function draftOf(content: ItemContent): ItemDraft {
  const { v: _v, createdAt: _c, updatedAt: _u, trashedAt: _t, ...draft } = content
  return draft
}

function complete(draft: ItemDraft): ItemDraft {
  if (draft.type === 'login' && draft.fields.totp !== '') {
    return { ...draft, fields: { ...draft.fields, totp: normalizeTotp(draft.fields.totp) } }
  }
  if (draft.type === 'sshKey' && draft.fields.privateKey !== '') {
    const { privateKey, passphrase } = draft.fields
    const derived = importSshKey(privateKey, passphrase === '' ? undefined : passphrase)
    const { publicKey, fingerprint, keyType } = derived
    return { ...draft, fields: { ...draft.fields, publicKey, fingerprint, keyType } }
  }
  return draft
}

function validated<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const problems = result.error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.join('.') || 'item'
    return `${path}: ${issue.message}`
  })
  throw invalid(problems.join('; '))
}

function invalid(detail: string): VaultError {
  return new VaultError('INVALID_ITEM', `The item is not valid (${detail}).`)
}
