import { describe, expect, it } from 'vitest'
import { type ImportFormat, MAX_IMPORT_BYTES, parseImport } from '../../../src-main/import/index.ts'
import { expectCode } from '../support/expect-code.ts'
import { expectInvalid, fixture, text } from './support.ts'

const parse = (fileName: string, value: string | Uint8Array, format: ImportFormat) =>
  parseImport({ fileName, bytes: typeof value === 'string' ? text(value) : value, format })

const CSV_FORMATS: readonly [ImportFormat, string][] = [
  ['bitwarden-csv', 'bitwarden.csv'],
  ['1password-csv', '1password.csv'],
  ['keepassxc-csv', 'keepassxc.csv'],
  ['chrome-csv', 'chrome.csv'],
  ['firefox-csv', 'firefox.csv'],
  ['generic-csv', 'generic-guess.csv'],
]

/** A Latin-1 "é" (0xE9): not UTF-8. */
function withLatin1(source: string, line: number): Uint8Array {
  const lines = source.split('\n')
  const bytes: number[] = []
  lines.forEach((content, index) => {
    bytes.push(...text(content))
    if (index === line - 1) bytes.push(0xe9)
    if (index < lines.length - 1) bytes.push(0x0a)
  })
  return new Uint8Array(bytes)
}

describe('every import', () => {
  it('refuses a format it does not read with IMPORT_UNSUPPORTED', () => {
    const error = expectCode(() => parse('x.kdbx', 'x', 'kdbx' as ImportFormat), 'IMPORT_UNSUPPORTED')
    expect(error.message).toContain('"x.kdbx"')
  })

  it('refuses a file over 64 MiB before reading it', () => {
    const error = expectCode(
      () => parse('huge.csv', new Uint8Array(MAX_IMPORT_BYTES + 1), 'chrome-csv'),
      'IMPORT_INVALID',
    )
    expect(error.message).toMatch(/"huge\.csv".*64 MiB/)
  })

  it('names the file by its last path segment only', () => {
    const error = expectCode(() => parse('/home/alice/Downloads/x.csv', 'a,b\n', 'chrome-csv'), 'IMPORT_INVALID')
    expect(error.message).toContain('"x.csv"')
    expect(error.message).not.toContain('alice')
  })

  it('refuses more than 100,000 entries', () => {
    const csv = `name,url,username,password\n${'x,,u,FAKE-pw\n'.repeat(100_001)}`
    expectInvalid(() => parse('many.csv', csv, 'chrome-csv'), 'many.csv', '100000', ['FAKE-pw'])
    const json = `{"encrypted":false,"items":[${Array(100_001).fill('{}').join(',')}]}`
    expectInvalid(() => parse('many.json', json, 'bitwarden-json'), 'many.json', '100000')
  })

  it('refuses UTF-16 text, saying so', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...text('n\0a\0')])
    expect(expectInvalid(() => parse('u16.csv', bytes, 'chrome-csv'), 'u16.csv', 'UTF-16').message).toContain('UTF-8')
  })
})

describe.each(CSV_FORMATS)('%s', (format, name) => {
  const source = new TextDecoder().decode(fixture(name))

  it('refuses bytes that are not UTF-8, naming the line', () => {
    expectInvalid(() => parse(name, withLatin1(source, 2), format), name, 'line 2', ['FAKE-pw'])
  })

  it('refuses an unterminated quote, naming the line its record starts on', () => {
    const header = source.split('\n')[0] ?? ''
    const row = `a${','.repeat(header.split(',').length - 1)}`
    const broken = [header, row, `"FAKE-pw-open,${row}`, row].join('\n')
    expectInvalid(() => parse(name, broken, format), name, 'line 3', ['FAKE-pw-open'])
  })

  it('refuses a file with only a header and garbage quotes', () => {
    expectInvalid(() => parse(name, `${source.split('\n')[0]}\nab"FAKE-pw-quote"cd,x\n`, format), name, 'line 2', [
      'FAKE-pw-quote',
    ])
  })

  it('reads a header-only file as no items', () => {
    expect(parse(name, `${source.split('\n')[0]}\n`, format)).toEqual({ format, items: [], skipped: [] })
  })

  it('refuses an empty file', () => {
    expectCode(() => parse(name, '', format), 'IMPORT_INVALID')
  })
})

describe('JSON formats', () => {
  const source = new TextDecoder().decode(fixture('bitwarden.json'))

  it('refuses truncated JSON, saying where it ends and quoting nothing', () => {
    const cut = source.slice(0, source.indexOf('FAKE-pw-alpha') + 8)
    const error = expectInvalid(() => parse('bw.json', cut, 'bitwarden-json'), 'bw.json', 'line ', [
      'FAKE-pw',
      'alice@',
    ])
    expect(error.message).toMatch(/ends too early/)
  })

  it('names the line and column of a syntax error', () => {
    const broken = source.replace('"password": "FAKE-pw-bank"', '"password": "FAKE-pw-bank" oops')
    const line = source.slice(0, source.indexOf('FAKE-pw-bank')).split('\n').length
    expectInvalid(() => parse('bw.json', broken, 'bitwarden-json'), 'bw.json', `line ${line}`, ['FAKE-pw-bank', 'oops'])
  })

  it('names the line of an unexpected token without quoting the text around it', () => {
    const broken = source.replace('"favorite": true,\n      "fields"', '"favorite": FAKE-secret-token,\n      "fields"')
    const line = broken.slice(0, broken.indexOf('FAKE-secret-token')).split('\n').length
    expectInvalid(() => parse('bw.json', broken, 'bitwarden-json'), 'bw.json', `line ${line}`, [
      'FAKE-secret-token',
      'FAKE-pw',
    ])
  })

  it('refuses bytes that are not UTF-8, naming the line', () => {
    expectInvalid(() => parse('bw.json', withLatin1(source, 9), 'bitwarden-json'), 'bw.json', 'line 9', ['FAKE-pw'])
  })

  it('refuses a top level that is not an object, and absurd nesting', () => {
    expectInvalid(() => parse('bw.json', '["FAKE-secret-array"]', 'bitwarden-json'), 'bw.json', 'entry (top level)', [
      'FAKE-secret-array',
    ])
    expectCode(() => parse('deep.json', '['.repeat(200_000), 'bitwarden-json'), 'IMPORT_INVALID')
    expectCode(
      () => parse('deep.json', `${'['.repeat(200_000)}${']'.repeat(200_000)}`, 'bitwarden-json'),
      'IMPORT_INVALID',
    )
  })
})

describe('KeePass XML', () => {
  const source = new TextDecoder().decode(fixture('keepass.xml'))

  it('refuses a billion-laughs entity bomb at once, naming the DTD line', () => {
    const bomb = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE KeePassFile [',
      ' <!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
      ']>',
      '<KeePassFile><Root><Group><Entry><String><Key>Title</Key><Value>&lol9;</Value></String></Entry></Group></Root></KeePassFile>',
    ].join('\n')
    const started = performance.now()
    expectInvalid(() => parse('bomb.xml', bomb, 'keepass-xml'), 'bomb.xml', 'line 2')
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('refuses an external entity (XXE)', () => {
    const xxe = `<?xml version="1.0"?>\n\n<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n${source.slice(source.indexOf('<KeePassFile>')).replace('CUST-0001', '&secret;')}`
    const error = expectInvalid(() => parse('xxe.xml', xxe, 'keepass-xml'), 'xxe.xml', 'line 3', ['root:'])
    expect(error.message).toMatch(/DTD/)
  })

  it('refuses malformed XML, naming the line', () => {
    const broken = source.replace('<Value>CUST-0001</Value>', '<Value>CUST-0001</Valu>')
    const line = source.slice(0, source.indexOf('CUST-0001')).split('\n').length
    expectInvalid(() => parse('kp.xml', broken, 'keepass-xml'), 'kp.xml', `line ${line}`, ['CUST-0001', 'FAKE-pw'])
  })

  it('refuses bytes that are not UTF-8, naming the line', () => {
    expectInvalid(() => parse('kp.xml', withLatin1(source, 30), 'keepass-xml'), 'kp.xml', 'line 30')
  })

  it('refuses absurd nesting', () => {
    const deep = `<KeePassFile><Root>${'<Group>'.repeat(5000)}${'</Group>'.repeat(5000)}</Root></KeePassFile>`
    expectCode(() => parse('deep.xml', deep, 'keepass-xml'), 'IMPORT_INVALID')
  })
})

describe('values that do not fit', () => {
  it('skips an entry whose password is too long, naming the field and not the value', () => {
    const long = `FAKE${'p'.repeat(20_000)}`
    const result = parse(
      'c.csv',
      `name,url,username,password\nBig,https://big.example.test,u,${long}\nOk,,u,FAKE-pw\n`,
      'chrome-csv',
    )
    expect(result.items.map((item) => item.draft.title)).toEqual(['Ok'])
    expect(result.skipped).toHaveLength(1)
    expect(result.skipped[0]?.source).toEqual({ line: 2 })
    expect(result.skipped[0]?.reason).toMatch(/^fields\.password: /)
    expect(result.skipped[0]?.reason).not.toContain('pppp')
  })

  it('moves a custom value too long for a field into the notes, and cuts an overlong title', () => {
    const long = 'x'.repeat(12_000)
    const title = `${'T'.repeat(499)}🔐🔐`
    const result = parse(
      'c.csv',
      `name,url,username,password,note,Big\n${title},,u,FAKE-pw,Note,${long}\n`,
      'chrome-csv',
    )
    const item = result.items[0]?.draft
    expect(item?.customFields).toEqual([])
    expect(item?.notes).toBe(`Note\n\nBig:\n${long}`)
    expect(item?.title).toBe('T'.repeat(499))
  })
})
