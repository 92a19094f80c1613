/** Items and a render helper shared by the vault workspace tests. */
import { render } from '@testing-library/react'
import { vi } from 'vitest'
import { VaultClientContext } from '../../src-renderer/src/api/use-vault-client.ts'
import { createVaultClient } from '../../src-renderer/src/api/vault-client.ts'
import { type Session, SessionContext } from '../../src-renderer/src/app/session.ts'
import { IS_MAC } from '../../src-renderer/src/features/vault/model/platform.ts'
import { VaultWorkspace } from '../../src-renderer/src/features/vault/VaultWorkspace.tsx'
import { ok, type StubVault, stubVault } from './support/stub-vault.ts'

export const IDS = {
  github: '0b6f9d52-6a43-4f7e-9a57-1f0c3c1f1a01',
  google: '0b6f9d52-6a43-4f7e-9a57-1f0c3c1f1a02',
  visa: '0b6f9d52-6a43-4f7e-9a57-1f0c3c1f1a03',
} as const

const summary = (id: string, type: string, title: string, subtitle: string) => ({
  id,
  type,
  title,
  subtitle,
  urls: [],
  tags: [],
  favorite: false,
  hasTotp: type === 'login',
  updatedAt: 1_700_000_000_000,
  trashedAt: null,
})

export const SUMMARIES = [
  summary(IDS.github, 'login', 'GitHub', 'ada@example.org'),
  summary(IDS.google, 'login', 'Google', 'ada@gmail.com'),
  summary(IDS.visa, 'card', 'Visa', 'Visa •••• 1111'),
]

/** GitHub as main presents it: the password, TOTP seed and hidden custom field are names only. */
export const GITHUB_VIEW = {
  id: IDS.github,
  vaultId: 'vault-1',
  revision: 3,
  type: 'login',
  title: 'GitHub',
  favorite: false,
  tags: ['work'],
  notes: '',
  fields: { username: 'ada@example.org', urls: ['https://github.com'] },
  secretFields: ['password', 'totp', 'custom:rc'],
  customFields: [
    { id: 'rc', label: 'Recovery code', kind: 'hidden', value: '' },
    { id: 'acct', label: 'Account', kind: 'text', value: '42' },
  ],
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
  trashedAt: null,
}

const viewOf = (id: string) => ({ ...GITHUB_VIEW, id, title: SUMMARIES.find((item) => item.id === id)?.title ?? '' })

const FACETS = {
  all: 3,
  favorites: 0,
  trash: 0,
  types: { login: 2, note: 0, card: 1, identity: 0, sshKey: 0, apiCredential: 0 },
  tags: [{ name: 'work', count: 1 }],
}

/** A vault with the three items; overrides replace single methods. */
export function stubItemsVault(overrides: Parameters<typeof stubVault>[0] = {}): StubVault {
  return stubVault({
    listItems: async () => ok({ items: SUMMARIES, total: SUMMARIES.length }),
    getFacets: async () => ok(FACETS),
    getItem: async (request: never) => ok(viewOf((request as { id: string }).id)),
    getTotp: async () => ok({ code: '123456', secondsLeft: 20, period: 30, digits: 6 }),
    copyField: async () => ok({ clearsAt: Date.now() + 30_000 }),
    updateItem: async () => ok({ ...GITHUB_VIEW, revision: 4 }),
    ...overrides,
  })
}

export function renderWorkspace(vault: StubVault) {
  const session: Session = {
    accountId: 'ABC234',
    email: 'ada@example.org',
    lock: vi.fn(async () => {}),
    markLocked: vi.fn(),
  }
  const result = render(
    <VaultClientContext.Provider value={createVaultClient(vault as never)}>
      <SessionContext.Provider value={session}>
        <VaultWorkspace />
      </SessionContext.Provider>
    </VaultClientContext.Provider>,
  )
  return { ...result, session }
}

/** The platform's command key, as the workspace reads it. */
export const MOD = IS_MAC ? { metaKey: true } : { ctrlKey: true }
