/**
 * The workspace's keyboard shortcuts, in one table that both the key handler
 * and the help dialog read, so the two cannot disagree. "Mod" is ⌘ on macOS
 * and Ctrl elsewhere. None collides with what Chromium keeps for itself in
 * an app window (DevTools is off in production builds).
 */
import { hasModKey, MOD_LABEL, SHIFT_LABEL } from '../model/platform.ts'

export type ShortcutId = 'search' | 'newItem' | 'edit' | 'lock' | 'copyPassword' | 'copyUsername' | 'copyTotp' | 'help'

interface Binding {
  readonly id: ShortcutId
  /** KeyboardEvent.code, so Shift and keyboard layouts do not change which key it is. */
  readonly code?: string
  /** KeyboardEvent.key, for characters whose key position differs between layouts ("/", "?"). */
  readonly key?: string
  readonly mod: boolean
  readonly shift: boolean
  /** Plain-key shortcuts must not fire while the user types in a field. */
  readonly whileTyping: boolean
}

const BINDINGS: readonly Binding[] = [
  { id: 'search', code: 'KeyF', mod: true, shift: false, whileTyping: true },
  { id: 'search', key: '/', mod: false, shift: false, whileTyping: false },
  { id: 'newItem', code: 'KeyN', mod: true, shift: false, whileTyping: true },
  { id: 'edit', code: 'KeyE', mod: true, shift: false, whileTyping: true },
  { id: 'lock', code: 'KeyL', mod: true, shift: false, whileTyping: true },
  { id: 'copyPassword', code: 'KeyC', mod: true, shift: true, whileTyping: true },
  { id: 'copyUsername', code: 'KeyU', mod: true, shift: true, whileTyping: true },
  { id: 'copyTotp', code: 'KeyO', mod: true, shift: true, whileTyping: true },
  { id: 'help', key: '?', mod: false, shift: true, whileTyping: false },
]

export interface KeyInput {
  readonly key: string
  readonly code: string
  readonly ctrlKey: boolean
  readonly metaKey: boolean
  readonly altKey: boolean
  readonly shiftKey: boolean
}

export function matchShortcut(event: KeyInput, typing: boolean): ShortcutId | null {
  if (event.altKey) return null
  const mod = hasModKey(event)
  const other = event.ctrlKey || event.metaKey
  for (const binding of BINDINGS) {
    if (typing && !binding.whileTyping) continue
    if (binding.mod ? !mod : other) continue
    const keyMatches = binding.code !== undefined ? event.code === binding.code : event.key === binding.key
    // "?" needs Shift on most layouts; for it, Shift is part of the character, not a modifier to check.
    const shiftMatches = binding.key === '?' || binding.shift === event.shiftKey
    if (keyMatches && shiftMatches) return binding.id
  }
  return null
}

const mod = (key: string) => [MOD_LABEL, key]
const modShift = (key: string) => [MOD_LABEL, SHIFT_LABEL, key]

export interface ShortcutHelp {
  readonly keys: readonly (readonly string[])[]
  readonly description: string
}

/** What the help dialog lists, grouped; the alternatives for one action share a row. */
export const SHORTCUT_HELP: readonly { readonly group: string; readonly items: readonly ShortcutHelp[] }[] = [
  {
    group: 'Find',
    items: [
      { keys: [mod('F'), ['/']], description: 'Search' },
      { keys: [['↑'], ['↓']], description: 'Previous or next item' },
      { keys: [['Enter']], description: 'Open the selected item' },
      { keys: [['Esc']], description: 'Back to search' },
    ],
  },
  {
    group: 'Items',
    items: [
      { keys: [mod('N')], description: 'New item' },
      { keys: [mod('E')], description: 'Edit the selected item' },
      { keys: [mod('S')], description: 'Save, while editing' },
      { keys: [['Esc']], description: 'Cancel editing' },
    ],
  },
  {
    group: 'Copy from the selected item',
    items: [
      { keys: [modShift('C')], description: 'Password' },
      { keys: [modShift('U')], description: 'Username' },
      { keys: [modShift('O')], description: 'One-time code' },
    ],
  },
  {
    group: 'Vault',
    items: [
      { keys: [mod('L'), modShift('L')], description: 'Lock' },
      { keys: [['?']], description: 'Show these shortcuts' },
    ],
  },
]

/** What the copy shortcuts mean for the types without a password or username. */
export const COPY_SHORTCUT_NOTE =
  'For a card, "Password" copies the card number; for an API credential, the credential. ' +
  'For an identity, "Username" copies the email address.'
