/**
 * The platform's command key: ⌘ on macOS, Ctrl elsewhere. Read once; the
 * window never moves between platforms.
 */
interface NavigatorWithUaData {
  readonly userAgentData?: { readonly platform?: string }
}

function detectMac(): boolean {
  if (typeof navigator === 'undefined') return false
  const uaPlatform = (navigator as NavigatorWithUaData).userAgentData?.platform
  return /mac/i.test(uaPlatform ?? navigator.platform ?? '')
}

export const IS_MAC = detectMac()

/** Whether the platform's command key is held: Meta on macOS, Ctrl elsewhere (and not the other one). */
export function hasModKey(event: { metaKey: boolean; ctrlKey: boolean }): boolean {
  return IS_MAC ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
}

export const MOD_LABEL = IS_MAC ? '⌘' : 'Ctrl'
export const SHIFT_LABEL = IS_MAC ? '⇧' : 'Shift'
