import './sync-settings.css'
import { Banner } from '../../../ui/index.ts'
import { WithSync } from '../SyncProvider.tsx'
import { useSync } from '../sync-context.ts'
import { syncPhase } from '../sync-state.ts'
import { DeviceList } from './DeviceList.tsx'
import { SignInAgain } from './SignInAgain.tsx'
import { SyncOverview } from './SyncOverview.tsx'
import { SyncSetupForm } from './SyncSetupForm.tsx'
import { TurnOffSync } from './TurnOffSync.tsx'

/** Settings → Sync: the setup form while sync is off; otherwise its state, devices, and a way out. */
export function SyncSection() {
  return (
    <WithSync>
      <SyncSectionBody />
    </WithSync>
  )
}

function SyncSectionBody() {
  const sync = useSync()
  const { status, loadError } = sync
  if (status === null) {
    return loadError ? (
      <Banner tone="error" live="alert" testId="sync-load-error">
        {loadError}
      </Banner>
    ) : (
      <p className="muted">Loading…</p>
    )
  }
  if (status.state === 'off') return <SyncSetupForm />
  const phase = syncPhase(status, false)
  return (
    <div className="sync-on" data-testid="sync-on">
      {phase.kind === 'signed-out' ? (
        <SignInAgain revoked={status.error?.code === 'SYNC_DEVICE_REVOKED'} />
      ) : (
        <SyncOverview status={status} />
      )}
      {/* The device list needs a session: after signing in again it shows. */}
      {phase.kind === 'signed-out' ? null : <DeviceList />}
      <TurnOffSync url={status.url} />
    </div>
  )
}
