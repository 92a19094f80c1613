/**
 * Item utilities: TOTP codes, password and passphrase generation, strength
 * estimation and SSH keys. The rest of the main process imports from here.
 */
export { CHARACTER_CLASS_NAMES, CHARACTER_CLASSES, type CharacterClassName, LOOKALIKES } from './char-classes.ts'
export { type GeneratedSecret, generatePassphrase, generatePassword } from './generator.ts'
export {
  PASSPHRASE_WORDS,
  PASSWORD_LENGTH,
  type PassphraseOptions,
  type PasswordOptions,
  SEPARATOR_MAX_LENGTH,
} from './generator-options.ts'
export { type GeneratedSshKey, generateSshKey, importSshKey, type SshKeyMaterial } from './ssh-key.ts'
export {
  assertStrongMasterPassword,
  estimateStrength,
  MIN_MASTER_PASSWORD_LENGTH,
  MIN_MASTER_PASSWORD_SCORE,
  type StrengthEstimate,
  type StrengthScore,
} from './strength.ts'
export {
  normalizeTotp,
  TOTP_ALGORITHMS,
  TOTP_MAX_DIGITS,
  TOTP_MAX_PERIOD,
  TOTP_MIN_DIGITS,
  TOTP_MIN_PERIOD,
  type TotpAlgorithm,
  type TotpCode,
  totpCode,
} from './totp.ts'
