/**
 * The Emergency Kit: one printable A4 page with the sign-in address, email,
 * account id, Secret Key and the setup QR code, plus a box to write the
 * master password by hand. The renderer never receives the password.
 *
 * Vector drawing with the PDF standard fonts only: no font files, no
 * bitmaps, and the same page on every platform.
 */
import { PageSizes, PDFDocument } from 'pdf-lib'
import { VaultError } from '../../src-shared/errors.ts'
import { embedKitFonts } from './kit-fonts.ts'
import { type Block, stack } from './kit-layout.ts'
import {
  addressField,
  emailAndAccountRow,
  headerBlock,
  instructionsBlock,
  type KitContext,
  kitMetrics,
  passwordAndQrRow,
  secretKeyField,
  syncKeyField,
} from './kit-sections.ts'
import { kitTitle, utcDate } from './kit-text.ts'
import { formatSetupCode, parseSetupCode, type SetupCode, type SetupCodeServer } from './setup-code.ts'

export interface EmergencyKitInput {
  readonly productName: string
  /** When the kit was made, in ms since the epoch; printed as a UTC date. */
  readonly createdAt: number
  readonly server: SetupCodeServer | null
  readonly email: string
  readonly accountId: string
  /** The printed form of the Secret Key. */
  readonly secretKey: string
}

const MARGIN = 48
/** Layouts tried in turn until the page fits; only unusually long values need the smaller ones. */
const SCALES = [1, 0.92, 0.84, 0.76, 0.68] as const

export async function renderEmergencyKit(input: EmergencyKitInput): Promise<Uint8Array> {
  // Formatting validates and canonicalises; parsing back gives the exact values the QR code holds.
  const setupText = formatSetupCode({ server: input.server, email: input.email, secretKey: input.secretKey })
  const code = parseSetupCode(setupText)
  if (code.secretKey.split('-')[1] !== input.accountId) {
    throw new VaultError('SECRET_KEY_WRONG_ACCOUNT', 'This Secret Key belongs to another account than the kit is for.')
  }
  const pdf = await PDFDocument.create()
  setMetadata(pdf, input)
  const fonts = await embedKitFonts(pdf)
  const page = pdf.addPage(PageSizes.A4)
  const [pageWidth, pageHeight] = PageSizes.A4
  const width = pageWidth - 2 * MARGIN
  for (const scale of SCALES) {
    const ctx: KitContext = { fonts, metrics: kitMetrics(scale), width }
    const blocks = pageBlocks(ctx, input, code, setupText)
    if (stackHeight(blocks, ctx.metrics.gap) > pageHeight - 2 * MARGIN) continue
    stack(page, MARGIN, pageHeight - MARGIN, width, blocks, ctx.metrics.gap)
    return pdf.save()
  }
  throw new VaultError('INTERNAL', 'The Emergency Kit does not fit on one page.')
}

/** For the save dialog, e.g. "Vault Emergency Kit ABCDEF 2025-01-31.pdf". */
export function emergencyKitFileName(productName: string, accountId: string, createdAt: number): string {
  // Characters that some file systems refuse become dashes; the account id is plain already.
  const name = `${kitTitle(productName)} ${accountId} ${utcDate(createdAt)}`
  return `${name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '-')}.pdf`
}

/** Only the product name and dates: a PDF's metadata is shown by file browsers and search indexes. */
function setMetadata(pdf: PDFDocument, input: EmergencyKitInput): void {
  const created = new Date(input.createdAt)
  pdf.setTitle(kitTitle(input.productName), { showInWindowTitleBar: true })
  pdf.setCreator(input.productName)
  pdf.setProducer(input.productName)
  pdf.setLanguage('en')
  pdf.setCreationDate(created)
  pdf.setModificationDate(created)
}

function pageBlocks(ctx: KitContext, input: EmergencyKitInput, code: SetupCode, setupText: string): Block[] {
  return [
    headerBlock(ctx, input.productName, input.createdAt),
    addressField(ctx, code.server?.url ?? null),
    emailAndAccountRow(ctx, code.email, input.accountId),
    secretKeyField(ctx, code.secretKey),
    ...(code.server === null ? [] : [syncKeyField(ctx, code.server.anonKey)]),
    passwordAndQrRow(ctx, setupText),
    instructionsBlock(ctx, input.productName),
  ]
}

function stackHeight(blocks: readonly Block[], gap: number): number {
  return blocks.reduce((sum, block) => sum + block.height, 0) + gap * (blocks.length - 1)
}
