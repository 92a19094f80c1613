/** Sample backup payloads: several item types, history, tags, unicode. */
import type { BackupPayload } from '../../../src-main/backup/index.ts'
import { KDF_FLOOR } from '../../../src-main/crypto/index.ts'
import type { ItemContent } from '../../../src-shared/domain/item.ts'

/** The floor: the cheapest cost the app accepts, so tests stay quick. */
export const FLOOR_COST = { memlimitBytes: KDF_FLOOR.memlimitBytes, opslimit: KDF_FLOOR.opslimit }
export const BACKUP_PASSWORD = 'stone ledger \u00e9clair 17 \ufb01ord'

const T0 = 1_700_000_000_000

export function login(title: string, password: string, overrides: Partial<ItemContent> = {}): ItemContent {
  return {
    type: 'login',
    title,
    favorite: false,
    tags: [],
    notes: '',
    customFields: [],
    fields: { username: 'ada@example.org', password, urls: ['https://example.org/login'], totp: '' },
    v: 1,
    createdAt: T0,
    updatedAt: T0,
    trashedAt: null,
    ...overrides,
  } as ItemContent
}

export function note(title: string, notes: string, overrides: Partial<ItemContent> = {}): ItemContent {
  return {
    type: 'note',
    title,
    favorite: false,
    tags: [],
    notes,
    customFields: [],
    fields: {},
    v: 1,
    createdAt: T0,
    updatedAt: T0,
    trashedAt: null,
    ...overrides,
  } as ItemContent
}

function card(): ItemContent {
  return {
    type: 'card',
    title: 'Visa \u2022 Caf\u00e9 R\u00e9serve',
    favorite: true,
    tags: ['money', 'travel'],
    notes: '',
    customFields: [{ id: 'c1', label: 'Bank phone', kind: 'text', value: '+33 1 23 45 67 89' }],
    fields: {
      cardholder: 'Zo\u00eb \u00c5str\u00f6m',
      brand: 'Visa',
      number: '4242424242424242',
      expiry: '12/2030',
      securityCode: '123',
      pin: '0000',
    },
    v: 1,
    createdAt: T0,
    updatedAt: T0 + 5,
    trashedAt: null,
  }
}

/** Four items; the GitHub login has three revisions, the note two (the last in the trash). */
export function samplePayload(): BackupPayload {
  const github = [
    login('GitHub', 'first-p4ss', { tags: ['dev'] }),
    login('GitHub', 'second-p4ss', { tags: ['dev', 'work'], updatedAt: T0 + 1000 }),
    login('GitHub \ud83d\udc19', 'third-p\u00e4ss-\u5bc6\u7801', {
      tags: ['dev', 'work', '\u4ed5\u4e8b'],
      updatedAt: T0 + 2000,
    }),
  ]
  return {
    createdAt: T0 + 10_000,
    app: 'Vault 0.8.0 (test)',
    items: [
      { id: '7f1c7a52-2c55-4c57-9d4c-0e9b0b1f0a01', revisions: github.map(revision(1)) },
      {
        id: '7f1c7a52-2c55-4c57-9d4c-0e9b0b1f0a02',
        revisions: [
          note('\u65e5\u8a18 \u2014 diary', 'Line one\nLine two \u2603\ufe0f', { tags: ['personal'] }),
          note('\u65e5\u8a18 \u2014 diary', 'Line one', { tags: ['personal'], trashedAt: T0 + 3000 }),
        ].map(revision(4)),
      },
      { id: '7f1c7a52-2c55-4c57-9d4c-0e9b0b1f0a03', revisions: [card()].map(revision(1)) },
      {
        id: '7f1c7a52-2c55-4c57-9d4c-0e9b0b1f0a04',
        revisions: [login('\u0645\u062b\u0627\u0644', '')].map(revision(9)),
      },
    ],
  }
}

/** Revisions numbered from `first`, saved one second apart. */
function revision(first: number) {
  return (content: ItemContent, index: number) => ({ revision: first + index, savedAt: T0 + index * 1000, content })
}
