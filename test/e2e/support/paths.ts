import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

export const PROJECT_ROOT = resolve(import.meta.dirname, '../../..')
export const OUT_DIR = resolve(PROJECT_ROOT, 'out')
export const RENDERER_OUT_DIR = resolve(OUT_DIR, 'renderer')

interface PackageJson {
  readonly name: string
  readonly productName?: string
  readonly version: string
  readonly dependencies?: Record<string, string>
}

export const PACKAGE_JSON = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'package.json'), 'utf8')) as PackageJson

/** What Electron's app.getName() and app.getVersion() report for this package. */
export const APP_IDENTITY = {
  name: PACKAGE_JSON.productName ?? PACKAGE_JSON.name,
  version: PACKAGE_JSON.version,
} as const
