/**
 * Turns what keytar and libsecret report into one plain sentence for the
 * user, saying what to install or start. The raw messages ("Cannot autolaunch
 * D-Bus without X11 $DISPLAY") mean nothing to most people, and on Linux the
 * fix is nearly always a missing package or a desktop service not running.
 */
import { KeychainLoadError } from './backend.ts'

/** Raised by the timeout race; the store turns it into a reason like any other failure. */
export class KeychainTimeoutError extends Error {
  override readonly name = 'KeychainTimeoutError'
  readonly timeoutMs: number

  constructor(timeoutMs: number) {
    super(`The keychain did not answer within ${timeoutMs} ms.`)
    this.timeoutMs = timeoutMs
  }
}

const LINUX_INSTALL = 'sudo apt-get install gnome-keyring dbus libsecret-1-0'
const DETAIL_LIMIT = 200

export function stillWaitingReason(): string {
  return (
    'The system keychain has not yet answered an earlier request; it may be locked and waiting for its ' +
    'password. Unlock it, or restart the app.'
  )
}

/**
 * `secret` is the value the failed call was given, if any: it is cut out of
 * the native message before that message is quoted, whatever libsecret said.
 */
export function reasonFor(error: unknown, secret?: string, platform: NodeJS.Platform = process.platform): string {
  if (error instanceof KeychainTimeoutError) return timeoutReason(error.timeoutMs)
  const detail = quotedDetail(error, secret)
  if (error instanceof KeychainLoadError) return loadReason(detail, platform)
  if (platform !== 'linux') return `The system keychain reported an error (${detail}).`
  return linuxReason(detail)
}

function timeoutReason(timeoutMs: number): string {
  const seconds = Math.round(timeoutMs / 100) / 10
  return (
    `The system keychain did not answer within ${seconds} s. It may be locked and waiting for its ` +
    'password, or its service may be hung. Unlock it or restart it, then try again.'
  )
}

function loadReason(detail: string, platform: NodeJS.Platform): string {
  const fix =
    platform === 'linux'
      ? `Install libsecret (${LINUX_INSTALL}), then reinstall the app's dependencies (npm ci).`
      : "Reinstall the app's dependencies (npm ci)."
  return `The app's keychain module could not be loaded (${detail}). ${fix}`
}

function linuxReason(detail: string): string {
  if (
    /autolaunch D-Bus|Could not connect|DBUS_SESSION_BUS_ADDRESS|Failed to connect|Connection refused/i.test(detail)
  ) {
    return (
      'No D-Bus session is running, so the system keychain (Secret Service) cannot be reached. ' +
      `Start the app from a desktop session, or install a keychain and D-Bus (${LINUX_INSTALL}) and log in again.`
    )
  }
  if (/org\.freedesktop\.secrets|ServiceUnknown|not provided by any \.service/i.test(detail)) {
    return (
      'No Secret Service (GNOME Keyring or KWallet) is running in this desktop session. ' +
      `Install and start one (${LINUX_INSTALL}), then log in again.`
    )
  }
  if (/locked|collection/i.test(detail)) {
    return (
      'The system keychain has no unlocked default keyring. Open "Passwords and Keys" (Seahorse) or ' +
      `your desktop's keyring manager, create or unlock the default keyring, then try again. (${detail})`
    )
  }
  if (/cancel|dismiss/i.test(detail)) {
    return 'The system keychain prompt was dismissed, so the keychain could not be used this time.'
  }
  return `The system keychain reported an error (${detail}).`
}

function quotedDetail(error: unknown, secret: string | undefined): string {
  const raw = error instanceof KeychainLoadError ? error.detail : error instanceof Error ? error.message : String(error)
  const redacted = secret ? raw.replaceAll(secret, '[redacted]') : raw
  const oneLine = redacted.replace(/\s+/g, ' ').trim()
  return oneLine.length > DETAIL_LIMIT ? `${oneLine.slice(0, DETAIL_LIMIT)}…` : oneLine || 'no details'
}
