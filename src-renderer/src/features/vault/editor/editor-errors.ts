/**
 * Turns main's answer to a failed save into messages beside the fields they
 * are about. INVALID_ITEM names paths ("title: …; fields.username: …"); the
 * TOTP and SSH key checks name no path but can only be about one field.
 */
import type { IpcFailure } from '@shared/ipc/result.ts'
import type { EditorState } from './editor-model.ts'

export interface EditorErrors {
  /** By slot: 'title', a field name, 'urls', 'tags', or 'custom:<id>'. */
  readonly fields: Readonly<Record<string, string>>
  /** Shown above the form: what no single field explains. */
  readonly form: string | null
  /** The item changed since the editor opened (REVISION_CONFLICT). */
  readonly conflict: boolean
}

export const NO_ERRORS: EditorErrors = { fields: {}, form: null, conflict: false }

export const CONFLICT_MESSAGE =
  'This item was changed somewhere else (another window or the command line) after you opened it, ' +
  'so saving would overwrite that change. Your edits are still here: note what you need, then reload ' +
  'the item and make them again.'

export function errorsFromFailure(error: IpcFailure, state: EditorState): EditorErrors {
  switch (error.code) {
    case 'REVISION_CONFLICT':
      return { fields: {}, form: CONFLICT_MESSAGE, conflict: true }
    case 'INVALID_TOTP':
      return { ...NO_ERRORS, fields: { totp: error.message } }
    case 'INVALID_SSH_KEY': {
      const slot = /passphrase/i.test(error.message) ? 'passphrase' : 'privateKey'
      return { ...NO_ERRORS, fields: { [slot]: error.message } }
    }
    case 'INVALID_ITEM':
      return fromInvalidItem(error.message, state)
    default:
      return { ...NO_ERRORS, form: error.message }
  }
}

function fromInvalidItem(message: string, state: EditorState): EditorErrors {
  const detail = /\((.*)\)\.?$/s.exec(message)?.[1]
  if (detail === undefined) return { ...NO_ERRORS, form: message }
  const fields: Record<string, string> = {}
  const unplaced: string[] = []
  for (const part of detail.split('; ')) {
    const colon = part.indexOf(': ')
    const slot = colon === -1 ? undefined : slotOf(part.slice(0, colon), state)
    if (slot === undefined) unplaced.push(part)
    else fields[slot] = sentence(part.slice(colon + 2))
  }
  return { fields, form: unplaced.length === 0 ? null : message, conflict: false }
}

function slotOf(path: string, state: EditorState): string | undefined {
  const [head, second, third] = path.split('.')
  if (head === 'title' || head === 'tags' || head === 'notes') return head
  if (head === 'fields' && second !== undefined) return second
  if (head === 'customFields' && second !== undefined) {
    const field = state.customFields[Number(second)]
    return field === undefined || third === undefined ? undefined : `custom:${field.id}`
  }
  return undefined
}

function sentence(text: string): string {
  const trimmed = text.trim()
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1)
}
