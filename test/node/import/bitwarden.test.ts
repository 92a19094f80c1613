import { describe, expect, it } from 'vitest'
import { parseImport } from '../../../src-main/import/index.ts'
import { draft, expectInvalid, expectSchemaDrafts, fixture, parseFixture, text } from './support.ts'

const TOTP_URI = 'otpauth://totp/Fake%20Mail:alice@example.test?secret=JBSWY3DPEHPK3PXP&issuer=Fake%20Mail'

describe('Bitwarden JSON', () => {
  const result = parseFixture('bitwarden.json', 'bitwarden-json')

  it('maps logins, notes, cards, identities and custom fields', () => {
    expect(result.format).toBe('bitwarden-json')
    expect(result.items.map((item) => item.draft)).toEqual([
      draft({
        type: 'login',
        title: 'Fake Mail, "Inc"',
        favorite: true,
        tags: ['Work/Email'],
        notes: 'First line, with a comma\nSecond "quoted" line\nThird line',
        fields: {
          username: 'alice@example.test',
          password: 'FAKE-pw-alpha,"1"',
          urls: ['https://mail.example.test/login', 'https://webmail.example.test', 'androidapp://test.example.mail'],
          totp: TOTP_URI,
        },
        customFields: [
          { id: 'f1', label: 'Account number', kind: 'text', value: 'FAKE-0042' },
          { id: 'f2', label: 'Recovery code', kind: 'hidden', value: 'fake-recovery-77' },
          { id: 'f3', label: 'Uses SSO', kind: 'text', value: 'false' },
        ],
      }),
      draft({
        type: 'login',
        title: '例え.example.test',
        tags: ['Личное 🔐'],
        fields: {
          username: '用户名',
          password: 'FAKE-pw-日本語-🔑',
          urls: ['https://例え.example.test/ログイン'],
          totp: 'JBSWY3DPEHPK3PXP',
        },
      }),
      draft({ type: 'note', title: 'ملاحظة سرية', notes: 'سطر أول\nLine two ✓\n\nLine four' }),
      draft({
        type: 'card',
        title: 'Fake Visa',
        tags: ['Work/Email'],
        fields: {
          cardholder: 'Alice Example',
          brand: 'Visa',
          number: '4111111111111111',
          expiry: '07/2031',
          securityCode: '123',
        },
        customFields: [{ id: 'f1', label: 'PIN', kind: 'hidden', value: '0000' }],
      }),
      draft({
        type: 'identity',
        title: 'Alice at home',
        favorite: true,
        notes: 'Identity note',
        fields: {
          firstName: 'Alice',
          lastName: 'Example',
          email: 'alice@example.test',
          phone: '+1 555 0100',
          company: 'Example Ltd',
          address1: '1 Fake Street',
          address2: 'Flat 2',
          city: 'Testville',
          region: 'Nowhere',
          postalCode: '00000',
          country: 'ZZ',
        },
        customFields: [
          { id: 'f1', label: 'Title', kind: 'text', value: 'Dr' },
          { id: 'f2', label: 'Middle name', kind: 'text', value: 'Q' },
          { id: 'f3', label: 'Username', kind: 'text', value: 'alice' },
          { id: 'f4', label: 'Social security number', kind: 'hidden', value: '000-00-0000' },
          { id: 'f5', label: 'Passport number', kind: 'hidden', value: 'FAKE123' },
          { id: 'f6', label: 'License number', kind: 'text', value: 'LIC-000' },
        ],
      }),
      // The duplicate of the first item is imported as it is: the vault's preview finds duplicates.
      draft({
        type: 'login',
        title: 'Fake Mail, "Inc"',
        tags: ['Work/Email'],
        fields: {
          username: 'alice@example.test',
          password: 'FAKE-pw-alpha,"1"',
          urls: ['https://mail.example.test/login'],
        },
      }),
      // A TOTP the vault could not use is kept, hidden, instead of failing the item.
      draft({
        type: 'login',
        title: 'Old bank',
        fields: { username: 'bob', password: 'FAKE-pw-bank' },
        customFields: [{ id: 'f1', label: 'TOTP', kind: 'hidden', value: 'TOTPSEED123' }],
      }),
      // An SSH key the vault cannot read becomes a note holding the key.
      draft({
        type: 'note',
        title: 'Deploy key',
        customFields: [
          {
            id: 'f1',
            label: 'Private key',
            kind: 'hidden',
            value: '-----BEGIN OPENSSH PRIVATE KEY-----\nFAKEFAKEFAKE\n-----END OPENSSH PRIVATE KEY-----',
          },
          { id: 'f2', label: 'Public key', kind: 'text', value: 'ssh-ed25519 AAAAFAKE deploy@example.test' },
          { id: 'f3', label: 'Fingerprint', kind: 'text', value: 'SHA256:FAKEFINGERPRINT' },
        ],
      }),
    ])
    expectSchemaDrafts(result)
  })

  it('names each item by its entry and keeps Bitwarden ids', () => {
    expect(result.items.map((item) => item.source.entry)).toEqual([
      'items[0]',
      'items[1]',
      'items[2]',
      'items[3]',
      'items[4]',
      'items[5]',
      'items[6]',
      'items[7]',
    ])
    expect(result.items[0]?.sourceId).toBe('1a000000-0000-4000-8000-000000000001')
    expect(result.skipped).toEqual([
      { source: { entry: 'items[8]' }, reason: 'Bitwarden item type 9 is not supported.' },
    ])
  })

  it('turns organization collections into tags', () => {
    const org = parseFixture('bitwarden-org.json', 'bitwarden-json')
    expect(org.items.map((item) => item.draft.tags)).toEqual([['Marketing', 'Social/Video']])
  })

  it('refuses an encrypted export, saying so', () => {
    const error = expectInvalid(
      () => parseFixture('bitwarden-encrypted.json', 'bitwarden-json'),
      'bitwarden-encrypted.json',
      'entry encrypted',
      ['RkFLRS1FTkNSWVBURUQ', 'RkFLRS1TQUxU'],
    )
    expect(error.message).toMatch(/encrypted/)
  })

  it('refuses an account-restricted encrypted export too', () => {
    const bytes = text(
      '{"encrypted": true, "folders": [], "items": [{"type": 1, "name": "2.RkFLRQ==|RkFLRQ==|RkFLRQ=="}]}',
    )
    expectInvalid(() => parseImport({ fileName: 'enc.json', bytes, format: 'bitwarden-json' }), 'enc.json', 'encrypted')
  })

  it('names the entry of an item whose shape is wrong', () => {
    const bytes = text(
      '{"encrypted": false, "items": [{"type": 1, "name": "ok"}, {"type": 1, "login": {"password": {"x": "FAKE-secret-shape"}}}]}',
    )
    expectInvalid(
      () => parseImport({ fileName: 'bw.json', bytes, format: 'bitwarden-json' }),
      'bw.json',
      'entry items[1].login.password',
      ['FAKE-secret-shape'],
    )
  })

  it('refuses JSON that is not a Bitwarden export', () => {
    expectInvalid(
      () => parseImport({ fileName: 'x.json', bytes: text('{"logins": []}'), format: 'bitwarden-json' }),
      'x.json',
      'entry items',
    )
  })
})

describe('Bitwarden CSV', () => {
  const result = parseFixture('bitwarden.csv', 'bitwarden-csv')

  it('maps logins and notes, with fields, folders and several URLs', () => {
    expect(result.items.map((item) => item.draft)).toEqual([
      draft({
        type: 'login',
        title: 'Fake Social',
        favorite: true,
        tags: ['Social'],
        fields: {
          username: 'me@example.test',
          password: 'FAKE-pw-social',
          urls: ['https://social.example.test', 'https://m.social.example.test'],
          totp: 'JBSWY3DPEHPK3PXP',
        },
      }),
      draft({
        type: 'login',
        title: 'Fake Mail, "Inc"',
        tags: ['Work/Email'],
        notes: 'Line one, with comma\nLine "two"\nLine three',
        fields: { username: 'alice@example.test', password: 'FAKE-pw-"q",x', urls: ['https://mail.example.test'] },
        customFields: [
          { id: 'f1', label: 'PIN', kind: 'text', value: '1234' },
          { id: 'f2', label: 'Security answer', kind: 'text', value: 'blue: really' },
        ],
      }),
      draft({ type: 'note', title: 'My Fake Note', notes: 'This is a secure note.' }),
      draft({
        type: 'login',
        title: 'empty-title.example.test',
        fields: { username: 'nobody', password: 'FAKE-pw-none', urls: ['https://empty-title.example.test/path'] },
      }),
      draft({
        type: 'login',
        title: '日本語 タイトル 🔐',
        tags: ['Личное'],
        notes: 'שלום עולם',
        fields: { username: '用户', password: 'FAKE-pw-ユニ', urls: ['https://例え.example.test'] },
      }),
      draft({
        type: 'login',
        title: 'Fake Social',
        favorite: true,
        tags: ['Social'],
        fields: {
          username: 'me@example.test',
          password: 'FAKE-pw-social',
          urls: ['https://social.example.test', 'https://m.social.example.test'],
          totp: 'JBSWY3DPEHPK3PXP',
        },
      }),
      draft({
        type: 'login',
        title: 'Old bank',
        fields: { username: 'bob', password: 'FAKE-pw-bank', urls: ['bank.example.test'] },
        customFields: [{ id: 'f1', label: 'TOTP', kind: 'hidden', value: 'TOTPSEED123' }],
      }),
    ])
    expectSchemaDrafts(result)
  })

  it("gives each item its record's first line", () => {
    expect(result.items.map((item) => item.source.line)).toEqual([2, 3, 7, 8, 9, 10, 13])
    expect(result.skipped).toEqual([
      {
        source: { line: 11 },
        reason: 'only Bitwarden logins and secure notes can be in a CSV export; this row is neither.',
      },
    ])
  })

  it('reads the same items and lines from a CRLF file', () => {
    const crlf = new TextDecoder().decode(fixture('bitwarden.csv')).replace(/\n/g, '\r\n')
    const again = parseImport({ fileName: 'bitwarden.csv', bytes: text(crlf), format: 'bitwarden-csv' })
    expect(again).toEqual(result)
  })

  it('reads the file with a byte order mark', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...fixture('bitwarden.csv')])
    expect(parseImport({ fileName: 'bitwarden.csv', bytes: bom, format: 'bitwarden-csv' })).toEqual(result)
  })

  it('turns organization collections into tags', () => {
    const org = parseFixture('bitwarden-org.csv', 'bitwarden-csv')
    expect(org.items.map((item) => [item.draft.type, item.draft.tags])).toEqual([
      ['login', ['Social', 'Marketing']],
      ['note', ['Finance']],
    ])
  })

  it('refuses a CSV without the Bitwarden columns, naming the header line', () => {
    const bytes = text('name,url,username,password\nx,https://x.example.test,u,FAKE-pw-wrong-header\n')
    expectInvalid(() => parseImport({ fileName: 'wrong.csv', bytes, format: 'bitwarden-csv' }), 'wrong.csv', 'line 1', [
      'FAKE-pw-wrong-header',
    ])
  })
})
