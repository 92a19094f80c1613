/**
 * Argon2id at the default unlock parameters (256 MiB, t=3, p=1): how fast
 * the libsodium worker is, cold and pre-warmed, against native argon2 (the
 * speed limit at p=1), and what a derivation costs the main thread.
 */
import { randomBytes } from 'node:crypto'
import { KDF_DEFAULT_MEMLIMIT_BYTES, KDF_FLOOR, KDF_SALT_BYTES } from '../src-main/crypto/kdf-params.ts'
import { mainThreadRecord, mainThreadTable, measureMainThread } from './argon2/main-thread.ts'
import { measureSpeed, speedRecord, speedTable } from './argon2/speed.ts'
import type { KdfInput } from './argon2/variants.ts'
import type { BenchModule, BenchOptions, BenchResult } from './lib/types.ts'

const OPSLIMIT = KDF_FLOOR.opslimit
const SPEED_ROUNDS = { full: 7, quick: 2 }
/** Fewer: these runs repeat the same derivations only to watch the main thread. */
const MAIN_THREAD_ROUNDS = { full: 3, quick: 1 }
const PASSWORD = new TextEncoder().encode('correct horse battery staple')

/** A fresh salt per round, so no round can profit from anything cached by the one before. */
function newInput(): KdfInput {
  return {
    password: PASSWORD.slice(),
    salt: new Uint8Array(randomBytes(KDF_SALT_BYTES)),
    opslimit: OPSLIMIT,
    memlimitBytes: KDF_DEFAULT_MEMLIMIT_BYTES,
  }
}

function roundsFor(options: BenchOptions, counts: { full: number; quick: number }): number {
  return options.rounds ?? (options.quick ? counts.quick : counts.full)
}

async function run(options: BenchOptions): Promise<BenchResult> {
  const rssAtStartBytes = process.memoryUsage.rss()
  const params = `${KDF_DEFAULT_MEMLIMIT_BYTES / 1024 / 1024} MiB, t=${OPSLIMIT}, p=1`
  const speedRounds = roundsFor(options, SPEED_ROUNDS)
  const speed = await measureSpeed(speedRounds, newInput)
  const mainThreadRounds = roundsFor(options, MAIN_THREAD_ROUNDS)
  const mainThread = await measureMainThread(mainThreadRounds, newInput)
  return {
    tables: [
      speedTable(speed, `Argon2id ${params}: time to key, ${speedRounds} interleaved rounds`),
      mainThreadTable(
        mainThread,
        `Argon2id ${params}: main thread and RSS, ${mainThreadRounds} round(s) per variant`,
        rssAtStartBytes,
      ),
    ],
    record: {
      params: { memlimitBytes: KDF_DEFAULT_MEMLIMIT_BYTES, opslimit: OPSLIMIT, parallelism: 1, hashLength: 32 },
      rounds: { speed: speedRounds, mainThread: mainThreadRounds, order: 'variants rotated each round' },
      speed: speedRecord(speed),
      mainThread: mainThreadRecord(mainThread),
      rssAtStartBytes,
    },
    failures: speed.mismatches.map((m) => `Argon2id output mismatch, ${m}`),
  }
}

export const argon2Bench: BenchModule = {
  name: 'argon2',
  description: 'Argon2id in the libsodium worker (cold, pre-warmed, one-shot) against native argon2',
  run,
}
