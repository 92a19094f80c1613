import type { ReactNode } from 'react'
import { DeviceIcon, KeyIcon, ShieldIcon } from '../../ui/icons.tsx'
import { AuthHeader, Button } from '../../ui/index.ts'

export interface WelcomeStepProps {
  readonly onStart: () => void
  /** The account already exists on another device: bring it here through sync. */
  readonly onJoin: () => void
  /** The user has an Emergency Kit: read its setup code, or type what is printed on it. */
  readonly onKit: () => void
  /** The user has an encrypted backup file: make a new vault from it. */
  readonly onRestore: () => void
}

/** First screen of a first run: what this app is, in three lines, and the ways forward. */
export function WelcomeStep({ onStart, onJoin, onKit, onRestore }: WelcomeStepProps) {
  return (
    <>
      <AuthHeader title="Welcome to Vault" subtitle="A password manager that keeps your secrets on your side." />
      <ul className="welcome-points">
        <Point icon={<ShieldIcon />} title="Zero knowledge">
          Everything is encrypted on this device. Titles, addresses and usernames too.
        </Point>
        <Point icon={<KeyIcon />} title="Two secrets">
          Your master password and a Secret Key made on this device. A copy of your vault is useless without both.
        </Point>
        <Point icon={<DeviceIcon />} title="Works offline">
          Your vault is a single encrypted file on this computer.
        </Point>
      </ul>
      <div className="auth-actions">
        <Button variant="primary" block onClick={onStart}>
          Create a new vault
        </Button>
        <Button variant="ghost" block onClick={onJoin}>
          Sign in to an existing account
        </Button>
        <Button variant="ghost" block onClick={onKit}>
          I have an Emergency Kit
        </Button>
        <Button variant="ghost" block onClick={onRestore}>
          Restore from a backup
        </Button>
      </div>
    </>
  )
}

function Point({
  icon,
  title,
  children,
}: {
  readonly icon: ReactNode
  readonly title: string
  readonly children: ReactNode
}) {
  return (
    <li className="welcome-point">
      <span className="welcome-point-icon">{icon}</span>
      <div>
        <p className="welcome-point-title">{title}</p>
        <p className="welcome-point-text">{children}</p>
      </div>
    </li>
  )
}
