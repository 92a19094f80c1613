/** Items of every type: create, view, reveal, search, edit, trash, history. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateSshKey } from '../../../src-main/items/index.ts'
import type { ItemDraftInput } from '../../../src-shared/domain/item.ts'
import { expectCode } from '../support/expect-code.ts'
import { EMAIL, makeVault, PASSWORD, type TestVault } from './support.ts'

let vault: TestVault
const TOTP_SEED = 'JBSWY3DPEHPK3PXP'

beforeAll(async () => {
  vault = makeVault()
  await vault.service.createAccount({ email: EMAIL, password: PASSWORD })
})
afterAll(() => vault.cleanup())

const drafts: Record<string, ItemDraftInput> = {
  login: {
    type: 'login',
    title: 'Example Bank',
    tags: ['finance'],
    notes: 'branch on Elm Street',
    fields: {
      username: 'ada',
      password: 'pw-secret-1',
      urls: ['https://bank.example', 'https://m.bank.example'],
      totp: TOTP_SEED,
    },
    customFields: [
      { id: 'pin', label: 'Phone PIN', kind: 'hidden', value: '4711' },
      { id: 'acct', label: 'Account', kind: 'text', value: 'DE02 1234' },
    ],
  },
  note: { type: 'note', title: 'Wifi', notes: 'the router is in the attic' },
  card: {
    type: 'card',
    title: 'Visa',
    fields: {
      cardholder: 'Ada Lovelace',
      brand: 'Visa',
      number: '4111 1111 1111 1111',
      expiry: '12/2030',
      securityCode: '123',
    },
  },
  identity: {
    type: 'identity',
    title: 'Me',
    fields: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@home.example' },
  },
  apiCredential: {
    type: 'apiCredential',
    title: 'CI token',
    fields: { username: 'bot', credential: 'tok-secret-9', url: 'https://ci.example' },
  },
}

function create(name: keyof typeof drafts) {
  const draft = drafts[name]
  if (draft === undefined) throw new Error(name)
  return vault.service.createItem(draft)
}

describe('items', () => {
  it('creates every type; views hide secrets and name them instead', () => {
    const login = create('login')
    expect(login.fields).toEqual({ username: 'ada', urls: ['https://bank.example', 'https://m.bank.example'] })
    expect(login.secretFields).toEqual(['password', 'totp', 'custom:pin'])
    expect(login.customFields).toEqual([
      { id: 'pin', label: 'Phone PIN', kind: 'hidden', value: '' },
      { id: 'acct', label: 'Account', kind: 'text', value: 'DE02 1234' },
    ])
    expect(JSON.stringify(login)).not.toMatch(/pw-secret-1|4711|JBSWY3/)
    const card = create('card')
    expect(card.secretFields).toEqual(['number', 'securityCode'])
    expect(JSON.stringify(card)).not.toContain('1111 1111')
    expect(create('identity').fields).toMatchObject({ firstName: 'Ada' })
    expect(create('note').notes).toBe('the router is in the attic')
    expect(create('apiCredential').secretFields).toEqual(['credential'])
  })

  it('reveals one secret at a time, and only on request', () => {
    const login = vault.service.listItems({ query: 'example bank' })[0]
    if (login === undefined) throw new Error('login missing')
    expect(vault.service.revealField(login.id, 'password')).toBe('pw-secret-1')
    expect(vault.service.revealField(login.id, 'custom:pin')).toBe('4711')
    expect(vault.service.revealField(login.id, 'totp')).toMatch(/^otpauth:\/\/totp\//)
    expectCode(() => vault.service.revealField(login.id, 'nope'), 'FIELD_NOT_FOUND')
    expectCode(() => vault.service.revealField('no-such-id', 'password'), 'ITEM_NOT_FOUND')
  })

  it('lists summaries without secrets or notes, masking card numbers', () => {
    const list = vault.service.listItems()
    expect(list.map((item) => item.title)).toEqual(['CI token', 'Example Bank', 'Me', 'Visa', 'Wifi'])
    const text = JSON.stringify(list)
    expect(text).not.toMatch(/pw-secret-1|tok-secret-9|4111 1111|123"|attic|Elm Street|4711|JBSWY3/)
    expect(list.find((item) => item.title === 'Visa')?.subtitle).toBe('Visa •••• 1111')
    expect(list.find((item) => item.title === 'Example Bank')).toMatchObject({ subtitle: 'ada', hasTotp: true })
  })

  it('searches titles, usernames, URLs, tags, notes and visible custom fields, never secrets', () => {
    const titles = (query: string) => vault.service.listItems({ query }).map((item) => item.title)
    expect(titles('bank')).toEqual(['Example Bank'])
    expect(titles('m.bank.example')).toEqual(['Example Bank'])
    expect(titles('FINANCE')).toEqual(['Example Bank'])
    expect(titles('attic')).toEqual(['Wifi'])
    expect(titles('de02')).toEqual(['Example Bank'])
    expect(titles('ada lovelace')).toEqual(['Me', 'Visa'])
    for (const secret of ['pw-secret-1', 'tok-secret-9', '4111', '4711', 'JBSWY3']) expect(titles(secret)).toEqual([])
  })

  it('filters by type, tag and favourite', () => {
    expect(vault.service.listItems({ type: 'card' }).map((item) => item.title)).toEqual(['Visa'])
    expect(vault.service.listItems({ tag: 'finance' }).map((item) => item.title)).toEqual(['Example Bank'])
    const wifi = vault.service.listItems({ query: 'wifi' })[0]
    if (wifi === undefined) throw new Error('wifi missing')
    vault.service.updateItem(wifi.id, { favorite: true })
    expect(vault.service.listItems({ favorite: true }).map((item) => item.title)).toEqual(['Wifi'])
  })

  it('edits without erasing secrets the editor never saw, and refuses a stale revision', () => {
    const view = create('login')
    const edited = vault.service.updateItem(
      view.id,
      {
        title: 'Example Bank (old)',
        fields: { username: 'ada2' },
        customFields: [{ id: 'pin', label: 'Phone PIN', kind: 'hidden' }],
      },
      view.revision,
    )
    expect(edited.revision).toBe(view.revision + 1)
    expect(vault.service.revealField(view.id, 'password')).toBe('pw-secret-1')
    expect(vault.service.revealField(view.id, 'custom:pin')).toBe('4711')
    expect(edited.customFields.map((field) => field.id)).toEqual(['pin'])
    expectCode(() => vault.service.updateItem(view.id, { title: 'x' }, view.revision), 'REVISION_CONFLICT')
    expectCode(() => vault.service.updateItem(view.id, { fields: { nonsense: 'x' } }), 'INVALID_ITEM')
    expectCode(() => vault.service.updateItem(view.id, { title: '' }), 'INVALID_ITEM')
  })

  it('keeps every revision, and restores an old one as a new revision', () => {
    const view = create('apiCredential')
    vault.service.updateItem(view.id, { title: 'CI token v2', fields: { credential: 'tok-secret-10' } })
    vault.service.updateItem(view.id, { title: 'CI token v3', fields: { credential: 'tok-secret-11' } })
    const history = vault.service.itemHistory(view.id)
    expect(history.map((entry) => [entry.revision, entry.title])).toEqual([
      [1, 'CI token'],
      [2, 'CI token v2'],
      [3, 'CI token v3'],
    ])
    expect(vault.service.revealField(view.id, 'credential', 1)).toBe('tok-secret-9')
    expect(vault.service.getItem(view.id, 2).title).toBe('CI token v2')
    const restored = vault.service.restoreRevision(view.id, 1)
    expect(restored).toMatchObject({ revision: 4, title: 'CI token' })
    expect(vault.service.revealField(view.id, 'credential')).toBe('tok-secret-9')
    expectCode(() => vault.service.restoreRevision(view.id, 99), 'REVISION_NOT_FOUND')
  })

  it('moves items to the trash and back, and empties the trash for good', () => {
    const view = create('note')
    vault.service.trashItem(view.id)
    expect(vault.service.listItems().some((item) => item.id === view.id)).toBe(false)
    expect(vault.service.listItems({ trash: true }).map((item) => item.id)).toEqual([view.id])
    vault.service.restoreItem(view.id)
    expect(vault.service.listItems({ trash: true })).toEqual([])
    vault.service.trashItem(view.id)
    expect(vault.service.itemHistory(view.id).map((entry) => entry.trashed)).toEqual([false, true, false, true])
    expect(vault.service.emptyTrash()).toBe(1)
    expectCode(() => vault.service.getItem(view.id), 'ITEM_NOT_FOUND')
    expect(vault.store.listItemRevisions(view.id)).toEqual([])
  })

  it('computes TOTP codes from the stored seed', () => {
    const login = vault.service.listItems({ query: 'example bank' })[0]
    if (login === undefined) throw new Error('login missing')
    const totp = vault.service.totp(login.id)
    expect(totp.code).toMatch(/^\d{6}$/)
    expect(totp.secondsLeft).toBeGreaterThan(0)
    expect(totp.secondsLeft).toBeLessThanOrEqual(30)
    const note = vault.service.listItems({ type: 'note' })[0]
    if (note === undefined) throw new Error('note missing')
    expectCode(() => vault.service.totp(note.id), 'FIELD_NOT_FOUND')
  })

  it('rejects a bad TOTP seed and a bad SSH key with their own codes', () => {
    expectCode(
      () => vault.service.createItem({ type: 'login', title: 'x', fields: { totp: 'not base32 !!' } }),
      'INVALID_TOTP',
    )
    expectCode(
      () => vault.service.createItem({ type: 'sshKey', title: 'x', fields: { privateKey: 'garbage' } }),
      'INVALID_SSH_KEY',
    )
    expectCode(() => vault.service.createItem({ type: 'teleporter', title: 'x' }), 'INVALID_ITEM')
  })

  it('stores SSH keys, generated or imported, with their public half and fingerprint', () => {
    const generated = generateSshKey({ comment: 'ada@laptop' })
    const view = vault.service.createItem({
      type: 'sshKey',
      title: 'Laptop key',
      fields: { privateKey: generated.privateKey },
    })
    expect(view.fields).toMatchObject({
      publicKey: generated.publicKey,
      fingerprint: generated.fingerprint,
      keyType: 'ed25519',
    })
    expect(view.secretFields).toEqual(['privateKey'])
    expect(vault.service.revealField(view.id, 'privateKey')).toBe(generated.privateKey)
    const titles = (query: string) => vault.service.listItems({ query }).map((item) => item.title)
    expect(titles('ada@laptop')).toEqual(['Laptop key'])
    expect(titles(generated.publicKey.split(' ')[1]?.slice(20, 30) ?? 'missing')).toEqual([])
  })
})
