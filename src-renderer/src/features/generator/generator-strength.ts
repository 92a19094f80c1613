import type { StrengthLevel } from '../../ui/StrengthMeter.tsx'

export interface EntropyRating {
  readonly level: StrengthLevel
  readonly label: string
}

/**
 * Bands for a random secret's entropy. Against an offline attack on a fast
 * hash (~10^12 guesses a second), 60 bits falls in days, 80 in decades; 100
 * and more is out of reach.
 */
export function rateEntropy(bits: number): EntropyRating {
  if (bits < 60) return { level: 1, label: 'Weak' }
  if (bits < 80) return { level: 2, label: 'Fair' }
  if (bits < 100) return { level: 3, label: 'Strong' }
  return { level: 4, label: 'Very strong' }
}
