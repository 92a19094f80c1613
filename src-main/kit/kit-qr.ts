/**
 * The setup code as a vector QR code: one filled path of module runs, so it
 * prints sharp at any resolution, unlike an embedded bitmap.
 */
import type { PDFPage } from 'pdf-lib'
import { grayscale } from 'pdf-lib'
import QRCode from 'qrcode'

/** Modules of white a reader needs around the code; the page must leave it blank. */
export const QR_QUIET_ZONE_MODULES = 4

export interface QrPlacement {
  /** Left edge and top edge of the dark modules' square, in PDF points. */
  readonly x: number
  readonly top: number
  readonly size: number
}

/**
 * Level M recovers from about 15% damage (a fold, a stain) and keeps a
 * ~400-character code to about 73 modules: about 0.75 mm each at 5.5 cm.
 */
export function drawQrCode(page: PDFPage, text: string, placement: QrPlacement): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const moduleSize = placement.size / modules.size
  page.drawSvgPath(modulePath(modules), {
    x: placement.x,
    y: placement.top,
    scale: moduleSize,
    color: grayscale(0),
    borderWidth: 0,
  })
}

/** SVG path (y down, one unit per module) with one rectangle per horizontal run of dark modules. */
function modulePath(modules: { size: number; get(row: number, col: number): number }): string {
  const parts: string[] = []
  for (let row = 0; row < modules.size; row++) {
    let col = 0
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < modules.size && modules.get(row, col)) col++
      parts.push(`M${start} ${row}h${col - start}v1h${start - col}z`)
    }
  }
  return parts.join('')
}
