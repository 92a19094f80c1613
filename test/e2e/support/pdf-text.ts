/** The text of a PDF main saved, through poppler-utils' pdftotext; missing, it fails saying what to install. */
import { spawnSync } from 'node:child_process'

export function pdfText(path: string): string {
  const result = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })
  if (result.error !== undefined) {
    throw new Error('pdftotext is not available: install poppler-utils (apt-get install poppler-utils)', {
      cause: result.error,
    })
  }
  if (result.status !== 0) throw new Error(`pdftotext failed on ${path}: ${result.stderr}`)
  return result.stdout
}
