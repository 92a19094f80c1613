/**
 * The character classes the password generator draws from.
 *
 * Symbols are ASCII punctuation without the quotes (' " `), the backslash and
 * the space: those break when a password is pasted into a shell, a CSV file,
 * a JSON string or a form that trims, and the other 28 keep plenty of entropy.
 *
 * Look-alikes, dropped when asked: 0 O o (zero and the letter O), 1 l I |
 * (one, ell, capital i, bar), 5 S, 2 Z and 8 B. These are the pairs that
 * collide in common UI and print fonts; a user copying a password by hand
 * from another screen or from paper meets them. KeePassXC drops a similar set.
 */
export const CHARACTER_CLASS_NAMES = ['lowercase', 'uppercase', 'digits', 'symbols'] as const
export type CharacterClassName = (typeof CHARACTER_CLASS_NAMES)[number]

export const CHARACTER_CLASSES: Readonly<Record<CharacterClassName, string>> = {
  lowercase: 'abcdefghijklmnopqrstuvwxyz',
  uppercase: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digits: '0123456789',
  symbols: '!#$%&()*+,-./:;<=>?@[]^_{|}~',
}

export const LOOKALIKES = '0Oo1lI|5S2Z8B'

/** The characters of one class, without look-alikes when asked. */
export function classCharacters(name: CharacterClassName, excludeLookalikes: boolean): string {
  const all = CHARACTER_CLASSES[name]
  if (!excludeLookalikes) return all
  return [...all].filter((char) => !LOOKALIKES.includes(char)).join('')
}
