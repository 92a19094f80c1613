/**
 * Finds an Electron binary without require('electron'): from Electron 41
 * on, that require tries to download the binary, which fails offline.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export type ElectronBinary =
  | { readonly found: true; readonly path: string }
  | { readonly found: false; readonly reason: string }

export function findElectronBinary(): ElectronBinary {
  const fromEnv = process.env.ELECTRON_EXEC_PATH
  if (fromEnv !== undefined && fromEnv !== '') {
    return existsSync(fromEnv)
      ? { found: true, path: fromEnv }
      : { found: false, reason: `ELECTRON_EXEC_PATH=${fromEnv} does not exist` }
  }
  let packageDir: string
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return { found: false, reason: 'the electron package is not installed' }
  }
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) {
    return { found: false, reason: `Electron binary not downloaded (${pathFile} missing; set ELECTRON_EXEC_PATH)` }
  }
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? { found: true, path: binary } : { found: false, reason: `${binary} missing` }
}
