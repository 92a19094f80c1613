// @vitest-environment happy-dom
/**
 * The vault UI's copy of the item model stays in step with the domain
 * schema it mirrors (it cannot import it: zod would enter the bundle), and
 * every type's new-item draft is one main accepts.
 */
import { ITEM_TYPES as DOMAIN_TYPES, ITEM_FIELD_SCHEMAS, itemDraftSchema, SECRET_FIELDS } from '@shared/domain/item.ts'
import { describe, expect, it } from 'vitest'
import { newEditorState, toDraft, toPatch } from '../../src-renderer/src/features/vault/editor/editor-model.ts'
import { FIELD_SPECS, ITEM_TYPES } from '../../src-renderer/src/features/vault/model/item-types.ts'

describe('the vault UI item model', () => {
  it('lists the same types as the domain', () => {
    expect(ITEM_TYPES).toEqual(DOMAIN_TYPES)
  })

  it.each(DOMAIN_TYPES)('knows every %s field and which are secret', (type) => {
    const schemaFields = Object.keys(ITEM_FIELD_SCHEMAS[type].shape).filter((name) => name !== 'urls')
    expect(FIELD_SPECS[type].map((spec) => spec.name).sort()).toEqual(schemaFields.sort())
    const secrets = FIELD_SPECS[type].filter((spec) => spec.secret).map((spec) => spec.name)
    expect(secrets.sort()).toEqual([...SECRET_FIELDS[type]].sort())
  })

  it.each(DOMAIN_TYPES.filter((type) => type !== 'sshKey'))('makes a %s draft the schema accepts', (type) => {
    const state = { ...newEditorState(type), title: 'Example' }
    expect(itemDraftSchema.safeParse(toDraft(state)).success).toBe(true)
  })

  it('leaves the generated SSH key out of the draft', () => {
    const draft = toDraft({ ...newEditorState('sshKey'), title: 'Deploy' })
    expect(draft.fields).toEqual({})
  })

  it('makes an empty patch when nothing changed', () => {
    const state = newEditorState('card')
    expect(toPatch(state, state)).toEqual({})
  })
})
