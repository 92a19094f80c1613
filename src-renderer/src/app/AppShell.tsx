import './app.css'
import { type ReactNode, useMemo, useState } from 'react'
import { VaultClientContext } from '../api/use-vault-client.ts'
import { useVaultEvent } from '../api/use-vault-event.ts'
import type { VaultClient } from '../api/vault-client.ts'
import { Onboarding } from '../features/onboarding/Onboarding.tsx'
import { CredentialNotice, type CredentialNoticeView } from '../features/security/CredentialNotice.tsx'
import { UnlockScreen } from '../features/unlock/UnlockScreen.tsx'
import { VaultWorkspace } from '../features/vault/VaultWorkspace.tsx'
import { AuthHeader, AuthLayout, Banner, Button, LogoMark } from '../ui/index.ts'
import type { Screen } from './app-state.ts'
import { type Session, SessionContext } from './session.ts'
import { useActivityReporter } from './use-activity-reporter.ts'
import { type ScreenControl, useScreen } from './use-screen.ts'

/**
 * The window's top level: asks main which screen to show (onboarding, lock
 * screen or vault), follows main's lock events, and keeps the idle timer in
 * main fed while the vault is open.
 */
export function AppShell({ client: base }: { readonly client: VaultClient }) {
  const control = useScreen(base)
  return (
    <VaultClientContext.Provider value={control.client}>
      <Screens control={control} />
    </VaultClientContext.Provider>
  )
}

function Screens({ control }: { readonly control: ScreenControl }) {
  const { screen, client, refresh, locked } = control
  // What the last unlock settled of a change of secrets begun earlier: shown over the vault until dismissed.
  const [credentialNotice, setCredentialNotice] = useState<CredentialNoticeView | null>(null)
  const open = screen.kind === 'unlocked' || screen.kind === 'onboarding'
  useVaultEvent((event) => {
    if (event.type === 'locked') locked(event.reason)
  })
  useActivityReporter(client, open)

  switch (screen.kind) {
    case 'starting':
      return <Starting />
    case 'unreachable':
      return <Unreachable message={screen.message} onRetry={() => void refresh()} />
    case 'onboarding':
      return <Onboarding onDone={() => void refresh()} lockedMeanwhile={screen.lockedMeanwhile} />
    case 'locked':
      return <Locked screen={screen} refresh={refresh} onNotice={setCredentialNotice} />
    case 'unlocked':
      return (
        <Unlocked accountId={screen.accountId} email={screen.email} control={control}>
          {credentialNotice ? (
            <CredentialNotice notice={credentialNotice} onDismiss={() => setCredentialNotice(null)} />
          ) : null}
        </Unlocked>
      )
  }
}

interface LockedProps {
  readonly screen: Extract<Screen, { kind: 'locked' }>
  readonly refresh: () => Promise<void>
  readonly onNotice: (notice: CredentialNoticeView | null) => void
}

function Locked({ screen, refresh, onNotice }: LockedProps) {
  return (
    <UnlockScreen
      accountId={screen.accountId}
      secretKeyNeeded={screen.secretKeyNeeded}
      secretKeyReason={screen.secretKeyReason}
      notice={screen.notice}
      onUnlocked={async (result) => {
        // Each unlock replaces the last one's notice (or clears it), so a notice shows for one session only.
        onNotice(result.credentialNotice ?? null)
        await refresh()
      }}
      onRefreshStatus={refresh}
    />
  )
}

interface UnlockedProps {
  readonly accountId: string
  readonly email: string
  readonly control: ScreenControl
  /** Shown over the workspace (a one-time notice). */
  readonly children?: ReactNode
}

function Unlocked({ accountId, email, control, children }: UnlockedProps) {
  const { lock, locked } = control
  const session = useMemo<Session>(
    () => ({ accountId, email, lock, markLocked: () => locked('expired') }),
    [accountId, email, lock, locked],
  )
  return (
    <SessionContext.Provider value={session}>
      <VaultWorkspace />
      {children}
    </SessionContext.Provider>
  )
}

/** While the first getStatus is on its way (a few ms): the mark fades in only if it takes longer. */
function Starting() {
  return (
    <div className="app-starting" role="status" aria-busy="true">
      <LogoMark size={48} />
      <span className="visually-hidden">Opening Vault…</span>
    </div>
  )
}

function Unreachable({ message, onRetry }: { readonly message: string; readonly onRetry: () => void }) {
  return (
    <AuthLayout>
      <AuthHeader title="Vault cannot start" />
      <Banner tone="error" live="alert" testId="startup-error">
        {message}
      </Banner>
      <div className="auth-actions">
        <Button variant="primary" block onClick={onRetry}>
          Try again
        </Button>
      </div>
    </AuthLayout>
  )
}
