import './app-info.css'
import { useAppInfo } from './use-app-info.ts'

const MiB = 1024 * 1024

/** The About facts: version, the envelope format this build writes, and the weakest key derivation it accepts. */
export function AppInfo() {
  const state = useAppInfo()
  if (state.kind === 'loading') return <p className="app-info-placeholder muted">Loading…</p>
  if (state.kind === 'failed') return <p className="app-info-placeholder field-error">{state.error.message}</p>
  const { name, version, cryptoFormatVersion, kdfFloor } = state.info
  return (
    <dl className="app-info" aria-label="About this app">
      <dt>Version</dt>
      <dd data-testid="app-version">
        {name} {version}
      </dd>
      <dt>Encryption format</dt>
      <dd data-testid="crypto-format">v{cryptoFormatVersion}</dd>
      <dt>Minimum key derivation</dt>
      <dd data-testid="kdf-floor">
        Argon2id, {kdfFloor.memlimitBytes / MiB} MiB, {kdfFloor.opslimit} passes
      </dd>
    </dl>
  )
}
