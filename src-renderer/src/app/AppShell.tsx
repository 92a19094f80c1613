import './app.css'
import { useMemo } from 'react'
import { VaultClientContext } from '../api/use-vault-client.ts'
import { useVaultEvent } from '../api/use-vault-event.ts'
import type { VaultClient } from '../api/vault-client.ts'
import { Onboarding } from '../features/onboarding/Onboarding.tsx'
import { UnlockScreen } from '../features/unlock/UnlockScreen.tsx'
import { VaultWorkspace } from '../features/vault/VaultWorkspace.tsx'
import { AuthHeader, AuthLayout, Banner, Button, LogoMark } from '../ui/index.ts'
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
      return (
        <UnlockScreen
          accountId={screen.accountId}
          secretKeyNeeded={screen.secretKeyNeeded}
          secretKeyReason={screen.secretKeyReason}
          notice={screen.notice}
          onUnlocked={refresh}
        />
      )
    case 'unlocked':
      return <Unlocked accountId={screen.accountId} email={screen.email} control={control} />
  }
}

function Unlocked({ accountId, email, control }: { accountId: string; email: string; control: ScreenControl }) {
  const { lock, locked } = control
  const session = useMemo<Session>(
    () => ({ accountId, email, lock, markLocked: () => locked('expired') }),
    [accountId, email, lock, locked],
  )
  return (
    <SessionContext.Provider value={session}>
      <VaultWorkspace />
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
