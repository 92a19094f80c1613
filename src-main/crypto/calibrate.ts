import { Argon2Worker } from './argon2.ts'
import { KDF_DEFAULT_MEMLIMIT_BYTES, KDF_FLOOR, type KdfCost, opslimitForTarget } from './kdf-params.ts'
import { randomBytes } from './random.ts'

/**
 * New-account cost: the default memory, and as many passes as take
 * about a second on this device (KeePassXC's approach), measured with one
 * throwaway derivation at the floor's pass count on a warmed worker (an
 * unlock also uses a warmed one). Costs that one derivation plus the warm-up.
 */
export async function calibrateKdfCost(
  options: { memlimitBytes?: number; targetMs?: number; worker?: Argon2Worker } = {},
): Promise<KdfCost> {
  const memlimitBytes = options.memlimitBytes ?? KDF_DEFAULT_MEMLIMIT_BYTES
  const input = {
    password: randomBytes(16),
    salt: randomBytes(16),
    opslimit: KDF_FLOOR.opslimit,
    memlimitBytes,
  }
  const worker = options.worker ?? Argon2Worker.start(memlimitBytes)
  await worker.ready
  const started = performance.now()
  const key = await worker.derive(input)
  const elapsed = performance.now() - started
  key.fill(0)
  return { memlimitBytes, opslimit: opslimitForTarget(elapsed, KDF_FLOOR.opslimit, options.targetMs) }
}
