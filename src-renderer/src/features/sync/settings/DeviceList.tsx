import type { DeviceView } from '@shared/ipc/views.ts'
import { useState } from 'react'
import { DeviceIcon } from '../../../ui/icons.tsx'
import { Banner, Button } from '../../../ui/index.ts'
import { ConfirmDialog } from '../../vault/dialogs/ConfirmDialog.tsx'
import { calendarDate } from '../../vault/model/format.ts'
import { absoluteTime, relativeTime, useNow } from '../sync-time.ts'
import { useDevices } from './use-devices.ts'

/** The devices that sync this account, and a way to sign any other one out. */
export function DeviceList() {
  const { devices, error, revoke } = useDevices()
  const [asking, setAsking] = useState<DeviceView | null>(null)
  const now = useNow()
  return (
    <div className="sync-devices">
      <h4 className="sync-subtitle">Devices</h4>
      {error ? (
        <Banner tone="error" live="alert" testId="sync-devices-error">
          {error}
        </Banner>
      ) : null}
      {devices === null && error === null ? <p className="muted">Loading devices…</p> : null}
      {devices !== null ? (
        <ul className="sync-device-list" aria-label="Devices">
          {devices.map((device) => (
            <DeviceRow key={device.deviceId} device={device} now={now} onSignOut={() => setAsking(device)} />
          ))}
        </ul>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title={`Sign out ${asking.label}?`}
          confirmLabel="Sign out device"
          danger
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null)
            void revoke(asking.deviceId)
          }}
        >
          The {asking.label} device added on {addedOn(asking)} stops syncing at once: its sign-in on the server ends.
          The copy of the vault already on it stays there, encrypted, and it can sync again only after signing in with
          your master password and Secret Key.
        </ConfirmDialog>
      ) : null}
    </div>
  )
}

interface DeviceRowProps {
  readonly device: DeviceView
  readonly now: number
  readonly onSignOut: () => void
}

function DeviceRow({ device, now, onSignOut }: DeviceRowProps) {
  const { label, thisDevice, revoked, createdAt, lastSeenAt } = device
  // Labels are the OS family only ("Linux"), so the date tells two alike apart.
  return (
    <li className={revoked ? 'sync-device is-revoked' : 'sync-device'} data-testid="sync-device">
      <span className="sync-device-icon">
        <DeviceIcon />
      </span>
      <div className="sync-device-text">
        <p className="sync-device-name">
          {label}
          {thisDevice ? <span className="sync-badge">This device</span> : null}
          {revoked ? <span className="sync-badge is-muted">Signed out</span> : null}
        </p>
        <p className="sync-device-meta">
          Added <span title={absoluteTime(createdAt)}>{addedOn(device)}</span> · Last seen{' '}
          <span title={absoluteTime(lastSeenAt)}>{relativeTime(lastSeenAt, now)}</span>
        </p>
      </div>
      {thisDevice || revoked ? null : (
        <Button small variant="ghost" onClick={onSignOut} aria-label={`Sign out ${label}, added ${addedOn(device)}`}>
          Sign out
        </Button>
      )}
    </li>
  )
}

function addedOn(device: DeviceView): string {
  return calendarDate(device.createdAt)
}
