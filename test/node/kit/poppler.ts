/** Reading a rendered PDF back with poppler-utils: its text, and its page as pixels with the QR code decoded. */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'

const INSTALL = 'install poppler-utils (apt-get install poppler-utils)'

function run(tool: 'pdftotext' | 'pdftoppm', args: readonly string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  // A missing tool must fail the test, never skip it: the kit would go unchecked.
  if (result.error !== undefined) throw new Error(`${tool} is not available: ${INSTALL}`, { cause: result.error })
  if (result.status !== 0) throw new Error(`${tool} failed (${result.status}): ${result.stderr}`)
  return result.stdout
}

/** Fails with the install hint when poppler-utils is missing. */
export function requirePoppler(): void {
  run('pdftotext', ['-v'])
  run('pdftoppm', ['-v'])
}

export function pdfText(pdfPath: string): string {
  return run('pdftotext', ['-layout', pdfPath, '-'])
}

/** Renders the single page at 150 dpi to `${outBase}.png` and returns its path. */
export function renderPng(pdfPath: string, outBase: string): string {
  run('pdftoppm', ['-png', '-r', '150', '-singlefile', pdfPath, outBase])
  return `${outBase}.png`
}

export function decodeQr(pngPath: string): string | null {
  const png = PNG.sync.read(readFileSync(pngPath))
  return jsQR(Uint8ClampedArray.from(png.data), png.width, png.height)?.data ?? null
}
