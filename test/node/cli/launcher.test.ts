/** bin/vault: found through symlinks (npm link, node_modules/.bin), and clear when Node 24 is missing. */
import { execFile } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const LAUNCHER = join(import.meta.dirname, '..', '..', '..', 'bin', 'vault')

let dir: string | undefined
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

describe('bin/vault', () => {
  it('runs the CLI through a chain of relative symlinks and passes the exit code on', async () => {
    dir = mkdtempSync(join(tmpdir(), 'vault-launcher-'))
    mkdirSync(join(dir, 'bin'))
    symlinkSync(LAUNCHER, join(dir, 'first'))
    symlinkSync('../first', join(dir, 'bin', 'vault'))
    const { stdout, stderr } = await run(join(dir, 'bin', 'vault'), ['generate', '--length', '16'])
    expect(stdout).toMatch(/^\S{16}\n$/)
    expect(stderr).toContain('Entropy:')
    const failed = await run(join(dir, 'bin', 'vault'), ['no-such-command']).catch((error) => error)
    expect(failed.code).toBe(2)
  })

  it('says to run npm ci when no Node 24 can be found', async () => {
    dir = mkdtempSync(join(tmpdir(), 'vault-launcher-'))
    mkdirSync(join(dir, 'bin'))
    copyFileSync(LAUNCHER, join(dir, 'bin', 'vault'))
    // A PATH without any node: only the shell's own tools.
    const failed = await run('/bin/sh', [join(dir, 'bin', 'vault'), 'status'], { env: { PATH: '/nonexistent' } }).catch(
      (error) => error,
    )
    expect(failed.code).toBe(1)
    expect(failed.stderr).toContain(`Node 24 is needed and was not found in ${dir}/node_modules/.bin/node`)
    expect(failed.stderr).toContain(`run \`npm ci\` in ${dir} first`)
  })
})
