import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Configuration } from 'electron-builder'
import { beforeAll, describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../../..')
const CONFIG_FILE = join(ROOT, 'build/electron-builder.yml')

/** electron-builder's own YAML reader and schema check (app-builder-lib's scheme.json, with ajv). */
interface BuilderInternals {
  load(text: string): unknown
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>
}

/** Resolved from electron-builder's location, so these are the very modules `electron-builder --config` uses. */
function builderInternals(): BuilderInternals {
  const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'))
  const yaml = fromBuilder('js-yaml') as Pick<BuilderInternals, 'load'>
  const config = fromBuilder('app-builder-lib/out/util/config/config.js') as Pick<
    BuilderInternals,
    'validateConfiguration'
  >
  return { load: yaml.load, validateConfiguration: config.validateConfiguration }
}

const NO_DEBUG_LOG = { isEnabled: false, add: () => undefined }
let builder: BuilderInternals
let config: Configuration

beforeAll(() => {
  builder = builderInternals()
  config = builder.load(readFileSync(CONFIG_FILE, 'utf8')) as Configuration
})

/** A target list as electron-builder accepts it (a name, a list, or objects), as target names. */
function targetNames(target: unknown): string[] {
  const list = Array.isArray(target) ? target : [target]
  return list.map((t) => (typeof t === 'string' ? t : String((t as { target: unknown }).target)))
}

describe('build/electron-builder.yml', () => {
  it("passes electron-builder's own schema check", async () => {
    await expect(builder.validateConfiguration(config, NO_DEBUG_LOG)).resolves.toBeUndefined()
  })

  it('is checked for real: a misspelt key is rejected', async () => {
    await expect(builder.validateConfiguration({ ...config, asarUnpak: ['x'] }, NO_DEBUG_LOG)).rejects.toThrow(
      /asarUnpak/,
    )
  })

  it('names the app and writes to dist/', () => {
    expect(config.appId).toBe('dev.vault.desktop')
    expect(config.productName).toBe('Vault')
    expect(config.directories?.output).toBe('dist')
  })

  it('packs only the built app and package.json (dependencies are added by electron-builder)', () => {
    expect(config.files).toEqual(['out/**', 'package.json'])
  })

  it('keeps keytar out of the archive, and does not rebuild it', () => {
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toContain('**/node_modules/keytar/**')
    expect(config.npmRebuild).toBe(false)
    expect(config.buildDependenciesFromSource ?? false).toBe(false)
  })

  it('flips fuses in exactly one place: the afterPack hook, not electronFuses', () => {
    expect(config.afterPack).toBe('./build/afterPack.ts')
    expect(existsSync(join(ROOT, 'build/afterPack.ts'))).toBe(true)
    expect(config.electronFuses).toBeUndefined()
  })

  it('targets Linux (AppImage, deb), macOS (dmg) and Windows (nsis)', () => {
    expect(targetNames(config.linux?.target).sort()).toEqual(['AppImage', 'deb'])
    expect(targetNames(config.mac?.target)).toEqual(['dmg'])
    expect(targetNames(config.win?.target)).toEqual(['nsis'])
  })

  it('signs macOS builds with the hardened runtime and only the JIT entitlement', () => {
    expect(config.mac?.hardenedRuntime).toBe(true)
    for (const file of [config.mac?.entitlements, config.mac?.entitlementsInherit]) {
      expect(file).toBe('build/entitlements.mac.plist')
    }
    const plist = readFileSync(join(ROOT, 'build/entitlements.mac.plist'), 'utf8').replace(/<!--[\s\S]*?-->/g, '')
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit'])
  })

  it('has a 512×512 PNG icon where electron-builder looks for one (build/icon.png)', () => {
    expect(config.directories?.buildResources).toBe('build')
    const png = readFileSync(join(ROOT, 'build/icon.png'))
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512])
  })
})
