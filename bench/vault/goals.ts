/**
 * Every goal the vault benchmark checks, in one table: the target from
 * ../shared/research/perf.md §7, the figure measured, and whether it was met.
 * A missed goal is a figure to act on, never a failure of the run.
 */
import type { BenchTable, Json } from '../lib/types.ts'

export interface Goal {
  readonly goal: string
  readonly target: string
  readonly figure: string
  readonly met: boolean
}

export function goal(name: string, target: string, figure: string, met: boolean): Goal {
  return { goal: name, target, figure, met }
}

/** notes: what was measured (the vault, its KDF cost), printed before the common note. */
export function goalsTable(goals: readonly Goal[], notes: readonly string[]): BenchTable {
  const met = goals.filter((g) => g.met).length
  return {
    title: `Vault goals: ${met} of ${goals.length} met`,
    columns: ['Goal', 'Target', 'Measured', 'Met'],
    rows: goals.map((g) => [g.goal, g.target, g.figure, g.met ? 'yes' : 'NO']),
    textColumns: 2,
    notes: [
      ...notes,
      'Targets from shared/research/perf.md §7 (this 2-core box); figures from the tables above. A miss is a figure,',
      'not a failure: the run still exits 0.',
    ],
  }
}

export function goalsRecord(goals: readonly Goal[]): Json {
  return goals.map((g) => ({ goal: g.goal.trim(), target: g.target, measured: g.figure, met: g.met }))
}
