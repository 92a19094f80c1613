import './security.css'
import { useState } from 'react'
import { Banner } from '../../ui/index.ts'
import { SettingsPart } from '../settings/SettingsPart.tsx'
import { ChangePassword } from './ChangePassword.tsx'
import { EmergencyKitPanel } from './EmergencyKitPanel.tsx'
import { KeyDerivation } from './KeyDerivation.tsx'
import { NewSecretKey } from './NewSecretKey.tsx'
import type { SecurityActionProps } from './security-action.ts'
import { useSecurityStatus } from './use-security-status.ts'

type Action = 'password' | 'secret-key' | 'kdf'

/**
 * Settings → Security: the Emergency Kit, changing the master password, the
 * Secret Key or the key-derivation cost, and the account fingerprint. One
 * change form is open at a time, so each has one "Master password" field
 * and the dialog stays short.
 */
export function SecuritySection() {
  const security = useSecurityStatus()
  const [open, setOpen] = useState<Action | null>(null)
  const { status } = security
  const actionFor = (action: Action): SecurityActionProps => ({
    open: open === action,
    onOpen: () => setOpen(action),
    onClose: () => setOpen((current) => (current === action ? null : current)),
    onAttempted: security.reload,
  })
  return (
    <div className="security" data-testid="security-settings">
      {security.loadError ? (
        <Banner tone="error" live="alert" testId="security-load-error">
          {security.loadError}
        </Banner>
      ) : null}
      {status?.changePending ? (
        <Banner tone="info" live="status" testId="change-pending">
          A change of password or Secret Key is waiting for the sync server; it will finish or be undone at the next
          sync.
        </Banner>
      ) : null}
      <SettingsPart title="Emergency Kit">
        <EmergencyKitPanel outdated={status?.kitOutdated ?? false} onSaved={security.reload} />
      </SettingsPart>
      <SettingsPart title="Master password">
        <ChangePassword {...actionFor('password')} />
      </SettingsPart>
      <SettingsPart title="Secret Key">
        <NewSecretKey {...actionFor('secret-key')} />
      </SettingsPart>
      <SettingsPart title="Key derivation">
        {status ? <KeyDerivation status={status} {...actionFor('kdf')} /> : <p className="muted">Loading…</p>}
      </SettingsPart>
      <SettingsPart title="Account fingerprint">
        {status ? <AccountFingerprint fingerprint={status.fingerprint} /> : <p className="muted">Loading…</p>}
      </SettingsPart>
    </div>
  )
}

/**
 * A digest of the account's public identity, the same on every machine of
 * the account: comparing it is how the user knows a new machine holds this
 * account and not one a server slipped in.
 */
function AccountFingerprint({ fingerprint }: { readonly fingerprint: string }) {
  return (
    <div className="security-action">
      <p className="security-fingerprint" data-testid="account-fingerprint">
        {fingerprint}
      </p>
      <p className="security-text">
        Every machine signed in to this account shows this same fingerprint. Compare it when you set up a new machine;
        if it differs, do not use that machine's vault.
      </p>
    </div>
  )
}
