import { describe, expect, it } from 'vitest'
import { parseImport } from '../../../src-main/import/index.ts'
import { draft, expectInvalid, expectSchemaDrafts, parseFixture, text } from './support.ts'

describe('Chrome and Edge CSV', () => {
  const result = parseFixture('chrome.csv', 'chrome-csv')

  it('maps every row to a login; a row without a name takes the host', () => {
    const mail = draft({
      type: 'login',
      title: 'mail.example.test',
      notes: 'Line one\nLine two',
      fields: {
        username: 'alice@example.test',
        password: 'FAKE-pw,"chrome"',
        urls: ['https://mail.example.test/login'],
      },
    })
    expect(result.items.map((item) => item.draft)).toEqual([
      mail,
      draft({
        type: 'login',
        title: 'no-name.example.test',
        fields: { username: 'bob', password: 'FAKE-pw-bob', urls: ['https://no-name.example.test'] },
      }),
      draft({
        type: 'login',
        title: '例え.example.test',
        fields: { username: '名前', password: 'FAKE-pw-🔑', urls: ['https://例え.example.test/'] },
      }),
      mail,
    ])
    expect(result.items.map((item) => item.source.line)).toEqual([2, 4, 5, 6])
    expectSchemaDrafts(result)
  })

  it('reads the older four-column export and keeps unknown columns as custom fields', () => {
    const bytes = text(
      'name,url,username,password,Passkey PIN,Comment\nx.example.test,https://x.example.test,u,FAKE-pw,FAKE-pin,hello\n',
    )
    const older = parseImport({ fileName: 'c.csv', bytes, format: 'chrome-csv' })
    expect(older.items[0]?.draft.customFields).toEqual([
      { id: 'f1', label: 'Passkey PIN', kind: 'hidden', value: 'FAKE-pin' },
      { id: 'f2', label: 'Comment', kind: 'text', value: 'hello' },
    ])
  })

  it('refuses a file with the wrong header', () => {
    const bytes = text('"url","username","password"\n"https://x.example.test","u","FAKE-pw-header"\n')
    expectInvalid(() => parseImport({ fileName: 'ff.csv', bytes, format: 'chrome-csv' }), 'ff.csv', 'line 1', [
      'FAKE-pw-header',
    ])
  })
})

describe('Firefox CSV', () => {
  const result = parseFixture('firefox.csv', 'firefox-csv')

  it('maps rows to logins titled by host, with realm and form action kept', () => {
    expect(result.items.map((item) => item.draft)).toEqual([
      draft({
        type: 'login',
        title: 'mail.example.test',
        fields: { username: 'alice@example.test', password: 'FAKE-pw-fox,"x"', urls: ['https://mail.example.test'] },
      }),
      draft({
        type: 'login',
        title: 'intranet.example.test',
        fields: { username: 'bob', password: 'FAKE-pw-realm', urls: ['https://intranet.example.test'] },
        customFields: [{ id: 'f1', label: 'HTTP realm', kind: 'text', value: 'Intranet Realm' }],
      }),
      draft({
        type: 'login',
        title: 'shop.example.test',
        fields: { username: 'カスタマー', password: 'FAKE-pw-ショップ', urls: ['https://shop.example.test'] },
        customFields: [{ id: 'f1', label: 'Form action', kind: 'url', value: 'https://login.shop.example.test' }],
      }),
    ])
    expect(result.items.map((item) => [item.source.line, item.sourceId])).toEqual([
      [2, '{11111111-1111-4111-8111-111111111111}'],
      [3, '{22222222-2222-4222-8222-222222222222}'],
      [4, '{33333333-3333-4333-8333-333333333333}'],
    ])
    expectSchemaDrafts(result)
  })
})
