import { describe, expect, it } from 'vitest'
import { parseImport, readGenericCsvColumns } from '../../../src-main/import/index.ts'
import { draft, expectInvalid, expectSchemaDrafts, fixture, parseFixture, text } from './support.ts'

const MAPPING = {
  title: 'Site Name',
  url: 'Login URL',
  username: 'User',
  password: 'Secret',
  notes: 'Comments',
  tags: 'Folder',
}

describe('generic CSV', () => {
  it('follows the mapping; unmapped columns become custom fields; rows without login data become notes', () => {
    const result = parseImport({
      fileName: 'generic.csv',
      bytes: fixture('generic.csv'),
      format: 'generic-csv',
      mapping: MAPPING,
    })
    expect(result.items.map((item) => item.draft)).toEqual([
      draft({
        type: 'login',
        title: 'Fake Forum',
        tags: ['Hobbies'],
        notes: 'Line one\nLine two',
        fields: { username: 'ada', password: 'FAKE-pw-forum', urls: ['https://forum.example.test'] },
        customFields: [{ id: 'f1', label: 'Security Question', kind: 'text', value: "Pet's name?" }],
      }),
      draft({ type: 'note', title: 'Just a note', tags: ['Misc'], notes: 'Only a note here' }),
      draft({
        type: 'login',
        title: 'nameless.example.test',
        fields: { username: 'eve', password: 'FAKE-pw-"eve"', urls: ['https://nameless.example.test'] },
      }),
    ])
    expect(result.items.map((item) => item.source.line)).toEqual([2, 4, 5])
    expectSchemaDrafts(result)
  })

  it('keeps every column it is not told about, matching headers in any case', () => {
    const result = parseImport({
      fileName: 'generic.csv',
      bytes: fixture('generic.csv'),
      format: 'generic-csv',
      mapping: { title: 'site name', password: 'SECRET' },
    })
    expect(result.items[0]?.draft).toEqual(
      draft({
        type: 'login',
        title: 'Fake Forum',
        fields: { password: 'FAKE-pw-forum' },
        customFields: [
          { id: 'f1', label: 'Login URL', kind: 'text', value: 'https://forum.example.test' },
          { id: 'f2', label: 'User', kind: 'text', value: 'ada' },
          { id: 'f3', label: 'Comments', kind: 'text', value: 'Line one\nLine two' },
          { id: 'f4', label: 'Folder', kind: 'text', value: 'Hobbies' },
          { id: 'f5', label: 'Security Question', kind: 'text', value: "Pet's name?" },
        ],
      }),
    )
  })

  it('guesses the columns by common names when there is no mapping', () => {
    const result = parseFixture('generic-guess.csv', 'generic-csv')
    expect(result.items.map((item) => item.draft)).toEqual([
      draft({
        type: 'login',
        title: 'Fake Wiki',
        tags: ['Work/Docs'],
        notes: 'Wiki note',
        fields: {
          username: 'wiki@example.test',
          password: 'FAKE-pw-wiki',
          urls: ['https://wiki.example.test'],
          totp: 'JBSWY3DPEHPK3PXP',
        },
        customFields: [{ id: 'f1', label: 'Extra', kind: 'text', value: 'extra value' }],
      }),
    ])
  })

  it('refuses a mapping that names a column the header lacks, naming the column', () => {
    const error = expectInvalid(
      () =>
        parseImport({
          fileName: 'generic.csv',
          bytes: fixture('generic.csv'),
          format: 'generic-csv',
          mapping: { password: 'Passcode' },
        }),
      'generic.csv',
      'line 1',
      ['FAKE-pw-forum'],
    )
    expect(error.message).toContain('"Passcode"')
  })

  it('refuses a file where no column could be guessed', () => {
    const bytes = text('alpha,beta\nFAKE-secret-a,FAKE-secret-b\n')
    expectInvalid(() => parseImport({ fileName: 'odd.csv', bytes, format: 'generic-csv' }), 'odd.csv', 'line 1', [
      'FAKE-secret-a',
    ])
  })

  it('refuses one column mapped to two fields, naming both', () => {
    const error = expectInvalid(
      () =>
        parseImport({
          fileName: 'generic.csv',
          bytes: fixture('generic.csv'),
          format: 'generic-csv',
          mapping: { username: 'User', password: ' user ' },
        }),
      'generic.csv',
      'line 1',
      ['FAKE-pw-forum', 'ada'],
    )
    expect(error.message).toContain('"user" for both username and password')
  })

  it('takes a mapping with nothing mapped: every row a note, every column a custom field', () => {
    const bytes = text('alpha,beta\nFAKE-secret-a,FAKE-secret-b\n')
    const result = parseImport({ fileName: 'odd.csv', bytes, format: 'generic-csv', mapping: {} })
    expect(result.items.map((item) => item.draft.type)).toEqual(['note'])
    expect(result.items[0]?.draft.customFields?.map((field) => field.label)).toEqual(['alpha', 'beta'])
  })
})

describe('generic CSV columns for the mapping step', () => {
  it('lists the header and the guess, never a cell', () => {
    const found = readGenericCsvColumns('generic-guess.csv', fixture('generic-guess.csv'))
    expect(found).toEqual({
      columns: ['Name', 'Website', 'Email', 'Password', 'Notes', 'TOTP', 'Group', 'Extra'],
      guessed: {
        title: 'Name',
        username: 'Email',
        password: 'Password',
        url: 'Website',
        notes: 'Notes',
        totp: 'TOTP',
        tags: 'Group',
      },
    })
    expect(JSON.stringify(found)).not.toContain('FAKE-pw-wiki')
  })

  it('names the guessed columns as the header has them, and parsing with the guess gives what guessing gives', () => {
    const found = readGenericCsvColumns('generic.csv', fixture('generic.csv'))
    expect(found.columns).toEqual([
      'Site Name',
      'Login URL',
      'User',
      'Secret',
      'Comments',
      'Folder',
      'Security Question',
    ])
    expect(found.guessed).toEqual(MAPPING)
    const guessed = parseFixture('generic-guess.csv', 'generic-csv')
    const mapped = parseImport({
      fileName: 'generic-guess.csv',
      bytes: fixture('generic-guess.csv'),
      format: 'generic-csv',
      mapping: readGenericCsvColumns('generic-guess.csv', fixture('generic-guess.csv')).guessed,
    })
    expect(mapped).toEqual(guessed)
  })

  it('lists a repeated or empty header name once or not at all, and never refuses for lack of a guess', () => {
    const found = readGenericCsvColumns('odd.csv', text('alpha,,Alpha,beta\nFAKE-a,FAKE-b,FAKE-c,FAKE-d\n'))
    expect(found).toEqual({ columns: ['alpha', 'beta'], guessed: {} })
    const partly = readGenericCsvColumns('partly.csv', text('Login,Passcode,Memo\nada,FAKE-x,y\n'))
    expect(partly.guessed).toEqual({ username: 'Login' })
  })

  it('refuses broken CSV and a header too wide or too long to list, never quoting a cell', () => {
    expectInvalid(() => readGenericCsvColumns('bad.csv', text('a,b\n"FAKE-open,x\n')), 'bad.csv', 'line 2', [
      'FAKE-open',
    ])
    const wide = Array.from({ length: 501 }, (_, index) => `c${index}`).join(',')
    expectInvalid(() => readGenericCsvColumns('wide.csv', text(`${wide}\n`)), 'wide.csv', 'line 1')
    const long = `${'x'.repeat(201)},b\nFAKE-long,y\n`
    expectInvalid(() => readGenericCsvColumns('long.csv', text(long)), 'long.csv', 'line 1', ['FAKE-long'])
  })
})
