/**
 * The kit's fonts and what they can print. Only the PDF standard fonts are
 * used, so no font file ships with the app; they encode WinAnsi only, and
 * pdf-lib throws on anything else, so user text goes through printable().
 */
import { type PDFDocument, type PDFFont, StandardFonts } from 'pdf-lib'

export interface KitFonts {
  readonly regular: PDFFont
  readonly bold: PDFFont
  readonly mono: PDFFont
}

export async function embedKitFonts(pdf: PDFDocument): Promise<KitFonts> {
  const [regular, bold, mono] = await Promise.all([
    pdf.embedFont(StandardFonts.Helvetica),
    pdf.embedFont(StandardFonts.HelveticaBold),
    pdf.embedFont(StandardFonts.CourierBold),
  ])
  return { regular, bold, mono }
}

export interface PrintableText {
  readonly text: string
  /** True when some characters were replaced by '?'. */
  readonly lossy: boolean
}

const characterSets = new WeakMap<PDFFont, ReadonlySet<number>>()

function characterSet(font: PDFFont): ReadonlySet<number> {
  let set = characterSets.get(font)
  if (set === undefined) {
    set = new Set(font.getCharacterSet())
    characterSets.set(font, set)
  }
  return set
}

/** Replaces each character the font cannot encode with '?', so drawing never throws. */
export function printable(text: string, font: PDFFont): PrintableText {
  const known = characterSet(font)
  let out = ''
  let lossy = false
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0
    if (known.has(codePoint) && codePoint >= 0x20) {
      out += character
    } else {
      out += '?'
      lossy = true
    }
  }
  return { text: out, lossy }
}
