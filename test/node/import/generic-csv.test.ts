import { describe, expect, it } from 'vitest'
import { parseImport } from '../../../src-main/import/index.ts'
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
})
