/**
 * `vault health`: weak, reused and old passwords, logins without TOTP and
 * duplicate items (health/health-report.ts), by title and id. Titles are
 * shown on the user's own terminal; no password, username or URL is printed.
 */
import type { HealthReport } from '../../health/health-report.ts'
import { flag, positionals } from '../args.ts'
import { type Command, type CommandContext, GLOBAL_HELP, JSON_OPTION } from '../command.ts'
import { localTime, shortIdLength, table } from '../format.ts'
import { displayText } from '../output.ts'
import { withUnlockedVault } from '../session.ts'

export const health: Command = {
  name: 'health',
  summary: 'find weak, reused and old passwords, logins without TOTP, and duplicates',
  options: { ...JSON_OPTION },
  help: `Usage: vault health [--json]

Checks the logins outside the trash and lists, by title and id:
  weak          a password that zxcvbn scores below 3 of 4
  reused        the same password in two or more logins
  old           a password unchanged for more than 365 days (from the item's history)
  without TOTP  a login with a password and a URL but no one-time password
  duplicates    logins with the same site, username and password
Passwords, usernames and URLs are never printed. Exits 0 whatever it finds.

Options:
  --json    print {"checkedAt", "counts", "weak", "reused", "old", "noTotp", "duplicates"}
            with each item's id and title (reused and duplicates as groups of items)

${GLOBAL_HELP}

Examples:
  vault health
  vault health --json | jq -r '.weak[].title'`,
  run,
}

type Titles = ReadonlyMap<string, string>

interface Category {
  readonly heading: string
  readonly count: number
  /** Columns after ID and TITLE, and each row's values for them. */
  readonly extra: readonly string[]
  readonly rows: readonly { readonly id: string; readonly cells: readonly string[] }[]
}

async function run(context: CommandContext): Promise<void> {
  const { parsed, out } = context
  positionals(parsed, [])
  const { report, titles } = await withUnlockedVault(context.location, context.inputs, async (service) => ({
    report: await service.passwordHealth(),
    titles: new Map(service.listItems().map((item) => [item.id, item.title])),
  }))
  if (flag(parsed, 'json')) return out.json(healthJson(report, titles))
  for (const line of healthLines(report, titles)) out.line(line)
}

/** The report with each id's title beside it; groups become lists of items. */
export function healthJson(report: HealthReport, titles: Titles) {
  const item = (id: string) => ({ id, title: titles.get(id) ?? '' })
  const group = ({ ids }: { ids: readonly string[] }) => ({ items: ids.map(item) })
  return {
    checkedAt: report.checkedAt,
    counts: report.counts,
    weak: report.weak.map(({ id, score }) => ({ ...item(id), score })),
    reused: report.reused.map(group),
    old: report.old.map(({ id, changedAt }) => ({ ...item(id), changedAt })),
    noTotp: report.noTotp.map(({ id }) => item(id)),
    duplicates: report.duplicates.map(group),
  }
}

export function healthLines(report: HealthReport, titles: Titles): string[] {
  const categories = categoriesOf(report)
  const idLength = shortIdLength([...titles.keys()])
  const lines = [`Checked ${report.counts.total} items on ${localTime(report.checkedAt)}.`, '']
  lines.push(
    ...table(
      ['CHECK', 'ITEMS'],
      categories.map((category) => [category.heading, String(category.count)]),
    ),
  )
  for (const category of categories) {
    if (category.rows.length === 0) continue
    const rows = category.rows.map(({ id, cells }) => [
      id.slice(0, idLength),
      displayText(titles.get(id) ?? ''),
      ...cells,
    ])
    lines.push('', `${category.heading}:`, ...table(['ID', 'TITLE', ...category.extra], rows))
  }
  return lines
}

function categoriesOf(report: HealthReport): Category[] {
  const { counts } = report
  return [
    {
      heading: 'Weak passwords',
      count: counts.weak,
      extra: ['SCORE'],
      rows: report.weak.map(({ id, score }) => ({ id, cells: [`${score} of 4`] })),
    },
    { heading: 'Reused passwords', count: counts.reused, extra: ['GROUP'], rows: groupRows(report.reused) },
    {
      heading: 'Old passwords',
      count: counts.old,
      extra: ['CHANGED'],
      rows: report.old.map(({ id, changedAt }) => ({ id, cells: [localTime(changedAt)] })),
    },
    {
      heading: 'Logins without TOTP',
      count: counts.noTotp,
      extra: [],
      rows: report.noTotp.map(({ id }) => ({ id, cells: [] })),
    },
    { heading: 'Duplicate items', count: counts.duplicates, extra: ['GROUP'], rows: groupRows(report.duplicates) },
  ]
}

/** One row per item, numbered by group: items with the same number share a password (or are duplicates). */
function groupRows(groups: readonly { ids: readonly string[] }[]): Category['rows'] {
  return groups.flatMap(({ ids }, index) => ids.map((id) => ({ id, cells: [String(index + 1)] })))
}
