/**
 * What a derivation costs the main process while it runs: the longest block
 * of its event loop (the UI's IPC stalls for that long) and its RSS before,
 * at the peak, when the result arrives (the worker already terminated) and
 * after a short settle.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { type ProbeReport, startProbe } from '../lib/probe.ts'
import { median, round } from '../lib/stats.ts'
import { fmtMiB, fmtMs } from '../lib/table.ts'
import type { BenchTable, Json } from '../lib/types.ts'
import { type KdfInput, rotated, VARIANTS } from './variants.ts'

/** perf.md §7.5: the main-process event loop must never block for longer. */
export const LOOP_BLOCK_GOAL_MS = 50
/** perf.md §7.5: after unlock, RSS may stay at most this far above its pre-unlock level. */
const RSS_RISE_GOAL_BYTES = 80 * 1024 * 1024
/** Time for the allocator and the kernel to hand back freed pages before the last RSS reading. */
const SETTLE_MS = 300

export interface MainThreadSample extends ProbeReport {
  readonly rssSettledBytes: number
}

/** variant id → one sample per round. */
export type MainThreadRun = Record<string, MainThreadSample[]>

export async function measureMainThread(rounds: number, newInput: () => KdfInput): Promise<MainThreadRun> {
  const run: MainThreadRun = Object.fromEntries(VARIANTS.map((v) => [v.id, [] as MainThreadSample[]]))
  for (let r = 0; r < rounds; r += 1) {
    const input = newInput()
    for (const variant of rotated(VARIANTS, r)) {
      await sleep(SETTLE_MS)
      // The probe spans the whole lifecycle, worker spawn included: main-thread work happens there too.
      const probe = startProbe()
      const result = await variant.run(input)
      const report = probe.stop()
      result.key.fill(0)
      await sleep(SETTLE_MS)
      run[variant.id]?.push({ ...report, rssSettledBytes: process.memoryUsage.rss() })
    }
    console.error(`  argon2 main thread: round ${r + 1}/${rounds} done`)
  }
  return run
}

/** The worse of the two blocking measures, over all rounds. */
function worstBlockMs(samples: readonly MainThreadSample[]): number {
  return Math.max(...samples.map((s) => Math.max(s.loopDelayMaxMs, s.timerGapMaxMs)))
}

function samplesOf(run: MainThreadRun, id: string): MainThreadSample[] {
  const samples = run[id]
  if (samples === undefined || samples.length === 0) throw new Error(`no main-thread samples for ${id}`)
  return samples
}

/** Our own longest stretch of main-thread work, over all rounds. */
function busiestMs(samples: readonly MainThreadSample[]): number {
  return Math.max(...samples.map((s) => s.busiestGapCpuMs))
}

/** The round with the longest wall-clock gap, to show how much of it was main-thread CPU. */
function worstGap(samples: readonly MainThreadSample[]): MainThreadSample {
  return samples.reduce((worst, s) => (s.timerGapMaxMs > worst.timerGapMaxMs ? s : worst))
}

function mainThreadRow(label: string, samples: readonly MainThreadSample[]): (string | number)[] {
  const mid = (pick: (s: MainThreadSample) => number): number => median(samples.map(pick))
  const gap = worstGap(samples)
  return [
    label,
    samples.length,
    fmtMs(Math.max(...samples.map((s) => s.loopDelayMaxMs))),
    fmtMs(gap.timerGapMaxMs),
    fmtMs(gap.timerGapMaxCpuMs),
    fmtMs(busiestMs(samples)),
    `${worstBlockMs(samples) < LOOP_BLOCK_GOAL_MS ? 'yes' : 'NO'} / ${busiestMs(samples) < LOOP_BLOCK_GOAL_MS ? 'yes' : 'NO'}`,
    fmtMiB(mid((s) => s.rssBeforeBytes)),
    fmtMiB(mid((s) => s.rssPeakBytes)),
    fmtMiB(mid((s) => s.rssEndBytes)),
    fmtMiB(mid((s) => s.rssSettledBytes - s.rssBeforeBytes)),
  ]
}

/** rssAtStartBytes: the process before any derivation, since "RSS before" comes after all earlier rounds. */
export function mainThreadTable(run: MainThreadRun, title: string, rssAtStartBytes: number): BenchTable {
  const rows = VARIANTS.map((variant) => mainThreadRow(variant.label, samplesOf(run, variant.id)))
  return {
    title,
    columns: [
      'Variant',
      'n',
      'loop delay max ms',
      'timer gap max ms',
      'its main CPU ms',
      'busiest CPU ms',
      `< ${LOOP_BLOCK_GOAL_MS} ms wall / CPU`,
      'RSS before MiB',
      'peak MiB',
      'at result MiB',
      `+${SETTLE_MS} ms − before MiB`,
    ],
    rows,
    notes: [
      'Window: from start() (worker spawn) or hash() to the result; libsodium results arrive after the worker terminated.',
      'Loop delay: monitorEventLoopDelay (1 ms resolution), worst over rounds. Timer gap: longest interval between',
      'ticks of a setInterval(1 ms), worst over rounds, its own 1 ms period included; "its main CPU" is the CPU time',
      'the main thread used inside that gap (far below the gap: it waited for a core, the machine was busy); "busiest"',
      'is the most main-thread CPU between any two ticks, i.e. our own longest stretch of work. RSS columns are medians.',
      `Goals (perf.md §7.5): block < ${LOOP_BLOCK_GOAL_MS} ms, judged on the wall-clock gaps (what a user would feel)`,
      `and on the busiest CPU stretch (what our code can change); RSS back within +${fmtMiB(RSS_RISE_GOAL_BYTES)} MiB.`,
      `RSS before = this process after all earlier rounds; it was ${fmtMiB(rssAtStartBytes)} MiB before the first derivation.`,
    ],
  }
}

function sampleRecord(s: MainThreadSample): Json {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, k.endsWith('Bytes') ? v : round(v)] as const))
}

export function mainThreadRecord(run: MainThreadRun): Json {
  const entries = VARIANTS.map((variant) => {
    const samples = samplesOf(run, variant.id)
    const worst = worstBlockMs(samples)
    const rise = median(samples.map((s) => s.rssSettledBytes - s.rssBeforeBytes))
    const record = {
      worstBlockMs: round(worst),
      blockGoalMet: worst < LOOP_BLOCK_GOAL_MS,
      busiestCpuMs: round(busiestMs(samples)),
      busiestCpuGoalMet: busiestMs(samples) < LOOP_BLOCK_GOAL_MS,
      medianRssRiseBytes: rise,
      rssRiseGoalMet: rise <= RSS_RISE_GOAL_BYTES,
      samples: samples.map(sampleRecord),
    }
    return [variant.id, record] as const
  })
  return { blockGoalMs: LOOP_BLOCK_GOAL_MS, rssRiseGoalBytes: RSS_RISE_GOAL_BYTES, ...Object.fromEntries(entries) }
}
