import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { wireIn, writeFakeElectron } from './fake-electron.ts'

/**
 * A real `electron-builder --linux dir` run with our configuration, offline: a fake Electron
 * distribution (just a binary with a fuse wire) stands in for the download, and a fake `out/`
 * for electron-vite's output, so the test does not depend on a build. What it proves: the
 * config loads, the production dependencies go into app.asar, keytar's .node file is unpacked,
 * no devDependency ships, and the afterPack hook (TypeScript, loaded by electron-builder) flips
 * the fuses of the binary it packs.
 */

const ROOT = join(import.meta.dirname, '../../..')
const require = createRequire(import.meta.url)
const CLI = join(require.resolve('electron-builder/package.json'), '../cli.js')

let work: string
let appOutDir: string
let run: { stdout: string; stderr: string }

interface AsarEntry {
  files?: Record<string, AsarEntry>
  size?: number
  unpacked?: boolean
}

/** The archive's header: a Chromium pickle whose JSON string starts at byte 16 (length at 12). */
function asarHeader(file: string): AsarEntry {
  const bytes = readFileSync(file)
  const length = bytes.readUInt32LE(12)
  return JSON.parse(bytes.subarray(16, 16 + length).toString('utf8')) as AsarEntry
}

function entry(root: AsarEntry, path: string): AsarEntry | undefined {
  let node: AsarEntry | undefined = root
  for (const part of path.split('/')) node = node?.files?.[part]
  return node
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'vault-package-'))
  const electronDist = join(work, 'electron-dist')
  writeFakeElectron(join(electronDist, 'electron'))
  mkdirSync(join(electronDist, 'resources'))

  const out = join(work, 'out')
  for (const [path, text] of Object.entries({
    'main/index.js': 'export {}\n',
    'main/argon2-worker.js': 'export {}\n',
    'preload/index.cjs': '\n',
    'renderer/index.html': '<!doctype html><title>Vault</title>\n',
  })) {
    mkdirSync(join(out, path, '..'), { recursive: true })
    writeFileSync(join(out, path), text)
  }

  // The project's own configuration, read by electron-builder's reader, with only where the
  // inputs come from and where the output goes replaced.
  const fromBuilder = createRequire(require.resolve('electron-builder'))
  const yaml = fromBuilder('js-yaml') as { load(text: string): Record<string, unknown> }
  const config = yaml.load(readFileSync(join(ROOT, 'build/electron-builder.yml'), 'utf8'))
  const testConfig = {
    ...config,
    files: [{ from: out, to: 'out', filter: ['**/*'] }, 'package.json'],
    electronDist,
    directories: { ...(config.directories as object), output: join(work, 'dist') },
  }
  const configFile = join(work, 'electron-builder.json')
  writeFileSync(configFile, JSON.stringify(testConfig))

  // process.execPath is the project's Node 24, which the TypeScript afterPack hook needs.
  // Without VITEST in its environment electron-builder logs as usual, for failure messages.
  const { VITEST: _vitest, ...env } = process.env
  run = await promisify(execFile)(
    process.execPath,
    [CLI, '--config', configFile, '--projectDir', ROOT, '--linux', 'dir', '--x64', '--publish', 'never'],
    { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 },
  )
  appOutDir = join(work, 'dist/linux-unpacked')
}, 180_000)

afterAll(() => {
  rmSync(work, { recursive: true, force: true })
})

describe('electron-builder --linux dir with the project configuration', () => {
  it('packs the app as the executable `vault` with app.asar', () => {
    expect(existsSync(join(appOutDir, 'vault')), run.stdout + run.stderr).toBe(true)
    expect(existsSync(join(appOutDir, 'resources/app.asar'))).toBe(true)
    expect(run.stdout + run.stderr).toContain('npmRebuild is set to false')
  })

  it('flips the fuses of the packed binary (afterPack ran)', () => {
    expect(wireIn(readFileSync(join(appOutDir, 'vault')))).toBe('010011001')
  })

  it('puts the built app, package.json and the production dependencies in app.asar', () => {
    const asar = asarHeader(join(appOutDir, 'resources/app.asar'))
    expect(Object.keys(asar.files ?? {}).sort()).toEqual(['node_modules', 'out', 'package.json'])
    for (const path of ['out/main/index.js', 'out/main/argon2-worker.js', 'out/preload/index.cjs']) {
      expect(entry(asar, path), path).toBeDefined()
    }
    for (const dependency of ['libsodium-wrappers-sumo', 'zod', 'otpauth', 'keytar', 'pdf-lib', 'qrcode']) {
      expect(entry(asar, `node_modules/${dependency}`), dependency).toBeDefined()
    }
  })

  it('ships no devDependency (one that a production package also needs, at its own version, may ship)', () => {
    const asar = asarHeader(join(appOutDir, 'resources/app.asar'))
    const { devDependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>
    }
    const neededInProduction = productionPackageNames()
    const shipped = Object.keys(devDependencies).filter(
      (name) => entry(asar, `node_modules/${name}`) !== undefined && !neededInProduction.has(name),
    )
    expect(shipped).toEqual([])
    expect(Object.keys(devDependencies)).toContain('electron-builder')
  })

  it("keeps keytar's native module outside the archive", () => {
    const asar = asarHeader(join(appOutDir, 'resources/app.asar'))
    expect(entry(asar, 'node_modules/keytar/build/Release/keytar.node')?.unpacked).toBe(true)
    const unpacked = join(appOutDir, 'resources/app.asar.unpacked/node_modules/keytar/build/Release/keytar.node')
    expect(
      readFileSync(unpacked).equals(readFileSync(join(ROOT, 'node_modules/keytar/build/Release/keytar.node'))),
    ).toBe(true)
  })
})

/**
 * Names of the packages the lockfile does not mark dev-only: the production
 * tree. pngjs, say, is a test devDependency (v7) and also qrcode's own
 * dependency (v5), which electron-builder rightly ships.
 */
function productionPackageNames(): Set<string> {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean }>
  }
  const names = new Set<string>()
  for (const [path, meta] of Object.entries(lock.packages)) {
    if (path === '' || meta.dev === true) continue
    names.add(path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length))
  }
  return names
}
