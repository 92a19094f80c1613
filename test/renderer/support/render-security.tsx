/** The Settings panel over a stub vault whose security status is SECURITY_STATUS with overrides. */
import { render, screen } from '@testing-library/react'
import { VaultClientContext } from '../../../src-renderer/src/api/use-vault-client.ts'
import { createVaultClient } from '../../../src-renderer/src/api/vault-client.ts'
import { SettingsPanel } from '../../../src-renderer/src/features/settings/SettingsPanel.tsx'
import { ok, SECURITY_STATUS, type StubVault, stubVault } from './stub-vault.ts'

export function securityVault(overrides: Parameters<typeof stubVault>[0] = {}, status: object = {}): StubVault {
  return stubVault({ getSecurityStatus: async () => ok({ ...SECURITY_STATUS, ...status }), ...overrides })
}

/** Renders Settings and waits until the Security section has its status. */
export async function renderSecurity(vault: StubVault): Promise<void> {
  render(
    <VaultClientContext.Provider value={createVaultClient(vault as never)}>
      <SettingsPanel />
    </VaultClientContext.Provider>,
  )
  await screen.findByTestId('kdf-current')
}
