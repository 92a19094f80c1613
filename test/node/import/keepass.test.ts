import { describe, expect, it } from 'vitest'
import { parseImport } from '../../../src-main/import/index.ts'
import { draft, expectInvalid, expectSchemaDrafts, fixture, parseFixture, text } from './support.ts'

const FAKE_MAIL_TOTP = 'otpauth://totp/Fake:alice?secret=JBSWY3DPEHPK3PXP&period=30&digits=6'

describe('KeePass 2 XML', () => {
  const result = parseFixture('keepass.xml', 'keepass-xml')

  it('maps entries with group tags, protected values, extra URLs, TOTP and custom strings', () => {
    expect(result.items.map((item) => item.draft)).toEqual([
      draft({
        type: 'login',
        title: 'Root Entry, "quoted"',
        tags: ['fake', 'demo'],
        notes: 'Line one & more\nLine "two", <three>',
        fields: {
          username: 'root-user',
          password: 'FAKE-pw-<root>&"q"',
          urls: ['https://root.example.test', 'https://alt.example.test', 'https://alt2.example.test'],
          totp: 'otpauth://totp/Fake:root?secret=JBSWY3DPEHPK3PXP&issuer=Fake',
        },
        customFields: [
          { id: 'f1', label: 'Customer ID', kind: 'text', value: 'CUST-0001' },
          { id: 'f2', label: 'Backup PIN', kind: 'hidden', value: 'FAKE-9999' },
        ],
      }),
      draft({
        type: 'login',
        title: 'mail.example.test',
        tags: ['Work/Email'],
        notes: 'שלום עולם',
        fields: {
          username: '用户 🔐',
          password: 'FAKE-pw-メール',
          urls: ['https://mail.example.test/login'],
          totp: 'otpauth://totp/TOTP?secret=JBSWY3DPEHPK3PXP&digits=8&algorithm=SHA256',
        },
      }),
      draft({
        type: 'login',
        title: 'Fake Chat',
        tags: ['社交', 'chat', '💬'],
        fields: { username: 'chatter', password: 'FAKE-pw-chat' },
      }),
      draft({
        type: 'login',
        title: 'Fake Chat',
        tags: ['社交', 'chat', '💬'],
        fields: { username: 'chatter', password: 'FAKE-pw-chat' },
      }),
    ])
    expectSchemaDrafts(result)
  })

  it('names entries by group path, keeps UUIDs, and skips the Recycle Bin', () => {
    expect(result.items.map((item) => [item.source.entry, item.sourceId])).toEqual([
      ['Group[0]/Entry[0]', 'ZW50cnlvbmVmYWtlMDAwMA=='],
      ['Group[0]/Group[0]/Group[0]/Entry[0]', 'ZW50cnl0d29mYWtlMDAwMA=='],
      ['Group[0]/Group[1]/Entry[0]', 'ZW50cnl0aHJlZWZha2UwMA=='],
      ['Group[0]/Group[1]/Entry[1]', 'ZW50cnlmb3VyZmFrZTAwMA=='],
    ])
    expect(result.skipped).toEqual([
      { source: { entry: 'Group[0]/Group[2]/Entry[0]' }, reason: 'this entry is in the KeePass Recycle Bin.' },
    ])
  })

  it('imports the Recycle Bin group like any other when the bin is turned off', () => {
    const xml = new TextDecoder()
      .decode(fixture('keepass.xml'))
      .replace('<RecycleBinEnabled>True', '<RecycleBinEnabled>False')
    const off = parseImport({ fileName: 'kp.xml', bytes: text(xml), format: 'keepass-xml' })
    expect(off.skipped).toEqual([])
    expect(off.items.at(-1)?.draft.tags).toEqual(['Recycle Bin'])
  })

  it('refuses the encrypted inner XML of a .kdbx, naming the entry', () => {
    const xml = new TextDecoder()
      .decode(fixture('keepass.xml'))
      .replace('<Value ProtectInMemory="True">FAKE-pw-chat', '<Value Protected="True">RkFLRS1jaXBoZXI=')
    const error = expectInvalid(
      () => parseImport({ fileName: 'inner.xml', bytes: text(xml), format: 'keepass-xml' }),
      'inner.xml',
      'entry Group[0]/Group[1]/Entry[0]',
      ['RkFLRS1jaXBoZXI='],
    )
    expect(error.message).toMatch(/KeePass XML \(2\.x\)/)
  })

  it('refuses XML that is not a KeePass export', () => {
    expectInvalid(
      () =>
        parseImport({ fileName: 'x.xml', bytes: text('<Other><A>FAKE-secret-x</A></Other>'), format: 'keepass-xml' }),
      'x.xml',
      'entry KeePassFile/Root',
      ['FAKE-secret-x'],
    )
  })

  it('refuses a truncated file, naming the line', () => {
    const whole = new TextDecoder().decode(fixture('keepass.xml'))
    const cut = whole.slice(0, whole.indexOf('FAKE-pw-メール') + 5)
    expectInvalid(
      () => parseImport({ fileName: 'cut.xml', bytes: text(cut), format: 'keepass-xml' }),
      'cut.xml',
      'line ',
      ['FAKE-pw-メール', 'FAKE-9999'],
    )
  })
})

describe('KeePassXC CSV', () => {
  const result = parseFixture('keepassxc.csv', 'keepassxc-csv')

  it('maps rows to logins with the group path (without the root) as a tag', () => {
    expect(result.items.map((item) => item.draft)).toEqual([
      draft({
        type: 'login',
        title: 'Top Level',
        fields: { username: 'top', password: 'FAKE-pw-top', urls: ['https://top.example.test'] },
      }),
      draft({
        type: 'login',
        title: 'Fake Mail',
        tags: ['Work/Email'],
        notes: 'Multi\nline "note", with comma',
        fields: {
          username: 'alice',
          password: 'FAKE-pw-"quoted",comma',
          urls: ['https://mail.example.test'],
          totp: FAKE_MAIL_TOTP,
        },
      }),
      draft({
        type: 'login',
        title: '社交.example.test',
        tags: ['社交'],
        notes: 'שלום',
        fields: { username: '用户', password: 'FAKE-pw-社交', urls: ['https://社交.example.test'] },
      }),
      draft({
        type: 'login',
        title: 'Fake Mail',
        tags: ['Work/Email'],
        notes: 'Multi\nline "note", with comma',
        fields: {
          username: 'alice',
          password: 'FAKE-pw-"quoted",comma',
          urls: ['https://mail.example.test'],
          totp: FAKE_MAIL_TOTP,
        },
      }),
      draft({
        type: 'login',
        title: 'Legacy TOTP',
        fields: { username: 'x', password: 'FAKE-pw-x' },
        customFields: [{ id: 'f1', label: 'TOTP', kind: 'hidden', value: 'key=JBSWY3DPEHPK3PXP&step=30' }],
      }),
    ])
    expect(result.items.map((item) => item.source.line)).toEqual([2, 3, 5, 6, 8])
    expectSchemaDrafts(result)
  })

  it('refuses a row with more fields than the header, naming its line and no value', () => {
    const bytes = text(
      '"Group","Title","Username","Password","URL","Notes"\n"Root","A","u","FAKE-pw-ok","",""\n"Root","B","u","FAKE-pw-extra","","","surplus"\n',
    )
    expectInvalid(() => parseImport({ fileName: 'kx.csv', bytes, format: 'keepassxc-csv' }), 'kx.csv', 'line 3', [
      'FAKE-pw-extra',
      'surplus',
    ])
  })
})
