/**
 * Watches the main thread while something runs elsewhere (a worker, the
 * libuv pool): how long its event loop was blocked, and the process's RSS.
 * Two independent measures of blocking, because each has a blind spot:
 * the event-loop-delay histogram samples at 1 ms resolution, and the timer
 * gap sampler sees every late tick but includes its own 1 ms period.
 * Neither can tell our own work from the OS not scheduling the thread on a
 * busy machine, so each gap is paired with the CPU time the main thread
 * used in it (process.threadCpuUsage): a long gap with little CPU was a
 * wait for a core, not code blocking the loop.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'

const NS_PER_MS = 1e6
const US_PER_MS = 1e3

export interface ProbeReport {
  readonly durationMs: number
  /** monitorEventLoopDelay max: how late its 1 ms timer fired at worst. */
  readonly loopDelayMaxMs: number
  readonly loopDelayP99Ms: number
  /** Longest interval between two ticks of a setInterval(1 ms), the period included. */
  readonly timerGapMaxMs: number
  /** Main-thread CPU time spent within that longest interval. */
  readonly timerGapMaxCpuMs: number
  /** The most main-thread CPU time spent between any two ticks: the longest stretch of our own work. */
  readonly busiestGapCpuMs: number
  readonly timerTicks: number
  readonly rssBeforeBytes: number
  readonly rssPeakBytes: number
  readonly rssEndBytes: number
}

export interface Probe {
  stop(): ProbeReport
}

function threadCpuMs(): number {
  const { user, system } = process.threadCpuUsage()
  return (user + system) / US_PER_MS
}

class GapTracker {
  lastTick = performance.now()
  lastCpu = threadCpuMs()
  ticks = 0
  maxGap = 0
  maxGapCpu = 0
  busiest = 0

  observe(): void {
    const now = performance.now()
    const cpu = threadCpuMs()
    const gap = now - this.lastTick
    const cpuInGap = cpu - this.lastCpu
    if (gap > this.maxGap) {
      this.maxGap = gap
      this.maxGapCpu = cpuInGap
    }
    this.busiest = Math.max(this.busiest, cpuInGap)
    this.lastTick = now
    this.lastCpu = cpu
    this.ticks += 1
  }
}

export function startProbe(): Probe {
  const histogram = monitorEventLoopDelay({ resolution: 1 })
  const rssBefore = process.memoryUsage.rss()
  const started = performance.now()
  const gaps = new GapTracker()
  let rssPeak = rssBefore
  // Reading RSS costs ~8 µs, so sampling it on every 1 ms tick is affordable and catches short peaks.
  const timer = setInterval(() => {
    gaps.observe()
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss())
  }, 1)
  histogram.enable()
  return {
    stop(): ProbeReport {
      // A block just before stop() shows up only as the gap since the last tick.
      gaps.observe()
      clearInterval(timer)
      histogram.disable()
      const rssEnd = process.memoryUsage.rss()
      return {
        durationMs: gaps.lastTick - started,
        loopDelayMaxMs: histogram.max / NS_PER_MS,
        loopDelayP99Ms: histogram.count > 0 ? histogram.percentile(99) / NS_PER_MS : 0,
        timerGapMaxMs: gaps.maxGap,
        timerGapMaxCpuMs: gaps.maxGapCpu,
        busiestGapCpuMs: gaps.busiest,
        timerTicks: gaps.ticks - 1,
        rssBeforeBytes: rssBefore,
        rssPeakBytes: Math.max(rssPeak, rssEnd),
        rssEndBytes: rssEnd,
      }
    },
  }
}
