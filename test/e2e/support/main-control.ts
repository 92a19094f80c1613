/**
 * What a journey may ask of the main process directly, beside driving the
 * window: set up an account without the onboarding screens, read the
 * clipboard main wrote, shorten delays, and play the operating system
 * (suspend, screen lock, a keychain that lost the Secret Key).
 */
export interface SeededAccount {
  readonly email: string
  readonly password: string
  /** As printed on the Emergency Kit. */
  readonly secretKey: string
}

export interface MainControl {
  /** Creates an account through the real vault service and leaves it unlocked; reload the page to see it. */
  seedAccount(): Promise<SeededAccount>
  /** What the (test) system clipboard holds now. */
  readClipboard(): Promise<string>
  /** Any delay, shorter than the settings offer, for the auto-clear test. */
  setClipboardClearMs(ms: number): Promise<void>
  /** Any delay, shorter than the settings offer, for the auto-lock test. */
  setAutoLockMs(ms: number): Promise<void>
  /** Every URL main handed to the system browser, in order. */
  openedUrls(): Promise<string[]>
  /** Full paths of the files main saved as if the user had picked a folder in the save dialog (the Emergency Kit). */
  savedFiles(): Promise<string[]>
  /** The next open dialog answers with this file (a full path); with none queued it answers Cancel. */
  queueFileToOpen(path: string): Promise<void>
  /** Empties the keychain, as on a device that never saved the Secret Key. */
  forgetSecretKey(): Promise<void>
  /** Locks the way the OS triggers do: system suspend or screen lock. */
  lockFromSystem(reason: 'suspend' | 'screen-lock'): Promise<void>
}

export const SEED_EMAIL = 'ada@example.org'
export const SEED_PASSWORD = 'glacier orbit pamphlet 93 tundra'
