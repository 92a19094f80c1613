/** Changing items through the command line: patch semantics, the trash, history, and the generator. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requireTestKeyring } from '../keychain/test-keyring.ts'
import { type CliVault, createVault, guardCommandLines, PASSWORD, runCli, succeeds } from './support.ts'

const ORIGINAL = 'first-secret-Kx81'
const CHANGED = 'second-secret-Qz27'
const secrets = [PASSWORD, ORIGINAL, CHANGED]
guardCommandLines(secrets)

let vault: CliVault & { secretKey: string }
let id: string

beforeAll(async () => {
  requireTestKeyring()
  vault = await createVault()
  secrets.push(vault.secretKey)
  const doc = JSON.stringify({ fields: { password: ORIGINAL }, notes: 'keep me' })
  const added = await vault.run(['add', 'login', '--title', 'Mail', '--username', 'ada', '--tag', 'old', '--json'], doc)
  expect(added.code).toBe(0)
  id = added.stdout.trim()
})
afterAll(() => {
  vault?.cleanup()
})

function ok(args: readonly string[], ...stdin: string[]): Promise<string> {
  return succeeds(vault, args, ...stdin)
}

describe('vault edit', () => {
  it('changes only what is given and keeps the secrets', async () => {
    const edited = await vault.run([
      'edit',
      'mail',
      '--title',
      'Email',
      '--tag',
      'new',
      '--remove-tag',
      'old',
      '--favorite',
    ])
    expect(edited.code).toBe(0)
    expect(edited.stdout.trim()).toBe(id)
    expect(edited.stderr).toContain('revision 2')
    const view = JSON.parse(await ok(['show', 'Email', '--json']))
    expect(view).toMatchObject({ title: 'Email', tags: ['new'], favorite: true, notes: 'keep me', revision: 2 })
    expect(view.fields.username).toBe('ada')
    expect(await ok(['get', 'Email', 'password'])).toBe(`${ORIGINAL}\n`)
    await ok(['edit', 'Email', '--no-favorite', '--custom', 'Plan=basic'])
    expect(JSON.parse(await ok(['show', id, '--json'])).favorite).toBe(false)
    await ok(['edit', 'Email', '--field', 'username=ada.l'])
    expect(await ok(['get', 'Email', 'username'])).toBe('ada.l\n')
  })

  it('applies an ItemPatch from stdin', async () => {
    await ok(['edit', 'Email', '--json'], JSON.stringify({ fields: { password: CHANGED } }))
    expect(await ok(['get', 'Email', 'password'])).toBe(`${CHANGED}\n`)
    expect(await ok(['get', 'Email', 'custom:Plan'])).toBe('basic\n')
    expect(await ok(['get', 'Email', 'notes'])).toBe('keep me\n')
  })

  it('generates a new password in place', async () => {
    const result = await vault.run(['edit', 'Email', '--generate-password', '--passphrase', '--words', '5'])
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/Generated a new passphrase/)
    const passphrase = (await ok(['get', 'Email', 'password'])).trim()
    // Five words; four EFF words hold a hyphen themselves ("drop-down"), so a split may find more.
    expect(passphrase.split('-').length).toBeGreaterThanOrEqual(5)
    expect(passphrase.split('-').length).toBeLessThanOrEqual(10)
    secrets.push(passphrase)
  })

  it('refuses, before asking for the password, an edit with nothing to change or a --prompt with no terminal', async () => {
    const result = await runCli(['edit', 'Email', '--data-dir', vault.dir])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Nothing to change')
    const prompt = await runCli(['edit', 'Email', '--prompt', 'password', '--data-dir', vault.dir])
    expect(prompt.code).toBe(2)
    expect(prompt.stderr).toContain('--prompt cannot ask')
  })
})

describe('history', () => {
  it('lists revisions, shows an old one, and restores it as a new revision', async () => {
    const revisions = JSON.parse(await ok(['history', 'Email', '--json'])) as { revision: number; title: string }[]
    expect(revisions.map((revision) => revision.revision)).toEqual([1, 2, 3, 4, 5, 6])
    expect(revisions[0]?.title).toBe('Mail')
    expect(await ok(['history', 'Email'])).toMatch(/^REV\s+SAVED\s+TITLE\s+STATE\n1\s+/)
    expect(await ok(['get', 'Email', 'password', '--revision', '1'])).toBe(`${ORIGINAL}\n`)
    const restored = await vault.run(['history', 'Email', '--restore', '1'])
    expect(restored.code).toBe(0)
    expect(restored.stderr).toContain('as revision 7')
    expect(await ok(['get', 'Mail', 'password'])).toBe(`${ORIGINAL}\n`)
  })
})

describe('the trash', () => {
  it('deletes to the trash, restores, and empties it only with confirmation', async () => {
    expect((await vault.run(['delete', 'Mail'])).code).toBe(0)
    expect(JSON.parse(await ok(['list', '--json']))).toEqual([])
    const trashed = JSON.parse(await ok(['list', '--trash', '--json'])) as { id: string }[]
    expect(trashed.map((item) => item.id)).toEqual([id])
    expect((await vault.run(['restore', 'Mail'])).code).toBe(0)
    expect(JSON.parse(await ok(['list', '--json']))).toHaveLength(1)
    await ok(['delete', id.slice(0, 8)])
    const unconfirmed = await vault.run(['empty-trash'])
    expect(unconfirmed.code).toBe(2)
    expect(unconfirmed.stderr).toContain('--yes')
    const emptied = await vault.run(['empty-trash', '--yes'])
    expect(emptied.code).toBe(0)
    expect(emptied.stderr).toContain('Deleted 1 item(s)')
    expect(JSON.parse(await ok(['list', '--trash', '--json']))).toEqual([])
    expect((await vault.run(['history', id])).code).toBe(4)
  })
})

describe('vault generate', () => {
  it('prints a password on stdout and its entropy on stderr, with no vault', async () => {
    const result = await runCli(['generate', '--length', '30', '--no-symbols', '--no-digits', '--exclude-lookalikes'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^[A-Za-z]{30}\n$/)
    expect(result.stdout).not.toMatch(/[lIO]/)
    expect(result.stderr).toMatch(/^Entropy: \d+\.\d bits\n$/)
  })

  it('prints a passphrase, and refuses options out of range or mixed', async () => {
    const words = await runCli(['generate', '--words', '4', '--separator', ' ', '--capitalize'])
    expect(words.stdout.trim().split(' ')).toHaveLength(4)
    expect(words.stdout).toMatch(/^([A-Z][a-z-]+ ){3}[A-Z][a-z-]+\n$/)
    expect((await runCli(['generate', '--length', '2'])).code).toBe(2)
    expect((await runCli(['generate', '--length', '20', '--words', '5'])).code).toBe(2)
    const noClass = await runCli(['generate', '--no-lower', '--no-upper', '--no-digits', '--no-symbols'])
    expect(noClass.code).toBe(2)
    expect(noClass.stderr).toContain('INVALID_GENERATOR_OPTIONS')
  })
})

describe('usage errors', () => {
  it('exit 2 with a pointer to --help', async () => {
    for (const args of [[], ['frobnicate'], ['show'], ['list', '--bogus'], ['list', 'extra'], ['add', 'spaceship']]) {
      const result = await runCli([...args, '--data-dir', vault.dir])
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr).toMatch(/^vault: /)
    }
    const help = await runCli(['add', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: vault add TYPE')
    const general = await runCli(['--help'])
    expect(general.stdout).toMatch(/Commands:\n {2}create/)
  })
})
