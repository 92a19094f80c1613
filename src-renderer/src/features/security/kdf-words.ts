/** Key-derivation costs and timings in words: "256 MiB, 3 passes", "about 640 ms". */

const MiB = 1024 * 1024

export interface KdfCost {
  readonly memlimitBytes: number
  readonly opslimit: number
}

export function kdfCostText(cost: KdfCost): string {
  const mib = cost.memlimitBytes / MiB
  const memory = Number.isInteger(mib) ? String(mib) : mib.toFixed(1)
  return `${memory} MiB, ${cost.opslimit} ${cost.opslimit === 1 ? 'pass' : 'passes'}`
}

export function msText(ms: number): string {
  return `${Math.round(ms)} ms`
}

/**
 * Whether an offered cost is stronger on both counts and not the same. Main
 * only offers stronger ones; checking here too means a wrong offer is never
 * shown as an upgrade.
 */
export function isStronger(offer: KdfCost, current: KdfCost): boolean {
  const notWeaker = offer.memlimitBytes >= current.memlimitBytes && offer.opslimit >= current.opslimit
  return notWeaker && (offer.memlimitBytes > current.memlimitBytes || offer.opslimit > current.opslimit)
}
