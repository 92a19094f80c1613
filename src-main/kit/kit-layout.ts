/**
 * Layout primitives for the kit page: runs of wrapped text, labelled boxes and
 * rows of boxes. Each block is measured before it is drawn, so boxes in a row
 * can share one height and the page can be stacked from the top down.
 * Coordinates: x from the left edge, `top` measured as PDF y (up is larger).
 */
import { type Color, grayscale, type PDFPage } from 'pdf-lib'
import type { KitFonts } from './kit-fonts.ts'
import { type BreakMode, type TextStyle, wrapText } from './text-wrap.ts'

export const INK = grayscale(0)
export const MUTED = grayscale(0.3)
export const BORDER = grayscale(0.45)
export const BOX_PADDING = 10

export interface Block {
  readonly height: number
  /** Draws into the rectangle whose top-left corner is (x, top); height may exceed this.height. */
  draw(page: PDFPage, x: number, top: number, width: number, height: number): void
}

export interface TextRun {
  readonly lines: readonly string[]
  readonly style: TextStyle
  readonly color: Color
  readonly leading: number
}

export function textRun(text: string, style: TextStyle, width: number, mode: BreakMode = 'words'): TextRun {
  return { lines: wrapText(text, style, width, mode), style, color: INK, leading: style.size * 1.3 }
}

export function mutedRun(text: string, style: TextStyle, width: number): TextRun {
  return { ...textRun(text, style, width), color: MUTED }
}

export function runHeight(run: TextRun): number {
  return run.lines.length * run.leading
}

/** Draws the run with each line's text centred vertically in its leading; returns the height used. */
export function drawRun(page: PDFPage, run: TextRun, x: number, top: number): number {
  const { font, size } = run.style
  const ascent = font.heightAtSize(size, { descender: false })
  const pad = (run.leading - font.heightAtSize(size)) / 2
  run.lines.forEach((line, index) => {
    const y = top - index * run.leading - pad - ascent
    page.drawText(line, { x, y, font, size, color: run.color })
  })
  return runHeight(run)
}

export interface FieldBox {
  readonly label: string
  /** The value and any notes, already wrapped to the box's inner width. */
  readonly runs: readonly TextRun[]
  /** A heavier border for the one field that matters most. */
  readonly emphasis?: boolean
  /** Extra drawing below the runs (ruled lines, a QR code), given the space left. */
  readonly extra?: {
    readonly height: number
    draw(page: PDFPage, x: number, top: number, width: number, height: number): void
  }
}

const LABEL_SIZE = 9
const LABEL_GAP = 4
const RUN_GAP = 2

export function innerWidth(boxWidth: number): number {
  return boxWidth - 2 * BOX_PADDING
}

export function labelStyle(fonts: KitFonts): TextStyle {
  return { font: fonts.bold, size: LABEL_SIZE }
}

/** A bordered box: a bold label, then its runs of text, then any extra drawing. */
export function fieldBox(fonts: KitFonts, field: FieldBox): Block {
  const label: TextRun = { lines: [field.label], style: labelStyle(fonts), color: MUTED, leading: LABEL_SIZE * 1.3 }
  const runsHeight = field.runs.reduce((sum, run) => sum + runHeight(run) + RUN_GAP, 0)
  const height = 2 * BOX_PADDING + runHeight(label) + LABEL_GAP + runsHeight + (field.extra?.height ?? 0)
  return {
    height,
    draw(page, x, top, width, boxHeight) {
      page.drawRectangle({
        x,
        y: top - boxHeight,
        width,
        height: boxHeight,
        borderColor: field.emphasis === true ? INK : BORDER,
        borderWidth: field.emphasis === true ? 1.5 : 0.75,
      })
      const left = x + BOX_PADDING
      let cursor = top - BOX_PADDING - drawRun(page, label, left, top - BOX_PADDING) - LABEL_GAP
      for (const run of field.runs) cursor -= drawRun(page, run, left, cursor) + RUN_GAP
      const bottom = top - boxHeight + BOX_PADDING
      field.extra?.draw(page, left, cursor, innerWidth(width), cursor - bottom)
    },
  }
}

/** Blocks side by side with the given widths; all drawn at the tallest one's height. */
export function row(blocks: readonly { block: Block; width: number }[], gap: number): Block {
  const height = Math.max(...blocks.map(({ block }) => block.height))
  return {
    height,
    draw(page, x, top, _width, rowHeight) {
      let left = x
      for (const { block, width } of blocks) {
        block.draw(page, left, top, width, rowHeight)
        left += width + gap
      }
    },
  }
}

/** Draws blocks top to bottom, each at its own height, and returns the y below the last. */
export function stack(page: PDFPage, x: number, top: number, width: number, blocks: readonly Block[], gap: number) {
  let cursor = top
  for (const block of blocks) {
    block.draw(page, x, cursor, width, block.height)
    cursor -= block.height + gap
  }
  return cursor + gap
}
