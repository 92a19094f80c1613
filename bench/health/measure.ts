/**
 * What the health benchmark times: zxcvbn estimates with the prefix index
 * against the library's own matcher (the reference), password by password
 * and in alternating order; and the health report over a vault's logins,
 * cold, again with the session's remembered scores, and after a few edits,
 * next to the same report with a constant estimator (everything but zxcvbn).
 */
import { type HealthInput, healthReport } from '../../src-main/health/health-report.ts'
import { StrengthScores } from '../../src-main/health/strength-scores.ts'
import { estimateStrength } from '../../src-main/items/strength.ts'
import { installDictionaryIndex, uninstallDictionaryIndex } from '../../src-main/items/strength-dictionary-index.ts'
import { Samples, timedAsync } from '../transfer/fresh-vault.ts'
import type { BenchPassword, Shape } from './passwords.ts'

export interface EstimateRun {
  /** Per estimate, ms: keys `${shape}/indexed` and `${shape}/stock`. */
  readonly samples: Samples
  readonly passwords: number
  readonly rounds: number
  readonly differing: number
}

export const REPORT_KEYS = {
  cold: 'cold',
  warm: 'warm',
  edited: 'edited',
  noEstimator: 'noEstimator',
} as const

export interface ReportRun {
  readonly samples: Samples
  readonly logins: number
  readonly edits: number
  readonly weak: number
  readonly rounds: number
}

function timeEstimate(password: BenchPassword): { ms: number; result: string } {
  const started = performance.now()
  const estimate = estimateStrength(password.password, [password.username, password.site])
  return { ms: performance.now() - started, result: JSON.stringify(estimate) }
}

/** Every password with both matchers, which one goes first alternating, so drift hits both alike. */
export function measureEstimates(passwords: readonly BenchPassword[], rounds: number): EstimateRun {
  estimateStrength('warm up the dictionaries')
  const samples = new Samples()
  let differing = 0
  const withIndex = (on: boolean) => (on ? installDictionaryIndex() : uninstallDictionaryIndex())
  for (let round = 0; round < rounds; round += 1) {
    passwords.forEach((password, position) => {
      const indexFirst = (round + position) % 2 === 0
      const results = new Map<boolean, string>()
      for (const indexed of indexFirst ? [true, false] : [false, true]) {
        withIndex(indexed)
        const { ms, result } = timeEstimate(password)
        samples.add(`${password.shape}/${indexed ? 'indexed' : 'stock'}`, ms)
        results.set(indexed, result)
      }
      if (results.get(true) !== results.get(false)) differing += 1
    })
  }
  withIndex(true)
  return { samples, passwords: passwords.length, rounds, differing }
}

function edited(inputs: readonly HealthInput[], edits: number, round: number): HealthInput[] {
  return inputs.map((input, index) => {
    if (index >= edits || input.content.type !== 'login') return input
    const fields = { ...input.content.fields, password: `${input.content.fields.password}~${round}` }
    return { ...input, content: { ...input.content, fields } }
  })
}

/** Cold (a fresh session's scores), warm (the same scores again), edited (a few passwords changed). */
export async function measureReports(
  inputs: readonly HealthInput[],
  now: number,
  rounds: number,
  edits: number,
): Promise<ReportRun> {
  const samples = new Samples()
  let weak = 0
  for (let round = 0; round < rounds; round += 1) {
    const scores = new StrengthScores()
    const cold = await timedAsync(() => healthReport(inputs, now, { scores }))
    weak = cold.value.counts.weak
    samples.add(REPORT_KEYS.cold, cold.ms)
    samples.add(REPORT_KEYS.warm, (await timedAsync(() => healthReport(inputs, now, { scores }))).ms)
    const changed = edited(inputs, edits, round)
    samples.add(REPORT_KEYS.edited, (await timedAsync(() => healthReport(changed, now, { scores }))).ms)
    const constant = await timedAsync(() => healthReport(inputs, now, { estimate: () => 4 }))
    samples.add(REPORT_KEYS.noEstimator, constant.ms)
    scores.clear()
  }
  return { samples, logins: inputs.length, edits, weak, rounds }
}

export function shapeKeys(shape: Shape): { indexed: string; stock: string } {
  return { indexed: `${shape}/indexed`, stock: `${shape}/stock` }
}
