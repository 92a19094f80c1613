/**
 * The passwords a real vault holds, generated from a seed: generated random
 * ones (12–30 characters, the app's and other managers' generators),
 * passphrases of 4–6 words, and the kind people make up (a word or name, a
 * year or digits, a symbol, sometimes in l33t). Each login has a username
 * and a site, as the health report passes them to zxcvbn.
 */
import type { HealthInput } from '../../src-main/health/health-report.ts'
import type { ItemContent } from '../../src-shared/domain/item.ts'
import { Rng } from '../vault/content.ts'
import * as W from '../vault/words.ts'

export const SHAPES = ['random', 'passphrase', 'made up'] as const
export type Shape = (typeof SHAPES)[number]

export interface BenchPassword {
  readonly shape: Shape
  readonly password: string
  readonly username: string
  readonly site: string
}

const RANDOM_CHARS = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!@#$%^&*()-_=+[]{};:,.?/~'
const L33T: Readonly<Record<string, string>> = { a: '4', e: '3', i: '1', o: '0', s: '$', t: '7' }
/** Shares of a vault: mostly generated, as in a password manager, a fifth made up by hand. */
const MIX: readonly [Shape, number][] = [
  ['random', 0.6],
  ['passphrase', 0.2],
  ['made up', 0.2],
]

function madeUp(rng: Rng): string {
  const base = rng.chance(0.5) ? rng.pick(W.NOTE_WORDS) : rng.pick(W.FIRST_NAMES).toLowerCase()
  const word = rng.chance(0.3) ? [...base].map((c) => (rng.chance(0.5) ? (L33T[c] ?? c) : c)).join('') : base
  const capital = rng.chance(0.6) ? word.charAt(0).toUpperCase() + word.slice(1) : word
  const digits = rng.chance(0.5) ? String(rng.int(1960, 2026)) : String(rng.int(0, 999))
  return capital + digits + (rng.chance(0.5) ? rng.pick(['!', '.', '#', '$', '?']) : '')
}

function passwordOf(rng: Rng, shape: Shape): string {
  switch (shape) {
    case 'random':
      return rng.chars(RANDOM_CHARS, rng.int(12, 30))
    case 'passphrase':
      return Array.from({ length: rng.int(4, 6) }, () => rng.pick(W.NOTE_WORDS)).join(rng.pick(['-', ' ', '.']))
    case 'made up':
      return madeUp(rng)
  }
}

function shapeOf(rng: Rng): Shape {
  let roll = rng.next()
  for (const [shape, share] of MIX) {
    roll -= share
    if (roll < 0) return shape
  }
  return 'random'
}

export function generatePasswords(seed: number, count: number): BenchPassword[] {
  const rng = new Rng(seed)
  return Array.from({ length: count }, () => {
    const shape = shapeOf(rng)
    const [, domain] = rng.pick(W.SITES)
    return { shape, password: passwordOf(rng, shape), username: rng.pick(W.OWN_EMAILS), site: domain }
  })
}

/** One login per password, as healthInputs() gives them to the report. */
export function healthInputsOf(passwords: readonly BenchPassword[], now: number): HealthInput[] {
  return passwords.map(({ password, username, site }, index) => {
    const content: ItemContent = {
      type: 'login',
      title: `Login ${index}`,
      favorite: false,
      tags: [],
      notes: '',
      customFields: [],
      fields: { username, password, urls: [`https://${site}/login`], totp: '' },
      v: 1,
      createdAt: now,
      updatedAt: now,
      trashedAt: null,
    }
    return { id: `item-${index}`, content, passwordChangedAt: now }
  })
}
