import type { AfterPackContext } from 'electron-builder'
import { Arch } from 'electron-builder'
import { applyFuses, electronBinaryPath, fuseConfigFor } from './fuses.ts'

/**
 * electron-builder's afterPack hook (build/electron-builder.yml): flips Electron's fuses in the
 * packed app. It runs after the app is copied and before it is signed, so the signature covers
 * the flipped fuses. electron-builder loads this file with Node's own TypeScript support, so
 * `npm run package` must run on the project's Node 24 (npm run and npx provide it).
 */
export default async function afterPack(context: AfterPackContext): Promise<void> {
  const { appOutDir, arch, electronPlatformName, packager } = context
  const binary = electronBinaryPath({
    appOutDir,
    electronPlatformName,
    productFilename: packager.appInfo.productFilename,
    // Only the Linux packager names the binary itself (linux.executableName).
    executableName: 'executableName' in packager ? String(packager.executableName) : undefined,
  })
  await applyFuses(binary, fuseConfigFor({ platform: electronPlatformName, arch: Arch[arch] }))
}
