import { join } from 'node:path'
import {
  FuseState,
  type FuseV1Config,
  FuseV1Options,
  FuseVersion,
  flipFuses,
  getCurrentFuseWire,
} from '@electron/fuses'

/**
 * Electron's fuses as the packaged Vault sets them. Fuses are bits in the Electron binary that turn
 * features off for good; they are flipped before code signing, so the OS's signature check keeps
 * anyone from flipping them back. Every fuse on the wire is listed (`strictlyRequireAllFuses`): when
 * a later Electron adds one, packaging stops until someone decides on it here.
 */
export const VAULT_FUSES = {
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node interpreter that any local
  // process could drive with the app's keychain identity. Vault never forks a Node child.
  [FuseV1Options.RunAsNode]: false,
  // Encrypts Chromium's cookie store with an OS key. Vault keeps no secrets in cookies; this is
  // defence in depth for whatever a future sync login might store there.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS (e.g. --require evil.js) and NODE_EXTRA_CA_CERTS would let the environment inject
  // code or trust into the process that holds the vault keys.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect, --inspect-brk and SIGUSR1 would open a debugger on the main process, where keys live.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Checks app.asar against the hash electron-builder embeds (macOS Info.plist, Windows resource),
  // so the code cannot be edited after signing. Linux has no embedded hash: a no-op there.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Load the app only from app.asar, never from a planted resources/app folder next to it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Vault ships no custom V8 snapshot, so there is nothing to load separately.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The renderer is served from app://vault, never file://, so file:// needs no extra powers.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Electron's default. Off would make V8 emit explicit bounds checks instead of guard pages:
  // slower WebAssembly (libsodium runs as wasm in the main process), no security gain.
  [FuseV1Options.WasmTrapHandlers]: true,
} as const satisfies Record<FuseV1Options, boolean>

/** Where electron-builder is packaging: `electronPlatformName` and the `Arch` name. */
export interface FuseTarget {
  readonly platform: string
  readonly arch: string
}

const isMac = (platform: string): boolean => platform === 'darwin' || platform === 'mas'

/** The config handed to `flipFuses` for one target. Pure, so the tests can check it per target. */
export function fuseConfigFor(target: FuseTarget): FuseV1Config {
  return {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    // Flipping fuses breaks the ad-hoc signature an arm64 Mac insists on; re-sign ad hoc so an
    // unsigned build still starts. A release build is then signed properly by electron-builder.
    resetAdHocDarwinSignature: isMac(target.platform) && (target.arch === 'arm64' || target.arch === 'universal'),
    ...VAULT_FUSES,
  }
}

/** The fuse states (FuseState bytes, by wire index) a binary must have after `config` is applied. */
export function expectedFuseWire(config: FuseV1Config): Map<number, FuseState> {
  const wire = new Map<number, FuseState>()
  for (const option of Object.values(FuseV1Options)) {
    if (typeof option !== 'number') continue
    const value = config[option]
    if (value !== undefined) wire.set(option, value ? FuseState.ENABLE : FuseState.DISABLE)
  }
  return wire
}

/** The packed app as electron-builder's afterPack context describes it. */
export interface PackedApp {
  readonly appOutDir: string
  readonly electronPlatformName: string
  /** `appInfo.productFilename`: the .app and .exe name. */
  readonly productFilename: string
  /** The Linux packager's `executableName`: the binary's name on Linux. */
  readonly executableName?: string | undefined
}

/**
 * The file @electron/fuses must patch, named as electron-builder's own `addElectronFuses` names it.
 * For a .app, @electron/fuses itself goes on to the Electron Framework binary inside.
 */
export function electronBinaryPath(app: PackedApp): string {
  switch (app.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(app.appOutDir, `${app.productFilename}.app`)
    case 'win32':
      return join(app.appOutDir, `${app.productFilename}.exe`)
    case 'linux':
      if (app.executableName === undefined) throw new Error('afterPack: the Linux packager has no executableName')
      return join(app.appOutDir, app.executableName)
    default:
      throw new Error(`afterPack: cannot flip fuses for platform ${app.electronPlatformName}`)
  }
}

/**
 * Flips the fuses, then reads them back and fails if any differs: a package whose fuses are not
 * what this file says must never reach signing.
 */
export async function applyFuses(binaryPath: string, config: FuseV1Config): Promise<void> {
  await flipFuses(binaryPath, config)
  const actual = await getCurrentFuseWire(binaryPath)
  const wrong: string[] = []
  for (const [option, state] of expectedFuseWire(config)) {
    const found = actual[option as FuseV1Options]
    if (found !== state) wrong.push(`${FuseV1Options[option]}: expected ${FuseState[state]}, found ${String(found)}`)
  }
  if (wrong.length > 0) throw new Error(`afterPack: fuses not set as configured in ${binaryPath}: ${wrong.join('; ')}`)
}
