/**
 * Greedy line wrapping for PDF text, measured with the font that will draw it.
 * pdf-lib draws single lines only, so every multi-line block comes through here.
 */
import type { PDFFont } from 'pdf-lib'

/** Where a line may break: between words, after a dash (Secret Keys), or anywhere (keys, addresses). */
export type BreakMode = 'words' | 'dashes' | 'anywhere'

export interface TextStyle {
  readonly font: PDFFont
  readonly size: number
}

export function wrapText(text: string, style: TextStyle, maxWidth: number, mode: BreakMode): string[] {
  const fits = (candidate: string) => style.font.widthOfTextAtSize(candidate.trimEnd(), style.size) <= maxWidth
  const lines: string[] = []
  let line = ''
  for (const token of tokens(text, mode)) {
    if (fits(line + token)) {
      line += token
      continue
    }
    if (line !== '') lines.push(line.trimEnd())
    line = ''
    // A token wider than the line (a long address) is broken wherever it must be.
    for (const character of fits(token) ? [token] : [...token]) {
      if (line !== '' && !fits(line + character)) {
        lines.push(line.trimEnd())
        line = ''
      }
      line += character
    }
  }
  if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd())
  return lines
}

/** Each token carries its trailing separator, so joining tokens gives back the text. */
function tokens(text: string, mode: BreakMode): string[] {
  if (mode === 'anywhere') return [...text]
  const pattern = mode === 'words' ? /[^ ]* +|[^ ]+$/g : /[^-]*-|[^-]+$/g
  return text.match(pattern) ?? [text]
}

/** Like wrapText, but with lines of even length: the narrowest width that needs no more lines. */
export function wrapBalanced(text: string, style: TextStyle, maxWidth: number, mode: BreakMode): string[] {
  const greedy = wrapText(text, style, maxWidth, mode)
  if (greedy.length < 2) return greedy
  let low = 0
  let high = maxWidth
  // Bisection to a tenth of a point; the widest line is what changes, not the count.
  while (high - low > 0.1) {
    const middle = (low + high) / 2
    if (wrapText(text, style, middle, mode).length <= greedy.length) high = middle
    else low = middle
  }
  return wrapText(text, style, high, mode)
}
