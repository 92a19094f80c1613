/**
 * How far along a typed Secret Key is, so the live check can wait until it
 * is complete before calling it wrong. Only counting: the checks themselves
 * run in main (checkSecretKey). Mirrors the printed format K1 + 34 symbols,
 * with case, spaces and dashes ignored as main ignores them.
 */
export const SECRET_KEY_SYMBOLS = 36

const IGNORED = /[\s\-\u2010-\u2015\u2212]/g

export function typedSymbolCount(typed: string): number {
  return typed.replace(IGNORED, '').length
}
