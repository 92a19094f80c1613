/** Items through the command line: every type, reading, editing, the trash and history, with JSON output. */
import { Secret, TOTP } from 'otpauth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requireTestKeyring } from '../keychain/test-keyring.ts'
import { type CliVault, createVault, expectNoSecretIn, guardCommandLines, PASSWORD, succeeds } from './support.ts'

const TOTP_SEED = 'JBSWY3DPEHPK3PXPJBSWY3DP'
const CARD_NUMBER = '4111111111111111'
const API_TOKEN = 'tok_live_5f2b9e0c8d7a6b5c'
const NOTE_TEXT = 'the safe code is 7-3-9'
const HIDDEN_VALUE = 'recovery-9f8e7d'
const secrets = [PASSWORD, TOTP_SEED, CARD_NUMBER, API_TOKEN, NOTE_TEXT, HIDDEN_VALUE]
guardCommandLines(secrets)

let vault: CliVault & { secretKey: string }
const ids: Record<string, string> = {}

beforeAll(async () => {
  requireTestKeyring()
  vault = await createVault()
  secrets.push(vault.secretKey)
})
afterAll(() => {
  vault?.cleanup()
})

function ok(args: readonly string[], ...stdin: string[]): Promise<string> {
  return succeeds(vault, args, ...stdin)
}

async function add(key: string, args: readonly string[], doc?: object): Promise<string> {
  const stdout =
    doc === undefined ? await ok(['add', ...args]) : await ok(['add', ...args, '--json'], JSON.stringify(doc))
  ids[key] = stdout.trim()
  expect(ids[key]).toMatch(/^[0-9a-f-]{36}$/)
  return ids[key] as string
}

describe('adding every type', () => {
  it('adds a login with a generated password, a TOTP seed, a custom field and a hidden one', async () => {
    const doc = {
      fields: { totp: TOTP_SEED },
      customFields: [{ id: 'rec', label: 'Recovery', kind: 'hidden', value: HIDDEN_VALUE }],
    }
    const args = ['login', '--title', 'GitHub', '--username', 'ada', '--url', 'https://github.com', '--tag', 'work']
    const result = await vault.run(
      ['add', ...args, '--custom', 'Account=42', '--favorite', '--generate-password', '--length', '24', '--json'],
      JSON.stringify(doc),
    )
    expect(result.code).toBe(0)
    ids.login = result.stdout.trim()
    expect(result.stderr).toMatch(/Generated a new password \(\d+\.\d bits of entropy\) as the password;/)
    const password = await ok(['get', 'GitHub', 'password'])
    expect(password).toMatch(/^.{24}\n$/)
    secrets.push(password.trim())
    expectNoSecretIn(result.stderr, [password.trim()])
  })

  it('adds a note, a card, an identity, an SSH key and an API credential', async () => {
    await add('note', ['note', '--title', 'Safe'], { notes: NOTE_TEXT })
    await add('card', ['card', '--title', 'Visa', '--field', 'cardholder=Ada Lovelace', '--field', 'expiry=12/2030'], {
      fields: { number: CARD_NUMBER, securityCode: '123', pin: '4321' },
    })
    await add('identity', ['identity', '--title', 'Me', '--field', 'firstName=Ada', '--field', 'lastName=Lovelace'])
    await add('sshKey', ['sshKey', '--title', 'Deploy key', '--generate-ssh-key'])
    await add('api', ['apiCredential', '--title', 'Stripe', '--username', 'ada', '--url', 'https://api.stripe.com'], {
      fields: { credential: API_TOKEN },
    })
    const list = JSON.parse(await ok(['list', '--json'])) as { type: string; title: string; subtitle: string }[]
    expect(list.map((item) => item.type).sort()).toEqual([
      'apiCredential',
      'card',
      'identity',
      'login',
      'note',
      'sshKey',
    ])
    expect(list.find((item) => item.title === 'Me')?.subtitle).toBe('Ada Lovelace')
    expect(list.find((item) => item.title === 'Visa')?.subtitle).toBe('•••• 1111')
    const privateKey = await ok(['get', 'Deploy key', 'privateKey'])
    expect(privateKey).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----\n[\s\S]+-----END OPENSSH PRIVATE KEY-----\n\n?$/)
    expect(await ok(['get', 'Deploy key', 'publicKey'])).toMatch(/^ssh-ed25519 AAAA/)
  })

  it('refuses a secret given as an argument, without echoing it', async () => {
    const result = await vault.run(['add', 'login', '--title', 'Leak', '--field', 'password=hunter2-leak'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--prompt password')
    expect(result.stderr).not.toContain('hunter2-leak')
    const invalid = await vault.run(['add', 'login', '--title', 'Bad', '--json'], '{"fields":{"totp":"not base32!"}}')
    expect(invalid.code).toBe(6)
    expect(invalid.stderr).toContain('INVALID_TOTP')
    expect(invalid.stderr).not.toContain('not base32!')
  })
})

describe('reading', () => {
  it('lists, filters and searches without secrets', async () => {
    const table = await ok(['list'])
    expect(table.split('\n')[0]).toMatch(/^ID\s+TYPE\s+TITLE\s+DETAILS\s+TAGS$/)
    expect(table).toContain('GitHub ★')
    expectNoSecretIn(table, secrets)
    const logins = JSON.parse(await ok(['list', '--type', 'login', '--json'])) as { title: string }[]
    expect(logins.map((item) => item.title)).toEqual(['GitHub'])
    const tagged = JSON.parse(await ok(['list', '--tag', 'work', '--favorites', '--json'])) as { title: string }[]
    expect(tagged.map((item) => item.title)).toEqual(['GitHub'])
    const found = JSON.parse(await ok(['search', 'lovelace', '--json'])) as { title: string }[]
    expect(found.map((item) => item.title).sort()).toEqual(['Me', 'Visa'])
    // Secrets are not searched (a fragment here: whole secrets never go on a command line).
    expect(await ok(['search', HIDDEN_VALUE.slice(-6)])).toBe('')
  })

  it('masks secrets in show unless --reveal', async () => {
    const masked = await ok(['show', 'visa'])
    expect(masked).toMatch(/Number:\s+••••••••/)
    expect(masked).toMatch(/Cardholder:\s+Ada Lovelace/)
    expectNoSecretIn(masked, [CARD_NUMBER, '4321'])
    const view = JSON.parse(await ok(['show', 'Visa', '--json']))
    expect(view.secretFields).toEqual(['number', 'securityCode', 'pin'])
    expectNoSecretIn(JSON.stringify(view), [CARD_NUMBER])
    const revealed = JSON.parse(await ok(['show', 'Visa', '--json', '--reveal']))
    expect(revealed.secrets).toEqual({ number: CARD_NUMBER, securityCode: '123', pin: '4321' })
    expect(await ok(['show', 'Visa', '--reveal'])).toMatch(new RegExp(`Number:\\s+${CARD_NUMBER}`))
  })

  it('gets single fields for scripts: secrets, custom fields, notes and plain fields', async () => {
    expect(await ok(['get', 'Stripe', 'credential'])).toBe(`${API_TOKEN}\n`)
    expect(await ok(['get', 'GitHub', 'custom:rec'])).toBe(`${HIDDEN_VALUE}\n`)
    expect(await ok(['get', 'GitHub', 'custom:Recovery'])).toBe(`${HIDDEN_VALUE}\n`)
    expect(await ok(['get', 'GitHub', 'username'])).toBe('ada\n')
    expect(await ok(['get', 'GitHub', 'urls'])).toBe('https://github.com\n')
    expect(await ok(['get', 'Safe', 'notes'])).toBe(`${NOTE_TEXT}\n`)
    expect(await ok(['get', (ids.card as string).slice(0, 6), 'title'])).toBe('Visa\n')
    const shown = await ok(['show', 'GitHub'])
    expect(shown).toMatch(/Recovery \(custom:rec\):\s+••••••••/)
    expect(shown).toMatch(/Account \(custom:\w+\):\s+42/)
  })

  it('prints the current TOTP code', async () => {
    const code = await vault.run(['totp', 'GitHub'])
    expect(code.code).toBe(0)
    const totp = new TOTP({ secret: Secret.fromBase32(TOTP_SEED) })
    expect(totp.validate({ token: code.stdout.trim(), window: 1 })).not.toBeNull()
    expect(code.stderr).toMatch(/Valid for \d+ more seconds?\./)
    const json = JSON.parse(await ok(['totp', 'GitHub', '--json']))
    expect(json).toMatchObject({ code: expect.stringMatching(/^\d{6}$/), period: 30, digits: 6 })
    const none = await vault.run(['totp', 'Visa'])
    expect(none.code).toBe(4)
  })
})

describe('finding items', () => {
  it('exits 4 for a missing item, an ambiguous title, a missing field or revision', async () => {
    await add('dup1', ['note', '--title', 'Twin'])
    await add('dup2', ['note', '--title', 'twin'])
    const ambiguous = await vault.run(['show', 'TWIN'])
    expect(ambiguous.code).toBe(4)
    expect(ambiguous.stderr).toContain('ITEM_AMBIGUOUS')
    expect(ambiguous.stderr).toContain(ids.dup1)
    expect(ambiguous.stderr).toContain(ids.dup2)
    expect((await vault.run(['show', ids.dup1 as string])).code).toBe(0)
    const missing = await vault.run(['get', 'Nope', 'password'])
    expect(missing.code).toBe(4)
    expect(missing.stderr).toContain('ITEM_NOT_FOUND')
    const shortPrefix = await vault.run(['show', (ids.card as string).slice(0, 5)])
    expect(shortPrefix.code).toBe(4)
    const field = await vault.run(['get', 'Visa', 'nosuchfield'])
    expect(field.code).toBe(4)
    expect(field.stderr).toContain('FIELD_NOT_FOUND')
    expectNoSecretIn(field.stderr, secrets)
    const revision = await vault.run(['show', 'Visa', '--revision', '99'])
    expect(revision.code).toBe(4)
    expect(revision.stderr).toContain('REVISION_NOT_FOUND')
  })
})
