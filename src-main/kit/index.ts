/** The Emergency Kit module's public interface: the setup code and the printable PDF. */

export { type AccountKitFacts, accountKit, type KitVerification, verifyKit } from './account-kit.ts'
export { type EmergencyKitInput, emergencyKitFileName, renderEmergencyKit } from './emergency-kit.ts'
export {
  formatSetupCode,
  parseSetupCode,
  SETUP_CODE_MAX_LENGTH,
  SETUP_CODE_SCHEME,
  SETUP_CODE_VERSION,
  type SetupCode,
  type SetupCodeServer,
} from './setup-code.ts'
