import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { type AfterPackContext, Arch } from 'electron-builder'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import afterPack from '../../../build/afterPack.ts'
import { applyFuses, electronBinaryPath, fuseConfigFor, VAULT_FUSES } from '../../../build/fuses.ts'
import { ELECTRON_DEFAULT_WIRE, wireIn, writeFakeElectron } from './fake-electron.ts'

const { ENABLE, DISABLE } = FuseState

/** What the packaged app must have: written out here, independently of build/fuses.ts. */
const EXPECTED: Record<FuseV1Options, FuseState> = {
  [FuseV1Options.RunAsNode]: DISABLE,
  [FuseV1Options.EnableCookieEncryption]: ENABLE,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: DISABLE,
  [FuseV1Options.EnableNodeCliInspectArguments]: DISABLE,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: ENABLE,
  [FuseV1Options.OnlyLoadAppFromAsar]: ENABLE,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: DISABLE,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: DISABLE,
  [FuseV1Options.WasmTrapHandlers]: ENABLE,
}
const EXPECTED_WIRE = '010011001'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vault-fuses-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

let count = 0
const freshPath = (name = 'electron'): string => join(dir, `case-${++count}`, name)

/** Reads the wire back through @electron/fuses, as `npx electron-fuses read` would. */
async function readBack(binary: string): Promise<Record<string, unknown>> {
  const { version, ...fuses } = await getCurrentFuseWire(binary)
  expect(version).toBe('1')
  return fuses
}

describe('fuseConfigFor', () => {
  it('sets every fuse @electron/fuses knows, and insists on all of them', () => {
    const config = fuseConfigFor({ platform: 'linux', arch: 'x64' })
    expect(config.strictlyRequireAllFuses).toBe(true)
    for (const option of Object.values(FuseV1Options)) {
      if (typeof option === 'number') expect(typeof VAULT_FUSES[option], FuseV1Options[option]).toBe('boolean')
    }
  })

  it.each([
    ['darwin', 'arm64', true],
    ['darwin', 'universal', true],
    ['mas', 'arm64', true],
    ['darwin', 'x64', false],
    ['linux', 'arm64', false],
    ['win32', 'arm64', false],
  ])('resets the ad-hoc signature on %s %s: %s', (platform, arch, reset) => {
    expect(fuseConfigFor({ platform, arch }).resetAdHocDarwinSignature).toBe(reset)
  })
})

describe('applyFuses on a fake Electron binary', () => {
  it('leaves exactly the expected fuse states, and changes no other byte', async () => {
    const binary = freshPath()
    const before = writeFakeElectron(binary)
    await applyFuses(binary, fuseConfigFor({ platform: 'linux', arch: 'x64' }))

    expect(await readBack(binary)).toEqual(EXPECTED)
    const after = readFileSync(binary)
    expect(wireIn(after)).toBe(EXPECTED_WIRE)
    const changed = [...after.keys()].filter((i) => after[i] !== before[i])
    expect(changed.length).toBeLessThanOrEqual(EXPECTED_WIRE.length)
    expect(after.length).toBe(before.length)
  })

  it('gives the same result whatever the starting states, and twice in a row', async () => {
    for (const start of ['000000000', '111111111', ELECTRON_DEFAULT_WIRE]) {
      const binary = freshPath()
      writeFakeElectron(binary, start)
      await applyFuses(binary, fuseConfigFor({ platform: 'linux', arch: 'x64' }))
      await applyFuses(binary, fuseConfigFor({ platform: 'linux', arch: 'x64' }))
      expect(wireIn(readFileSync(binary)), start).toBe(EXPECTED_WIRE)
    }
  })

  it('stops packaging when Electron has a fuse this project has not decided on', async () => {
    const binary = freshPath()
    const before = writeFakeElectron(binary, `${ELECTRON_DEFAULT_WIRE}0`)
    await expect(applyFuses(binary, fuseConfigFor({ platform: 'linux', arch: 'x64' }))).rejects.toThrow(
      /strictlyRequireAllFuses/,
    )
    expect(readFileSync(binary).equals(before)).toBe(true)
  })

  it('stops packaging when Electron lacks a fuse this project relies on', async () => {
    const binary = freshPath()
    writeFakeElectron(binary, ELECTRON_DEFAULT_WIRE.slice(0, 8))
    await expect(applyFuses(binary, fuseConfigFor({ platform: 'linux', arch: 'x64' }))).rejects.toThrow(
      /not long enough/,
    )
  })

  it('fails on a file that is not an Electron binary', async () => {
    const binary = freshPath()
    mkdirSync(join(binary, '..'), { recursive: true })
    writeFileSync(binary, 'not electron')
    await expect(applyFuses(binary, fuseConfigFor({ platform: 'linux', arch: 'x64' }))).rejects.toThrow(/sentinel/)
  })
})

describe('the afterPack hook', () => {
  /** Just the fields of electron-builder's context that the hook reads. */
  function context(platform: string, arch: Arch, appOutDir: string, executableName?: string): AfterPackContext {
    const packager = { appInfo: { productFilename: 'Vault' }, ...(executableName ? { executableName } : {}) }
    return { appOutDir, arch, electronPlatformName: platform, packager } as unknown as AfterPackContext
  }

  it.each([
    ['linux', 'vault'],
    ['win32', 'Vault.exe'],
    ['darwin', 'Vault.app/Contents/Frameworks/Electron Framework.framework/Electron Framework'],
  ])('flips the fuses of a packed %s app (%s)', async (platform, relative) => {
    const appOutDir = join(dir, `packed-${platform}`)
    const binary = join(appOutDir, relative)
    writeFakeElectron(binary)
    // x64: an arm64 Mac build would also re-sign with codesign, which only exists on macOS.
    await afterPack(context(platform, Arch.x64, appOutDir, platform === 'linux' ? 'vault' : undefined))
    expect(wireIn(readFileSync(binary))).toBe(EXPECTED_WIRE)
  })

  it('names the binary as electron-builder does', () => {
    const app = { appOutDir: '/o', productFilename: 'Vault', executableName: 'vault' }
    expect(electronBinaryPath({ ...app, electronPlatformName: 'linux' })).toBe(join('/o', 'vault'))
    expect(electronBinaryPath({ ...app, electronPlatformName: 'win32' })).toBe(join('/o', 'Vault.exe'))
    expect(electronBinaryPath({ ...app, electronPlatformName: 'darwin' })).toBe(join('/o', 'Vault.app'))
    expect(() => electronBinaryPath({ ...app, electronPlatformName: 'linux', executableName: undefined })).toThrow()
    expect(() => electronBinaryPath({ ...app, electronPlatformName: 'aix' })).toThrow(/aix/)
  })
})
