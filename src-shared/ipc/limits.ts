/** Input limits the renderer enforces in its forms and main enforces in the IPC schema. Dependency-free. */

/** Comfortably above a formatted Secret Key (41 characters) typed with spaces, far below anything abusive. */
export const SECRET_KEY_INPUT_MAX_LENGTH = 200

/** Longer than any passphrase people type; keeps the strength estimator's work bounded. */
export const PASSWORD_INPUT_MAX_LENGTH = 1_000

export const EMAIL_MAX_LENGTH = 320

/** A setup code (the Emergency Kit's QR: address, public project key, email, Secret Key) is a few hundred characters. */
export const SETUP_CODE_MAX_LENGTH = 2_000

/** The most summaries one listItems call returns; the list asks for more as the user scrolls. */
export const LIST_LIMIT_MAX = 5_000

/** The auto-lock delays the settings offer, in ms; 0 = never. */
export const AUTO_LOCK_CHOICES_MS = [
  60_000,
  2 * 60_000,
  5 * 60_000,
  10 * 60_000,
  30 * 60_000,
  60 * 60_000,
  4 * 60 * 60_000,
  0,
] as const

/** The clipboard-clearing delays the settings offer, in ms; 0 = never. */
export const CLIPBOARD_CLEAR_CHOICES_MS = [10_000, 30_000, 60_000, 2 * 60_000, 5 * 60_000, 0] as const

export const DEFAULT_CLIPBOARD_CLEAR_MS = 30_000

/** The generator's ranges: main enforces them, the generator panel bounds its controls by them. */
export const PASSWORD_LENGTH = { min: 4, max: 128, default: 20 } as const
export const PASSPHRASE_WORDS = { min: 3, max: 20, default: 6 } as const
export const SEPARATOR_MAX_LENGTH = 5
