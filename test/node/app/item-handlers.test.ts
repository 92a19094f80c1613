import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { initCrypto } from '../../../src-main/crypto/index.ts'
import { EMAIL, PASSWORD, startTestMain, type TestMain } from './main-services-support.ts'

const SECRET = 'hunter2-correct-horse-battery'
const TOTP_SEED = 'JBSWY3DPEHPK3PXP'

let main: TestMain

beforeAll(async () => {
  await initCrypto()
})
beforeEach(async () => {
  main = startTestMain()
  await main.ok('createAccount', { email: EMAIL, password: PASSWORD })
})
afterEach(() => {
  vi.useRealTimers()
  main.close()
})

interface View {
  id: string
  revision: number
  secretFields: string[]
  fields: Record<string, unknown>
}

function addLogin(extra: Record<string, unknown> = {}): Promise<View> {
  return main.ok<View>('createItem', {
    draft: {
      type: 'login',
      title: 'Mail',
      tags: ['work'],
      fields: {
        username: 'ada',
        password: SECRET,
        urls: ['https://mail.example.org', 'http://old.example.org'],
        totp: TOTP_SEED,
      },
      ...extra,
    },
  })
}

describe('items over IPC', () => {
  it('copyGenerated copies only what main generated, and forgets it on lock', async () => {
    const planted = { value: 'text a window made up' }
    expect(await main.call('copyGenerated', planted)).toMatchObject({ ok: false, error: { code: 'FIELD_NOT_FOUND' } })
    const first = await main.ok<{ value: string }>('generate', { kind: 'password' })
    await main.ok('generate', { kind: 'password' })
    expect(await main.call('copyGenerated', { value: first.value })).toMatchObject({ ok: false })
    const last = await main.ok<{ value: string }>('generate', { kind: 'password' })
    await main.ok('lock')
    expect(await main.call('copyGenerated', { value: last.value })).toMatchObject({
      ok: false,
      error: { code: 'FIELD_NOT_FOUND' },
    })
    expect(await main.clipboard.readText()).toBe('')
  })

  it('lists and views carry no secret; revealField is the one way out', async () => {
    const view = await addLogin()
    expect(view.secretFields.sort()).toEqual(['password', 'totp'])
    const list = await main.ok('listItems', {})
    expect(JSON.stringify([list, view])).not.toContain(SECRET)
    expect(JSON.stringify([list, view])).not.toContain(TOTP_SEED)
    expect(await main.ok('revealField', { id: view.id, field: 'password' })).toEqual({ value: SECRET })
  })

  it('copyField writes the clipboard in main and returns only when it clears', async () => {
    const view = await addLogin()
    const result = await main.ok<{ clearsAt: number }>('copyField', { id: view.id, field: 'password' })
    expect(JSON.stringify(result)).not.toContain(SECRET)
    expect(result.clearsAt).toBeGreaterThan(Date.now())
    expect(await main.clipboard.readText()).toBe(SECRET)
  })

  it('the clipboard is cleared after the delay, and on lock, with an event each time', async () => {
    const view = await addLogin()
    main.services.settings.setClipboardClearMs(50)
    await main.ok('copyField', { id: view.id, field: 'password' })
    await vi.waitFor(async () => expect(await main.clipboard.readText()).toBe(''))
    expect(main.events).toContainEqual({ type: 'clipboardCleared' })
    main.services.settings.setClipboardClearMs(60_000)
    await main.ok('copyTotp', { id: view.id })
    expect(await main.clipboard.readText()).toMatch(/^[0-9]{6}$/)
    await main.ok('lock')
    await vi.waitFor(async () => expect(await main.clipboard.readText()).toBe(''))
  })

  it('getTotp gives the current code with its countdown', async () => {
    const view = await addLogin()
    const totp = await main.ok<{ code: string; period: number; secondsLeft: number }>('getTotp', { id: view.id })
    expect(totp.code).toMatch(/^[0-9]{6}$/)
    expect(totp.period).toBe(30)
    expect(totp.secondsLeft).toBeLessThanOrEqual(30)
  })

  it('openUrl opens the item’s own https address and refuses http with a clear error', async () => {
    const view = await addLogin()
    await main.ok('openUrl', { id: view.id, index: 0 })
    expect(main.opened).toEqual(['https://mail.example.org/'])
    const refused = await main.call('openUrl', { id: view.id, index: 1 })
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
    expect(await main.call('openUrl', { id: view.id, index: 5 })).toMatchObject({
      ok: false,
      error: { code: 'FIELD_NOT_FOUND' },
    })
    expect(main.opened).toHaveLength(1)
  })

  it('openUrl treats an address typed without a scheme as https', async () => {
    const view = await addLogin({ fields: { urls: ['example.org/login'] } })
    await main.ok('openUrl', { id: view.id, index: 0 })
    expect(main.opened).toEqual(['https://example.org/login'])
  })

  it('an edit without the password keeps it; a stale revision is a REVISION_CONFLICT', async () => {
    const view = await addLogin()
    const edited = await main.ok<View>('updateItem', {
      id: view.id,
      patch: { title: 'Mail (work)', fields: { username: 'ada.l' } },
      expectedRevision: view.revision,
    })
    expect(edited.revision).toBe(2)
    expect(await main.ok('revealField', { id: view.id, field: 'password' })).toEqual({ value: SECRET })
    expect(
      await main.call('updateItem', { id: view.id, patch: { title: 'again' }, expectedRevision: view.revision }),
    ).toMatchObject({ ok: false, error: { code: 'REVISION_CONFLICT' } })
  })

  it('facets count types, favourites, tags and trash', async () => {
    await addLogin({ favorite: true })
    const note = await main.ok<View>('createItem', { draft: { type: 'note', title: 'Recipe', tags: ['home', 'work'] } })
    await main.ok('trashItem', { id: note.id })
    expect(await main.ok('getFacets')).toMatchObject({
      all: 1,
      favorites: 1,
      trash: 1,
      types: { login: 1, note: 0 },
      tags: [{ name: 'work', count: 1 }],
    })
  })

  it('trash, restore, history and restoreRevision', async () => {
    const view = await addLogin()
    await main.ok('updateItem', { id: view.id, patch: { title: 'Renamed' }, expectedRevision: 1 })
    await main.ok('trashItem', { id: view.id })
    expect(await main.ok('listItems', { filter: { trash: true } })).toMatchObject({ total: 1 })
    await main.ok('restoreItem', { id: view.id })
    const history = await main.ok<{ revisions: { revision: number; title: string }[] }>('itemHistory', { id: view.id })
    expect(history.revisions.map((entry) => entry.title)).toEqual(['Mail', 'Renamed', 'Renamed', 'Renamed'])
    const restored = await main.ok<View & { title: string }>('restoreRevision', { id: view.id, revision: 1 })
    expect(restored.title).toBe('Mail')
    await main.ok('trashItem', { id: view.id })
    expect(await main.ok('emptyTrash')).toEqual({ removed: 1 })
  })

  it('generates an SSH key in main: the private key never crosses to the window', async () => {
    const view = await main.ok<View>('createItem', {
      draft: { type: 'sshKey', title: 'Deploy key' },
      generateSshKey: true,
    })
    expect(view.fields.publicKey).toMatch(/^ssh-ed25519 /)
    expect(view.secretFields).toEqual(['privateKey'])
    expect(JSON.stringify(view)).not.toContain('PRIVATE KEY')
  })

  it('listItems pages with a limit and reports the total', async () => {
    for (const title of ['a', 'b', 'c']) await main.ok('createItem', { draft: { type: 'note', title } })
    const page = await main.ok<{ items: unknown[]; total: number }>('listItems', { limit: 2 })
    expect(page.items).toHaveLength(2)
    expect(page.total).toBe(3)
  })

  it('generate makes passwords and passphrases with their entropy, and refuses bad options', async () => {
    const password = await main.ok<{ value: string; entropyBits: number }>('generate', { kind: 'password', length: 32 })
    expect(password.value).toHaveLength(32)
    expect(password.entropyBits).toBeGreaterThan(150)
    const phrase = await main.ok<{ value: string }>('generate', { kind: 'passphrase', words: 5, separator: '.' })
    expect(phrase.value.split('.')).toHaveLength(5)
    expect(await main.ok('copyGenerated', { value: phrase.value })).toMatchObject({ clearsAt: expect.any(Number) })
    expect(await main.clipboard.readText()).toBe(phrase.value)
    expect(await main.call('generate', { kind: 'password', length: 2 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_GENERATOR_OPTIONS' },
    })
  })
})
