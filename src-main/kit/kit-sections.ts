/**
 * The kit page's sections, each a measured block. Sizes come from KitMetrics,
 * so the whole page can be laid out again smaller when long values (a long
 * email, a long project key) would not fit on one sheet.
 */
import type { PDFPage } from 'pdf-lib'
import { type KitFonts, printable } from './kit-fonts.ts'
import {
  type Block,
  BORDER,
  drawRun,
  fieldBox,
  INK,
  innerWidth,
  MUTED,
  mutedRun,
  row,
  runHeight,
  type TextRun,
  textRun,
} from './kit-layout.ts'
import { drawQrCode } from './kit-qr.ts'
import { createdLine, KIT_WORDS, kitInstructions, kitTitle } from './kit-text.ts'
import { wrapBalanced } from './text-wrap.ts'

export interface KitMetrics {
  readonly title: number
  readonly body: number
  readonly value: number
  readonly small: number
  readonly secretKey: number
  readonly syncKey: number
  readonly qr: number
  readonly gap: number
}

/** Full-size metrics times scale (a 20 pt Secret Key at scale 1); the QR code stays 5.5 cm. */
export function kitMetrics(scale: number): KitMetrics {
  return {
    title: 22 * scale,
    body: 10 * scale,
    value: 12 * scale,
    small: 8 * scale,
    secretKey: 20 * scale,
    syncKey: 7.5 * scale,
    // Never scaled: a long code has the most modules, so it needs the room most.
    qr: (55 / 25.4) * 72,
    gap: 10 * scale,
  }
}

export interface KitContext {
  readonly fonts: KitFonts
  readonly metrics: KitMetrics
  /** Width of the page's text column. */
  readonly width: number
}

export function headerBlock(ctx: KitContext, productName: string, createdAt: number): Block {
  const { fonts, metrics } = ctx
  const title = textRun(
    printable(kitTitle(productName), fonts.bold).text,
    { font: fonts.bold, size: metrics.title },
    ctx.width,
  )
  const created = mutedRun(createdLine(createdAt), { font: fonts.regular, size: metrics.body }, ctx.width)
  const purpose = textRun(KIT_WORDS.purpose, { font: fonts.regular, size: metrics.body }, ctx.width)
  const height = runHeight(title) + runHeight(created) + runHeight(purpose) + metrics.gap / 2
  return {
    height,
    draw(page, x, top, width) {
      let cursor = top - drawRun(page, title, x, top)
      cursor -= drawRun(page, created, x, cursor)
      cursor -= drawRun(page, purpose, x, cursor)
      page.drawLine({
        start: { x, y: cursor - metrics.gap / 4 },
        end: { x: x + width, y: cursor - metrics.gap / 4 },
        color: BORDER,
        thickness: 0.75,
      })
    },
  }
}

/** A user-supplied value in a box, with the "cannot be printed" note when the font lacks some characters. */
function valueField(ctx: KitContext, label: string, value: string, boxWidth: number): Block {
  const { fonts, metrics } = ctx
  const shown = printable(value, fonts.regular)
  const runs: TextRun[] = [
    textRun(shown.text, { font: fonts.regular, size: metrics.value }, innerWidth(boxWidth), 'anywhere'),
  ]
  if (shown.lossy)
    runs.push(mutedRun(KIT_WORDS.unprintable, { font: fonts.regular, size: metrics.small }, innerWidth(boxWidth)))
  return fieldBox(fonts, { label, runs })
}

export function addressField(ctx: KitContext, url: string | null): Block {
  if (url !== null) return valueField(ctx, KIT_WORDS.signInAddress, url, ctx.width)
  const style = { font: ctx.fonts.regular, size: ctx.metrics.value }
  return fieldBox(ctx.fonts, {
    label: KIT_WORDS.signInAddress,
    runs: [textRun(KIT_WORDS.localOnly, style, innerWidth(ctx.width))],
  })
}

export function emailAndAccountRow(ctx: KitContext, email: string, accountId: string): Block {
  const accountWidth = ctx.width * 0.28
  const emailWidth = ctx.width - accountWidth - ctx.metrics.gap
  const idStyle = { font: ctx.fonts.mono, size: ctx.metrics.value * 1.15 }
  const account = fieldBox(ctx.fonts, {
    label: KIT_WORDS.accountId,
    runs: [textRun(printable(accountId, ctx.fonts.mono).text, idStyle, innerWidth(accountWidth), 'anywhere')],
  })
  return row(
    [
      { block: valueField(ctx, KIT_WORDS.email, email, emailWidth), width: emailWidth },
      { block: account, width: accountWidth },
    ],
    ctx.metrics.gap,
  )
}

/**
 * One unbroken line reads and copies best, so the key takes the largest size
 * up to metrics.secretKey that fits the box; only below 80% of it does it wrap
 * instead, at a dash, into lines of even length.
 */
export function secretKeyField(ctx: KitContext, secretKey: string): Block {
  const { fonts, metrics } = ctx
  const width = innerWidth(ctx.width)
  // 2% short of the box so the last symbol does not touch the padding; rounded down so it cannot wrap after all.
  const fitted = Math.floor((9.8 * width) / fonts.mono.widthOfTextAtSize(secretKey, 1)) / 10
  const size = fitted >= metrics.secretKey * 0.8 ? Math.min(metrics.secretKey, fitted) : metrics.secretKey
  const style = { font: fonts.mono, size }
  const key: TextRun = {
    lines: wrapBalanced(secretKey, style, width, 'dashes'),
    style,
    color: INK,
    leading: size * 1.25,
  }
  const note = mutedRun(KIT_WORDS.secretKeyNote, { font: fonts.regular, size: metrics.small }, width)
  return fieldBox(fonts, { label: KIT_WORDS.secretKey, runs: [key, note], emphasis: true })
}

export function syncKeyField(ctx: KitContext, anonKey: string): Block {
  const style = { font: ctx.fonts.mono, size: ctx.metrics.syncKey }
  const text = printable(anonKey, ctx.fonts.mono).text
  return fieldBox(ctx.fonts, {
    label: KIT_WORDS.syncKey,
    runs: [textRun(text, style, innerWidth(ctx.width), 'anywhere')],
  })
}

/** The hand-written password box beside the setup QR code, both at the QR box's height. */
export function passwordAndQrRow(ctx: KitContext, setupCode: string): Block {
  const { fonts, metrics } = ctx
  const qrWidth = metrics.qr + 2 * 2 * metrics.gap
  const passwordWidth = ctx.width - qrWidth - metrics.gap
  const caption = mutedRun(
    KIT_WORDS.setupCodeCaption,
    { font: fonts.regular, size: metrics.small },
    innerWidth(qrWidth),
  )
  const qr = fieldBox(fonts, {
    label: KIT_WORDS.setupCode,
    runs: [caption],
    extra: {
      height: metrics.qr + metrics.gap,
      draw: (page, x, top, width, height) => drawCentredQr(page, setupCode, ctx, { x, top, width, height }),
    },
  })
  const note = mutedRun(
    KIT_WORDS.masterPasswordNote,
    { font: fonts.regular, size: metrics.small },
    innerWidth(passwordWidth),
  )
  const password = fieldBox(fonts, {
    label: KIT_WORDS.masterPassword,
    runs: [note],
    extra: { height: 0, draw: (page, x, top, width, height) => drawWritingLines(page, ctx, { x, top, width, height }) },
  })
  return row(
    [
      { block: password, width: passwordWidth },
      { block: qr, width: qrWidth },
    ],
    metrics.gap,
  )
}

interface Area {
  readonly x: number
  readonly top: number
  readonly width: number
  readonly height: number
}

function drawCentredQr(page: PDFPage, text: string, ctx: KitContext, area: Area): void {
  const size = ctx.metrics.qr
  drawQrCode(page, text, { x: area.x + (area.width - size) / 2, top: area.top - (area.height - size) / 2, size })
}

/** A few ruled lines a pen can follow, about 1 cm apart, centred in the space below the note. */
function drawWritingLines(page: PDFPage, ctx: KitContext, area: Area): void {
  const spacing = ctx.metrics.value * 2.4
  const count = Math.min(4, Math.floor(area.height / spacing))
  const lowest = area.top - area.height + (area.height - count * spacing) / 2
  for (let i = 0; i < count; i++) {
    const y = lowest + i * spacing
    page.drawLine({ start: { x: area.x, y }, end: { x: area.x + area.width, y }, color: MUTED, thickness: 0.5 })
  }
}

export function instructionsBlock(ctx: KitContext, productName: string): Block {
  const { fonts, metrics } = ctx
  const bodyStyle = { font: fonts.regular, size: metrics.body }
  const indent = metrics.body * 1.6
  const heading = textRun(KIT_WORDS.instructionsHeading, { font: fonts.bold, size: metrics.value }, ctx.width)
  const steps = kitInstructions(printable(productName, fonts.regular).text).map((step) =>
    textRun(step, bodyStyle, ctx.width - indent),
  )
  const warning = textRun(KIT_WORDS.secretKeyChanged, { font: fonts.bold, size: metrics.body }, ctx.width)
  const stepGap = metrics.body * 0.35
  const height =
    runHeight(heading) +
    steps.reduce((sum, step) => sum + runHeight(step) + stepGap, 0) +
    metrics.gap / 2 +
    runHeight(warning)
  return {
    height,
    draw(page, x, top) {
      let cursor = top - drawRun(page, heading, x, top)
      steps.forEach((step, index) => {
        drawRun(page, { ...step, lines: [`${index + 1}.`] }, x, cursor)
        cursor -= drawRun(page, step, x + indent, cursor) + stepGap
      })
      drawRun(page, warning, x, cursor - metrics.gap / 2)
    },
  }
}
