/**
 * The Emergency Kit PDF, read back the way a person and a phone would: its
 * text through pdftotext, and its QR code from a 150 dpi rendering.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { PageSizes, PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import { formatSecretKey, generateAccountId, generateSecretKey } from '../../../src-main/crypto/index.ts'
import {
  type EmergencyKitInput,
  emergencyKitFileName,
  parseSetupCode,
  renderEmergencyKit,
} from '../../../src-main/kit/index.ts'
import { expectCodeAsync } from '../support/expect-code.ts'
import { decodeQr, pdfText, renderPng, requirePoppler } from './poppler.ts'

// The master password the user would write on the kit; the renderer must never receive or print it.
const MASTER_PASSWORD = 'correct horse battery staple 42'
const ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0'
const SCREENSHOTS = resolve(import.meta.dirname, '../../../test-results/screenshots')
const accountId = generateAccountId()
const secretKey = formatSecretKey(generateSecretKey(accountId))

const SYNCED: EmergencyKitInput = {
  productName: 'Vault',
  createdAt: Date.UTC(2025, 0, 31, 23, 30),
  server: { url: 'https://abcdefghijklmnopqrst.supabase.co', anonKey: ANON_KEY },
  email: 'ada+vault@example.org',
  accountId,
  secretKey,
}

let dir: string

beforeAll(() => {
  requirePoppler()
  dir = mkdtempSync(join(tmpdir(), 'vault-kit-'))
})

afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
})

interface Rendered {
  readonly pdf: Uint8Array
  readonly text: string
  readonly png: string
  readonly qr: string | null
}

async function render(input: EmergencyKitInput, name: string): Promise<Rendered> {
  const pdf = await renderEmergencyKit(input)
  const pdfPath = join(dir, `${name}.pdf`)
  writeFileSync(pdfPath, pdf)
  const png = renderPng(pdfPath, join(dir, name))
  return { pdf, text: pdfText(pdfPath), png, qr: decodeQr(png) }
}

function compact(text: string): string {
  return text.replace(/\s+/g, '')
}

function expectQrHolds(rendered: Rendered, input: EmergencyKitInput): void {
  expect(rendered.qr).not.toBeNull()
  const code = parseSetupCode(rendered.qr ?? '')
  expect(code).toEqual({ server: input.server, email: input.email, secretKey: input.secretKey })
}

async function expectOneA4Page(bytes: Uint8Array): Promise<PDFDocument> {
  // Loading must not stamp pdf-lib's own metadata over what the kit wrote.
  const doc = await PDFDocument.load(bytes, { updateMetadata: false })
  expect(doc.getPageCount()).toBe(1)
  const { width, height } = doc.getPage(0).getSize()
  expect([width, height]).toEqual(PageSizes.A4)
  return doc
}

describe('Emergency Kit PDF', () => {
  it('prints a synced account and its QR code gives back the exact sign-in details', async () => {
    const kit = await render(SYNCED, 'synced')
    mkdirSync(SCREENSHOTS, { recursive: true })
    copyFileSync(kit.png, join(SCREENSHOTS, 'emergency-kit.png'))
    expect(kit.text).toContain('Vault Emergency Kit')
    expect(kit.text).toContain('Created 2025-01-31')
    expect(compact(kit.text)).toContain(secretKey)
    for (const word of [SYNCED.email, accountId, 'https://abcdefghijklmnopqrst.supabase.co', 'Master password']) {
      expect(kit.text).toContain(word)
    }
    expect(kit.text).toContain('Sync project key (public; also in the QR code)')
    expect(compact(kit.text)).toContain(ANON_KEY)
    expect(kit.text).toContain('If you change your Secret Key, this kit stops working: print the new one.')
    expect(kit.text).not.toContain('cannot be printed')
    expectQrHolds(kit, SYNCED)
    await expectOneA4Page(kit.pdf)
  })

  it('prints a local-only account without a sync key', async () => {
    const input: EmergencyKitInput = { ...SYNCED, server: null, email: 'grace@example.com' }
    const kit = await render(input, 'local')
    copyFileSync(kit.png, join(SCREENSHOTS, 'emergency-kit-local.png'))
    expect(kit.text).toContain('Local only — this vault is not synced; keep a copy of its data file')
    expect(kit.text).not.toContain('Sync project key')
    expect(kit.text).not.toContain('supabase')
    expect(compact(kit.text)).toContain(secretKey)
    expectQrHolds(kit, input)
    await expectOneA4Page(kit.pdf)
  })

  it('prints what it can of a non-Latin email, says so, and keeps it exact in the QR code', async () => {
    const input: EmergencyKitInput = { ...SYNCED, email: 'Zoë.ユーザー@例え.jp' }
    const kit = await render(input, 'non-latin')
    expect(kit.text).toContain('Zoë.????@??.jp')
    expect(kit.text).toContain('(some characters cannot be printed here; the QR code holds the exact address)')
    expectQrHolds(kit, input)
  })

  it('never holds the master password and keeps secrets out of the metadata', async () => {
    expectTypeOf<EmergencyKitInput>().not.toHaveProperty('password')
    expectTypeOf<EmergencyKitInput>().not.toHaveProperty('masterPassword')
    const kit = await render(SYNCED, 'metadata')
    expect(kit.text).not.toContain(MASTER_PASSWORD)
    expect(kit.qr).not.toContain(encodeURIComponent(MASTER_PASSWORD))
    const doc = await expectOneA4Page(kit.pdf)
    expect(doc.getTitle()).toBe('Vault Emergency Kit')
    expect(doc.getCreator()).toBe('Vault')
    expect(doc.getProducer()).toBe('Vault')
    expect(doc.getSubject()).toBeUndefined()
    expect(doc.getKeywords()).toBeUndefined()
    expect(doc.getAuthor()).toBeUndefined()
  })

  it('still fits one page, QR code readable, with values far longer than real ones', async () => {
    const input: EmergencyKitInput = {
      ...SYNCED,
      server: { url: `https://${'x'.repeat(60)}.${'y'.repeat(60)}.example.org`, anonKey: ANON_KEY.repeat(4) },
      email: `${'long.name'.repeat(24)}@example.org`,
    }
    const kit = await render(input, 'long')
    await expectOneA4Page(kit.pdf)
    // The text shrinks to fit, but the QR code keeps its 5.5 cm, so even this dense one still reads.
    expectQrHolds(kit, input)
    expect(compact(kit.text)).toContain(secretKey)
    // The account id box sits beside the email box, so its value lands between the email's lines.
    expect(compact(kit.text).replace(accountId, '')).toContain(input.email)
  })

  it('canonicalises a typed Secret Key and refuses one from another account', async () => {
    const typed = { ...SYNCED, secretKey: secretKey.toLowerCase().replaceAll('-', ' ') }
    const kit = await render(typed, 'typed')
    expect(kit.text).toContain(secretKey.slice(0, 16))
    expectQrHolds(kit, SYNCED)
    const other = formatSecretKey(generateSecretKey(generateAccountId()))
    await expectCodeAsync(renderEmergencyKit({ ...SYNCED, secretKey: other }), 'SECRET_KEY_WRONG_ACCOUNT')
    await expectCodeAsync(renderEmergencyKit({ ...SYNCED, email: '' }), 'SETUP_CODE_INVALID')
  })

  it('names the file after the product, the account and the UTC date', () => {
    expect(emergencyKitFileName('Vault', 'ABCDEF', SYNCED.createdAt)).toBe('Vault Emergency Kit ABCDEF 2025-01-31.pdf')
    expect(emergencyKitFileName('My/Vault', 'ABCDEF', 0)).toBe('My-Vault Emergency Kit ABCDEF 1970-01-01.pdf')
  })
})
