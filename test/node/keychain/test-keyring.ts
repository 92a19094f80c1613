/**
 * Helpers for the tests that use the real, throwaway keychain that
 * scripts/with-keyring.sh starts. secret-tool reads the keyring directly,
 * independently of keytar, so the tests see exactly what was stored.
 */
import { spawnSync } from 'node:child_process'

export const APT_PACKAGES = 'gnome-keyring dbus libsecret-1-0 libsecret-tools'

/** Fails (never skips) outside the wrapper, so a green run always includes the real-keychain tests. */
export function requireTestKeyring(): void {
  if (process.env.VAULT_TEST_KEYRING === '1') return
  throw new Error(
    'These tests need a throwaway OS keychain and VAULT_TEST_KEYRING is not set. Run them with `npm test` ' +
      '(e.g. `npm test -- test/node/keychain`), which wraps vitest in scripts/with-keyring.sh: a private ' +
      `D-Bus session with its own gnome-keyring. On Debian/Ubuntu first: sudo apt-get install ${APT_PACKAGES}`,
  )
}

export interface KeyringItem {
  readonly label: string
  readonly secret: string
  readonly attributes: Readonly<Record<string, string>>
}

/** Every item in the keyring whose attributes include these, in the keyring's order. */
export function searchKeyring(attributes: Readonly<Record<string, string>>): KeyringItem[] {
  const { stdout, stderr } = runSecretTool(['search', '--all', ...Object.entries(attributes).flat()])
  const details = parseBlocks(stdout)
  const attributeGroups = parseAttributeGroups(stderr)
  if (attributeGroups.length !== details.length) {
    throw new Error(`secret-tool listed ${details.length} items but attributes for ${attributeGroups.length}`)
  }
  return details.map((detail, i) => ({
    label: detail.label ?? '',
    secret: detail.secret ?? '',
    attributes: attributeGroups[i] ?? {},
  }))
}

/** Removes every item with these attributes (cleanup after tests). */
export function clearKeyring(attributes: Readonly<Record<string, string>>): void {
  // secret-tool clear exits with 1 when nothing matched.
  runSecretTool(['clear', ...Object.entries(attributes).flat()], [0, 1])
}

function runSecretTool(args: string[], okStatuses: readonly number[] = [0]): { stdout: string; stderr: string } {
  // secret-tool prints an item's label and secret on stdout but its attributes on stderr.
  const result = spawnSync('secret-tool', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error(`secret-tool is missing: sudo apt-get install ${APT_PACKAGES}`)
  }
  if (result.error) throw result.error
  if (result.status === null || !okStatuses.includes(result.status)) {
    throw new Error(`secret-tool ${args[0]} failed (${result.status}): ${result.stderr}`)
  }
  return { stdout: result.stdout, stderr: result.stderr }
}

/** stdout: one "[/path]" header per item, then "key = value" lines. */
function parseBlocks(stdout: string): Record<string, string>[] {
  const blocks: Record<string, string>[] = []
  for (const line of stdout.split('\n')) {
    if (line.startsWith('[')) blocks.push({})
    const pair = splitPair(line)
    const current = blocks.at(-1)
    if (pair && current) current[pair[0]] = pair[1]
  }
  return blocks
}

/** stderr: "attribute.name = value" lines, item after item; a repeated name starts the next item. */
function parseAttributeGroups(stderr: string): Record<string, string>[] {
  const groups: Record<string, string>[] = []
  for (const line of stderr.split('\n')) {
    const pair = splitPair(line)
    if (!pair?.[0].startsWith('attribute.')) continue
    const name = pair[0].slice('attribute.'.length)
    const current = groups.at(-1)
    if (!current || name in current) groups.push({ [name]: pair[1] })
    else current[name] = pair[1]
  }
  return groups
}

function splitPair(line: string): [string, string] | undefined {
  const at = line.indexOf(' = ')
  return at < 0 ? undefined : [line.slice(0, at), line.slice(at + 3)]
}
