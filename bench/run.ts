/**
 * `npm run bench`: runs each benchmark module in turn, prints its tables and
 * writes every figure to bench/results/latest.json. A module is anything of
 * the BenchModule shape (lib/types.ts); add new ones to MODULES.
 *
 * Progress goes to stderr and tables to stdout, so `> file` keeps just the tables.
 * The exit code is 0 unless something broke: slow is a figure, not a failure.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { argon2Bench } from './argon2.ts'
import { healthBench } from './health.ts'
import { renderTable } from './lib/table.ts'
import type { BenchModule, BenchOptions, Json } from './lib/types.ts'
import { syncBench } from './sync.ts'
import { transferBench } from './transfer.ts'
import { vaultBench } from './vault.ts'

const MODULES: readonly BenchModule[] = [argon2Bench, vaultBench, syncBench, transferBench, healthBench]
const RESULTS_FILE = new URL('./results/latest.json', import.meta.url)
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))

const USAGE = `Usage: node bench/run.ts [--quick] [--only NAME[,NAME…]] [--rounds N]
  --quick    fewer repetitions: a smoke run, not a measurement
  --only     run only these modules (${MODULES.map((m) => m.name).join(', ')})
  --rounds   override every module's repetition count`

interface Cli {
  readonly options: BenchOptions
  readonly modules: readonly BenchModule[]
}

class UsageError extends Error {}

function parseCli(argv: readonly string[]): Cli | null {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      rounds: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) return null
  const rounds = values.rounds === undefined ? null : Number(values.rounds)
  if (rounds !== null && !(Number.isSafeInteger(rounds) && rounds >= 1)) {
    throw new UsageError(`--rounds must be a positive integer, not '${values.rounds}'`)
  }
  return { options: { quick: values.quick, rounds }, modules: selectModules(values.only) }
}

function selectModules(only: string | undefined): readonly BenchModule[] {
  if (only === undefined) return MODULES
  const names = only.split(',').map((name) => name.trim())
  const unknown = names.filter((name) => !MODULES.some((m) => m.name === name))
  if (unknown.length > 0) throw new UsageError(`unknown benchmark(s): ${unknown.join(', ')}`)
  return MODULES.filter((m) => names.includes(m.name))
}

/** Commit and whether the tree differed from it: others edit the measured code concurrently. */
function gitState(): Json {
  try {
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim()
    return { commit: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain', '--untracked-files=no') !== '' }
  } catch {
    return null
  }
}

/** Absolute times only mean something next to the machine and its load at the time. */
function machine(): Record<string, Json> {
  const cpus = os.cpus()
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryBytes: os.totalmem(),
    loadAverageAtStart: os.loadavg().map((v) => Math.round(v * 100) / 100),
  }
}

interface ModuleOutcome {
  readonly record: Json
  readonly failures: readonly string[]
}

async function runModule(module: BenchModule, options: BenchOptions): Promise<ModuleOutcome> {
  console.log(`\n## ${module.name}: ${module.description}\n`)
  const started = performance.now()
  try {
    const result = await module.run(options)
    for (const table of result.tables) console.log(`${renderTable(table)}\n`)
    for (const failure of result.failures) console.error(`FAILED: ${failure}`)
    const seconds = Math.round((performance.now() - started) / 100) / 10
    return { record: { seconds, result: result.record, failures: [...result.failures] }, failures: result.failures }
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
    console.error(`FAILED: benchmark '${module.name}' threw:\n${message}`)
    return { record: { error: message }, failures: [message] }
  }
}

async function main(): Promise<number> {
  let cli: Cli | null
  try {
    cli = parseCli(process.argv.slice(2))
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
    return 2
  }
  if (cli === null) {
    console.log(USAGE)
    return 0
  }
  const meta = machine()
  console.log(`# Benchmarks${cli.options.quick ? ' (--quick: smoke run, not a measurement)' : ''}`)
  console.log(`${meta.node} on ${meta.platform}, ${meta.cpu} × ${meta.cores}, load ${String(meta.loadAverageAtStart)}`)
  const benchmarks: Record<string, Json> = {}
  let failed = false
  for (const module of cli.modules) {
    const outcome = await runModule(module, cli.options)
    benchmarks[module.name] = outcome.record
    failed ||= outcome.failures.length > 0
  }
  const record = {
    date: new Date().toISOString(),
    options: { ...cli.options },
    machine: { ...meta, loadAverageAtEnd: os.loadavg().map((v) => Math.round(v * 100) / 100) },
    git: gitState(),
    benchmarks,
  }
  mkdirSync(new URL('.', RESULTS_FILE), { recursive: true })
  writeFileSync(RESULTS_FILE, `${JSON.stringify(record, null, 2)}\n`)
  console.log(`Figures written to ${fileURLToPath(RESULTS_FILE)}`)
  return failed ? 1 : 0
}

process.exitCode = await main()
