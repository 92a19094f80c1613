/**
 * The words printed on the Emergency Kit, kept apart from the drawing code so
 * they can be read and reviewed as one text.
 */

export const KIT_WORDS = {
  purpose: 'Everything you need, with your master password, to get into your vault on a new computer.',
  signInAddress: 'Sign-in address',
  localOnly: 'Local only \u2014 this vault is not synced; keep a copy of its data file',
  email: 'Email',
  accountId: 'Account ID',
  secretKey: 'Secret Key',
  secretKeyNote: 'Secret Keys never contain 0, 1, I, O or U.',
  syncKey: 'Sync project key (public; also in the QR code)',
  masterPassword: 'Master password',
  masterPasswordNote: 'Write it by hand. Never type it into a computer file.',
  setupCode: 'Setup code',
  setupCodeCaption:
    "Scan or paste it in 'I have an Emergency Kit' on a new computer. " +
    'It holds the address, email and Secret Key, never your password.',
  unprintable: '(some characters cannot be printed here; the QR code holds the exact address)',
  instructionsHeading: 'How to use this kit',
  secretKeyChanged: 'If you change your Secret Key, this kit stops working: print the new one.',
} as const

export function kitTitle(productName: string): string {
  return `${productName} Emergency Kit`
}

export function createdLine(createdAt: number): string {
  return `Created ${utcDate(createdAt)}`
}

export function kitInstructions(productName: string): readonly string[] {
  return [
    'Print this page.',
    'Write your master password in the box.',
    'Store it safely: in a safe, with your passport, or with someone you trust. ' +
      'Anyone with this page and your password can open your vault.',
    `To recover: install ${productName}, choose \u201cI have an Emergency Kit\u201d, scan or paste the setup code ` +
      '(or type the address, email and Secret Key), then enter your master password.',
  ]
}

/** YYYY-MM-DD in UTC, so the date does not depend on the computer's time zone. */
export function utcDate(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError('The kit needs a valid creation time.')
  return new Date(ms).toISOString().slice(0, 10)
}
