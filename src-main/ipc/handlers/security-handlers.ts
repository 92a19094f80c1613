/** The Emergency Kit, "verify my kit", reading a setup code, and changing the account's secrets. */
import { VaultError } from '../../../src-shared/errors.ts'
import { formatSecretKey, kdfParamsFromRecord } from '../../crypto/index.ts'
import { type AccountKitFacts, accountKit, parseSetupCode, verifyKit } from '../../kit/index.ts'
import type { ChangeOutcome, VaultService } from '../../vault/index.ts'
import type { HandlersFor } from '../dispatcher.ts'
import type { HandlerDeps } from './deps.ts'

type SecurityMethod =
  | 'readSetupCode'
  | 'saveEmergencyKit'
  | 'verifyEmergencyKit'
  | 'getSecurityStatus'
  | 'changePassword'
  | 'changeSecretKey'
  | 'upgradeKdf'

export function securityHandlers(deps: HandlerDeps): HandlersFor<SecurityMethod> {
  const { vault, sync } = deps
  const facts = (): AccountKitFacts => ({
    ...vault.security.kitFacts(),
    productName: deps.identity.name,
    server: sync.serverConfig(),
    now: Date.now(),
  })
  return {
    readSetupCode: ({ setupCode }) => parseSetupCode(setupCode),
    saveEmergencyKit: async () => {
      const kit = await accountKit(facts())
      const savedAs = await deps.saveFile(kit.fileName, kit.pdf)
      if (savedAs === null) return { saved: false }
      vault.security.markKitSaved()
      return { saved: true, fileName: savedAs }
    },
    verifyEmergencyKit: ({ entry }) => verifyKit(entry, facts()),
    getSecurityStatus: () => ({ ...vault.security.facts(), signInAddress: sync.serverConfig()?.url ?? null }),
    changePassword: async ({ currentPassword, newPassword }) =>
      changeView(
        await vault.security.changeCredentials({ changed: 'password', password: currentPassword, newPassword }),
      ),
    changeSecretKey: async ({ password }) =>
      changeView(await vault.security.changeCredentials({ changed: 'secret-key', password })),
    upgradeKdf: async ({ password }) => changeView(await upgradeKdf(vault, password)),
  }
}

function upgradeKdf(vault: VaultService, password: string): Promise<ChangeOutcome> {
  const offer = vault.security.facts().kdfUpgrade
  if (offer === null)
    throw new VaultError('KDF_NOT_STRONGER', 'This device has no stronger key derivation cost to offer.')
  const newKdfCost = { memlimitBytes: offer.memlimitBytes, opslimit: offer.opslimit }
  return vault.security.changeCredentials({ changed: 'kdf', password, newKdfCost })
}

function changeView(outcome: ChangeOutcome) {
  const { memlimitBytes, opslimit } = kdfParamsFromRecord(JSON.parse(outcome.record.kdf))
  const base = {
    changed: outcome.changed,
    keysetRevision: outcome.record.keysetRevision,
    kdf: { memlimitBytes, opslimit },
  }
  if (outcome.secretKey === undefined) return base
  const keychain = outcome.keychain
  return {
    ...base,
    secretKey: formatSecretKey(outcome.secretKey),
    secretKeyInKeychain: keychain?.secretKeyInKeychain ?? false,
    ...(keychain?.keychainProblem === undefined ? {} : { keychainProblem: keychain.keychainProblem }),
  }
}
