/** The password health report: each category, grouping, what is left out, and that it carries no secret. */
import { describe, expect, it } from 'vitest'
import { type HealthInput, healthReport, OLD_PASSWORD_AGE_MS } from '../../../src-main/health/health-report.ts'
import { siteOf } from '../../../src-main/health/site.ts'
import type { ItemContent } from '../../../src-shared/domain/item.ts'

const NOW = Date.UTC(2026, 10, 22)
const DAY = 24 * 60 * 60 * 1000
const STRONG = 'vK7#pQ2!xL9@mZ4$'
const STRONG_2 = 'fjordWaltzVexingQuickly42'

interface LoginSpec {
  readonly password?: string
  readonly username?: string
  readonly urls?: string[]
  readonly totp?: string
  readonly title?: string
  readonly trashed?: boolean
  readonly changedAt?: number | null
}

function login(id: string, spec: LoginSpec = {}): HealthInput {
  const content: ItemContent = {
    type: 'login',
    title: spec.title ?? `Login ${id}`,
    favorite: false,
    tags: [],
    notes: '',
    customFields: [],
    fields: {
      username: spec.username ?? '',
      password: spec.password ?? '',
      urls: spec.urls ?? [],
      totp: spec.totp ?? '',
    },
    v: 1,
    createdAt: NOW - DAY,
    updatedAt: NOW - DAY,
    trashedAt: spec.trashed ? NOW - DAY : null,
  }
  return { id, content, passwordChangedAt: spec.changedAt === undefined ? NOW - DAY : spec.changedAt }
}

function card(id: string, pin: string): HealthInput {
  const fields = { cardholder: 'Ada', brand: 'Visa', number: '4111111111111111', expiry: '', securityCode: '', pin }
  const content: ItemContent = {
    type: 'card',
    title: `Card ${id}`,
    favorite: false,
    tags: [],
    notes: '',
    customFields: [],
    fields,
    v: 1,
    createdAt: NOW,
    updatedAt: NOW,
    trashedAt: null,
  }
  return { id, content, passwordChangedAt: null }
}

describe('weak passwords', () => {
  it('lists logins whose password scores below 3, with the score', async () => {
    const report = await healthReport(
      [login('a', { password: 'password' }), login('b', { password: STRONG }), login('c', { password: 'hunter2' })],
      NOW,
    )
    expect(report.weak).toEqual([
      { id: 'a', score: 0 },
      { id: 'c', score: 1 },
    ])
    expect(report.counts.weak).toBe(2)
  })

  it('counts the username and the site name as guessable', async () => {
    const report = await healthReport(
      [
        login('user', { password: 'zorblax9q2024', username: 'zorblax9q' }),
        login('site', { password: 'zorblax9q2024', urls: ['https://www.zorblax9q.com/login'] }),
        login('neither', { password: 'zorblax9q2024', username: 'ada' }),
      ],
      NOW,
    )
    expect(report.weak.map((weak) => weak.id)).toEqual(['user', 'site'])
  })

  it('checks neither empty passwords nor other types (a card PIN of 1234)', async () => {
    const report = await healthReport([login('empty', { username: 'ada' }), card('card', '1234')], NOW)
    expect(report.weak).toEqual([])
    expect(report.counts.total).toBe(2)
  })

  it('passes only the user inputs found in the password, so reuse across sites and usernames hits the cache', async () => {
    const calls: [string, readonly string[]][] = []
    const estimate = (password: string, inputs: readonly string[]) => {
      calls.push([password, inputs])
      return 4 as const
    }
    const items = [
      login('a', { password: STRONG, username: 'ada', urls: ['https://one.example'] }),
      login('b', { password: STRONG, username: 'grace', urls: ['https://two.example'] }),
      login('c', {
        password: 'Kx9-GRACE-two',
        username: 'Grace',
        urls: ['https://owt.example', 'https://two.example'],
      }),
    ]
    await healthReport(items, NOW, { estimate })
    expect(calls).toEqual([
      [STRONG, []],
      ['Kx9-GRACE-two', ['grace', 'owt', 'two']],
    ])
  })

  it('estimates each password once per report, however often it is reused', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) =>
      login(`i${i}`, { password: `pw-${i % 50}`, username: 'ada' }),
    )
    const seen: string[] = []
    const started = performance.now()
    const report = await healthReport(items, NOW, {
      estimate: (password) => {
        seen.push(password)
        return 1
      },
    })
    console.log(`10,000 logins, 50 passwords: ${(performance.now() - started).toFixed(0)} ms without the estimator`)
    expect(seen).toHaveLength(50)
    expect(report.counts.weak).toBe(10_000)
    expect(report.reused).toHaveLength(50)
  })
})

describe('reused passwords', () => {
  it('groups the logins that share a password, in input order', async () => {
    const report = await healthReport(
      [
        login('a', { password: STRONG }),
        login('b', { password: STRONG_2 }),
        login('c', { password: 'only-once-Q8#x' }),
        login('d', { password: STRONG }),
        login('e', { password: STRONG_2 }),
        login('f', { password: STRONG }),
      ],
      NOW,
    )
    expect(report.reused).toEqual([{ ids: ['a', 'd', 'f'] }, { ids: ['b', 'e'] }])
    expect(report.counts.reused).toBe(5)
  })

  it('compares passwords exactly and leaves out empty passwords, cards and the trash', async () => {
    const report = await healthReport(
      [
        login('a', { password: STRONG }),
        login('b', { password: STRONG.toLowerCase() }),
        login('c', { password: STRONG, trashed: true }),
        login('d'),
        login('e'),
        card('f', '1234'),
        card('g', '1234'),
      ],
      NOW,
    )
    expect(report.reused).toEqual([])
    expect(report.counts.total).toBe(6)
  })
})

describe('old passwords', () => {
  it('lists passwords unchanged for more than 365 days, with when they changed', async () => {
    const longAgo = NOW - OLD_PASSWORD_AGE_MS - 1
    const report = await healthReport(
      [
        login('old', { password: STRONG, changedAt: longAgo }),
        login('exactly', { password: STRONG_2, changedAt: NOW - OLD_PASSWORD_AGE_MS }),
        login('recent', { password: 'rEcent-pw-77!x', changedAt: NOW - 30 * DAY }),
        login('unknown', { password: 'unKnown-pw-88!y', changedAt: null }),
        login('empty', { changedAt: longAgo }),
      ],
      NOW,
    )
    expect(OLD_PASSWORD_AGE_MS).toBe(365 * DAY)
    expect(report.old).toEqual([{ id: 'old', changedAt: longAgo }])
    expect(report.counts.old).toBe(1)
  })
})

describe('logins without TOTP', () => {
  it('lists logins with a password and a URL but no TOTP seed', async () => {
    const url = ['https://example.org']
    const report = await healthReport(
      [
        login('bare', { password: STRONG, urls: url }),
        login('totp', { password: STRONG, urls: url, totp: 'JBSWY3DPEHPK3PXP' }),
        login('no-url', { password: STRONG }),
        login('blank-url', { password: STRONG, urls: ['  '] }),
        login('no-password', { urls: url }),
      ],
      NOW,
    )
    expect(report.noTotp).toEqual([{ id: 'bare' }])
    expect(report.counts.noTotp).toBe(1)
  })
})

describe('duplicate items', () => {
  it('groups logins with the same site, username and password', async () => {
    const report = await healthReport(
      [
        login('a', { password: STRONG, username: 'ada', urls: ['https://github.com/login'] }),
        login('b', { password: STRONG, username: 'ADA ', urls: ['www.github.com'] }),
        login('c', { password: STRONG, username: 'ada', urls: ['https://gist.github.com'] }),
        login('other-user', { password: STRONG, username: 'grace', urls: ['https://github.com'] }),
        login('other-password', { password: STRONG_2, username: 'ada', urls: ['https://github.com'] }),
        login('other-site', { password: STRONG, username: 'ada', urls: ['https://gitlab.com'] }),
        login('no-url', { password: STRONG, username: 'ada' }),
      ],
      NOW,
    )
    expect(report.duplicates).toEqual([{ ids: ['a', 'b', 'c'] }])
    expect(report.counts.duplicates).toBe(3)
    // They all reuse one password as well.
    expect(report.reused).toEqual([{ ids: ['a', 'b', 'c', 'other-user', 'other-site', 'no-url'] }])
  })

  it('joins items linked through any of their URLs into one group', async () => {
    const report = await healthReport(
      [
        login('x', { password: STRONG, username: 'ada', urls: ['https://example.co.uk'] }),
        login('y', { password: STRONG, username: 'ada', urls: ['https://other.co.uk'] }),
        login('xy', { password: STRONG, username: 'ada', urls: ['https://shop.other.co.uk', 'example.co.uk:8443/x'] }),
        login('z', { password: STRONG_2, username: 'ada', urls: ['https://example.co.uk'] }),
      ],
      NOW,
    )
    expect(report.duplicates).toEqual([{ ids: ['x', 'y', 'xy'] }])
  })
})

describe('the report as a whole', () => {
  it('counts the items checked, leaving out the trash', async () => {
    const report = await healthReport(
      [login('a', { password: 'password', trashed: true }), login('b'), card('c', '0000')],
      NOW,
    )
    expect(report.checkedAt).toBe(NOW)
    expect(report.counts).toEqual({ weak: 0, reused: 0, old: 0, noTotp: 0, duplicates: 0, total: 2 })
  })

  it('holds ids, scores and times only: no password, username, title or URL', async () => {
    const secrets = {
      password: 'hunter2-Sekrit',
      username: 'ada.lovelace.user',
      url: 'https://private-bank.example',
      title: 'My Private Bank',
    }
    const items = [
      login('id-1', { ...secrets, urls: [secrets.url], changedAt: NOW - 2 * OLD_PASSWORD_AGE_MS }),
      login('id-2', { ...secrets, urls: [secrets.url], changedAt: NOW - 2 * OLD_PASSWORD_AGE_MS }),
      login('id-3', { password: 'password', title: 'Weak Thing', username: 'weak.user' }),
    ]
    const report = await healthReport(items, NOW)
    expect(report.counts).toMatchObject({ weak: 1, reused: 2, old: 2, noTotp: 2, duplicates: 2 })
    const json = JSON.stringify(report)
    for (const value of [
      ...Object.values(secrets),
      'private-bank',
      'hunter2',
      'Weak Thing',
      'weak.user',
      '"password"',
    ]) {
      expect(json).not.toContain(value)
    }
    expect([...objectKeys(report)].sort()).toEqual([
      'changedAt',
      'checkedAt',
      'counts',
      'duplicates',
      'id',
      'ids',
      'noTotp',
      'old',
      'reused',
      'score',
      'total',
      'weak',
    ])
  })
})

/** Every property name in a JSON value, at any depth. */
function objectKeys(value: unknown, keys = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const element of value) objectKeys(element, keys)
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      keys.add(key)
      objectKeys(inner, keys)
    }
  }
  return keys
}

describe('siteOf', () => {
  it.each([
    ['https://www.GitHub.com/login', 'github.com'],
    ['gist.github.com', 'github.com'],
    ['https://accounts.google.com:443/x?y', 'google.com'],
    ['https://www.bbc.co.uk', 'bbc.co.uk'],
    ['login.example.com.au', 'example.com.au'],
    ['https://example.de.', 'example.de'],
    ['http://192.168.1.10:8080/admin', '192.168.1.10'],
    ['http://[::1]:3000', '[::1]'],
    ['localhost:5173', 'localhost'],
    ['android://hash@com.example.app/', 'example.app'],
    ['mailto:ada@example.org', ''],
    ['not a url', ''],
    ['   ', ''],
  ])('%s is %s', (url, site) => {
    expect(siteOf(url)).toBe(site)
  })
})
