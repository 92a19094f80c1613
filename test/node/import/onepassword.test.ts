import { unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { parseImport } from '../../../src-main/import/index.ts'
import { generateSshKey } from '../../../src-main/items/index.ts'
import { draft, expectInvalid, expectSchemaDrafts, fixture, parseFixture, text } from './support.ts'

const pux = (files: Record<string, Uint8Array>) => zipSync(files)
const parsePux = (bytes: Uint8Array, fileName = 'fake.1pux') =>
  parseImport({ fileName, bytes, format: '1password-1pux' })

describe('1Password 1PUX', () => {
  const result = parseFixture('1password.1pux', '1password-1pux')

  it('is built from the readable sources beside it (node test/fixtures/import/build-1pux.ts)', () => {
    const files = unzipSync(fixture('1password.1pux'))
    expect(files['export.data']).toEqual(fixture('1password-1pux/export.data'))
    expect(files['export.attributes']).toEqual(fixture('1password-1pux/export.attributes'))
  })

  it('maps logins, cards, identities, notes, passwords and other categories', () => {
    expect(result.format).toBe('1password-1pux')
    expect(result.items.map((item) => item.draft)).toEqual([
      draft({
        type: 'login',
        title: 'Fake Login 🔐',
        favorite: true,
        tags: ['Work/Email', 'starred', 'Personal'],
        notes: 'Line one, with comma\nLine "two" 🎉',
        fields: {
          username: 'alice@example.test',
          password: 'FAKE-pw-1p,"one"',
          urls: ['https://login.example.test', 'https://alt.example.test'],
          totp: 'otpauth://totp/Fake:alice?secret=JBSWY3DPEHPK3PXP&issuer=Fake',
        },
        customFields: [
          { id: 'f1', label: 'pin', kind: 'hidden', value: 'FAKE-form-secret' },
          { id: 'f2', label: 'backup code', kind: 'hidden', value: 'FAKE-backup-42' },
          { id: 'f3', label: 'second totp', kind: 'hidden', value: 'JBSWY3DPEHPK3PXQ' },
          { id: 'f4', label: 'member since', kind: 'text', value: '2020-01-01' },
          { id: 'f5', label: 'support site', kind: 'url', value: 'https://support.example.test' },
          { id: 'f6', label: 'recoveryemail', kind: 'text', value: 'recovery@example.test' },
        ],
      }),
      draft({
        type: 'card',
        title: 'Fake Visa',
        tags: ['Finance', 'Personal'],
        fields: {
          cardholder: 'Alice Example',
          brand: 'visa',
          number: '4111111111111111',
          expiry: '07/2031',
          securityCode: '123',
          pin: '0000',
        },
        customFields: [{ id: 'f1', label: 'valid from', kind: 'text', value: '07/2021' }],
      }),
      draft({
        type: 'identity',
        title: 'Alice identity',
        tags: ['Personal'],
        fields: {
          firstName: 'Алиса',
          lastName: '例',
          email: 'alice@example.test',
          phone: '+1 555 0100',
          company: 'Example Ltd',
          address1: '1 Fake Street',
          city: 'Testville',
          region: 'Nowhere',
          postalCode: '00000',
          country: 'zz',
          birthDate: '1981-01-01',
        },
        customFields: [
          { id: 'f1', label: 'initial', kind: 'text', value: 'Q' },
          { id: 'f2', label: 'cell', kind: 'text', value: '+1 555 0101' },
        ],
      }),
      draft({ type: 'note', title: 'Archived note', tags: ['Personal', 'Archived'], notes: 'ملاحظة\nsecond line' }),
      draft({
        type: 'login',
        title: 'wifi.example.test',
        tags: ['Shared Team'],
        fields: { password: 'FAKE-pw-standalone', urls: ['https://wifi.example.test/admin'] },
      }),
      draft({
        type: 'note',
        title: 'Fake Server',
        tags: ['Infra', 'Shared Team'],
        notes: 'Server note',
        customFields: [
          { id: 'f1', label: 'URL', kind: 'text', value: 'ssh.example.test' },
          { id: 'f2', label: 'username', kind: 'text', value: 'root' },
          { id: 'f3', label: 'password', kind: 'hidden', value: 'FAKE-pw-server' },
        ],
      }),
      draft({
        type: 'login',
        title: 'Fake Login 🔐',
        favorite: true,
        tags: ['Shared Team'],
        fields: { username: 'alice@example.test', password: 'FAKE-pw-1p,"one"', urls: ['https://login.example.test'] },
      }),
    ])
    expectSchemaDrafts(result)
  })

  it('names entries by path, keeps uuids, and skips trashed items and files', () => {
    expect(result.items.map((item) => [item.source.entry, item.sourceId])).toEqual([
      ['accounts[0].vaults[0].items[0]', 'fakeitemlogin0000000000001'],
      ['accounts[0].vaults[0].items[1]', 'fakeitemcard00000000000001'],
      ['accounts[0].vaults[0].items[2]', 'fakeitemidentity0000000001'],
      ['accounts[0].vaults[0].items[3]', 'fakeitemnote00000000000001'],
      ['accounts[0].vaults[1].items[0]', 'fakeitempassword0000000001'],
      ['accounts[0].vaults[1].items[1]', 'fakeitemserver000000000001'],
      ['accounts[0].vaults[1].items[2]', 'fakeitemlogin0000000000001'],
    ])
    expect(result.skipped).toEqual([
      { source: { entry: 'accounts[0].vaults[0].items[4]' }, reason: 'this item is in the 1Password trash.' },
      { source: { entry: 'accounts[0].vaults[1].items[3]' }, reason: 'this entry is an attached file, not an item.' },
    ])
  })

  it('reads items that are not wrapped in { item }, as older exports write them, without a vault tag for one vault', () => {
    const data = {
      accounts: [
        {
          vaults: [
            { attrs: { name: 'Only' }, items: [{ uuid: 'u1', categoryUuid: '003', overview: { title: 'Bare' } }] },
          ],
        },
      ],
    }
    const bare = parsePux(pux({ 'export.data': text(JSON.stringify(data)) }))
    expect(bare.items).toEqual([
      {
        draft: draft({ type: 'note', title: 'Bare' }),
        source: { entry: 'accounts[0].vaults[0].items[0]' },
        sourceId: 'u1',
      },
    ])
  })

  it('maps SSH keys and API credentials', () => {
    const key = generateSshKey({ comment: 'fake@example.test' })
    const sshKey = {
      privateKey: key.privateKey,
      metadata: { publicKey: key.publicKey, fingerprint: key.fingerprint, keyType: 'ed25519' },
    }
    const items = [
      {
        uuid: 'k1',
        categoryUuid: '114',
        details: { sections: [{ fields: [{ id: 'private_key', title: 'private key', value: { sshKey } }] }] },
        overview: { title: 'Fake key' },
      },
      {
        uuid: 'a1',
        categoryUuid: '112',
        details: {
          sections: [
            {
              fields: [
                { id: 'username', title: 'username', value: { string: 'bot' } },
                { id: 'credential', title: 'credential', value: { concealed: 'FAKE-api-token' } },
                { id: 'hostname', title: 'hostname', value: { string: 'api.example.test' } },
                { id: 'expires', title: 'expires', value: { date: 1893456000 } },
                { id: 'type', title: 'type', value: { menu: 'bearer' } },
              ],
            },
          ],
        },
        overview: { title: 'Fake API' },
      },
    ]
    const result = parsePux(pux({ 'export.data': text(JSON.stringify({ accounts: [{ vaults: [{ items }] }] })) }))
    expect(result.items.map((item) => item.draft)).toEqual([
      draft({
        type: 'sshKey',
        title: 'Fake key',
        fields: {
          privateKey: key.privateKey,
          publicKey: key.publicKey,
          fingerprint: key.fingerprint,
          keyType: 'ed25519',
        },
      }),
      draft({
        type: 'apiCredential',
        title: 'Fake API',
        fields: { username: 'bot', credential: 'FAKE-api-token', url: 'api.example.test', expiresAt: '2030-01-01' },
        customFields: [{ id: 'f1', label: 'type', kind: 'text', value: 'bearer' }],
      }),
    ])
  })

  it('stops a zip bomb at 64 MiB', () => {
    const started = performance.now()
    expectInvalid(() => parsePux(fixture('zip-bomb.1pux'), 'zip-bomb.1pux'), 'zip-bomb.1pux', 'entry export.data')
    expect(performance.now() - started).toBeLessThan(10_000)
  })

  it('refuses an archive without export.data', () => {
    const bytes = pux({ 'export.attributes': fixture('1password-1pux/export.attributes') })
    const error = expectInvalid(() => parsePux(bytes, 'empty.1pux'), 'empty.1pux', 'entry export.data')
    expect(error.message).toMatch(/no export\.data/)
  })

  it('refuses a file that is not a zip archive', () => {
    expectInvalid(() => parsePux(text('{"accounts": []}'), 'plain.1pux'), 'plain.1pux', 'entry export.data')
  })

  it('refuses a truncated archive', () => {
    const whole = fixture('1password.1pux')
    for (const length of [10, 60, 400, Math.floor(whole.length / 2)]) {
      expectInvalid(() => parsePux(whole.subarray(0, length), 'cut.1pux'), 'cut.1pux', 'entry export.data', [
        'FAKE-pw-1p',
      ])
    }
  })

  it('names export.data and the line of malformed JSON inside it, without quoting it', () => {
    const bytes = pux({
      'export.data': text('{\n  "accounts": [\n    {"vaults": [{"items": [FAKE-secret-json]}]}\n  ]\n}'),
    })
    expectInvalid(() => parsePux(bytes, 'bad.1pux'), 'bad.1pux', 'entry export.data, line 3', ['FAKE-secret-json'])
  })

  it('names the entry of an item whose shape is wrong', () => {
    const data = {
      accounts: [
        { vaults: [{ items: [{ item: { uuid: 'u', categoryUuid: '001', overview: 'FAKE-secret-overview' } }] }] },
      ],
    }
    const bytes = pux({ 'export.data': text(JSON.stringify(data)) })
    expectInvalid(
      () => parsePux(bytes, 'shape.1pux'),
      'shape.1pux',
      'entry accounts[0].vaults[0].items[0].item.overview',
      ['FAKE-secret-overview'],
    )
  })
})

describe('1Password CSV', () => {
  const result = parseFixture('1password.csv', '1password-csv')

  it('maps every row to a login, with tags, favorites and archived rows', () => {
    expect(result.items.map((item) => item.draft)).toEqual([
      draft({
        type: 'login',
        title: 'Fake Forge',
        favorite: true,
        tags: ['Work', 'Dev/Git'],
        notes: 'Line one\nLine two',
        fields: {
          username: 'ada@example.test',
          password: 'FAKE-pw,forge',
          urls: ['https://git.example.test', 'https://git2.example.test'],
          totp: 'otpauth://totp/Forge:ada?secret=JBSWY3DPEHPK3PXP&issuer=Forge',
        },
      }),
      draft({
        type: 'login',
        title: 'Old Thing',
        tags: ['Archived'],
        fields: { username: 'ada', password: 'FAKE-pw-old', urls: ['https://old.example.test'] },
      }),
      draft({
        type: 'login',
        title: 'untitled.example.test',
        fields: { username: 'nobody', password: 'FAKE-pw-untitled', urls: ['https://untitled.example.test/x?a=1,2'] },
      }),
      draft({
        type: 'login',
        title: 'Ünïcødé 🎉',
        favorite: true,
        tags: ['社交', 'Ünï'],
        notes: 'مرحبا',
        fields: { username: '名前', password: 'FAKE-pw-ü', urls: ['https://uni.example.test'] },
      }),
      draft({
        type: 'login',
        title: 'Ünïcødé 🎉',
        favorite: true,
        tags: ['社交', 'Ünï'],
        notes: 'مرحبا',
        fields: { username: '名前', password: 'FAKE-pw-ü', urls: ['https://uni.example.test'] },
      }),
    ])
    expect(result.items.map((item) => item.source)).toEqual([
      { line: 2 },
      { line: 5 },
      { line: 6 },
      { line: 7 },
      { line: 8 },
    ])
    expect(result.skipped).toEqual([])
    expectSchemaDrafts(result)
  })

  it('refuses an unterminated quote, naming the line its record starts on', () => {
    const cut =
      'Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes\nA,https://a.example.test,u,FAKE-pw-a,,,,,\nB,https://b.example.test,u,"FAKE-pw-unterminated,,,,,\nmore\n'
    expectInvalid(
      () => parseImport({ fileName: '1p.csv', bytes: text(cut), format: '1password-csv' }),
      '1p.csv',
      'line 3',
      ['FAKE-pw-unterminated', 'FAKE-pw-a'],
    )
  })
})
