import './health.css'
import type { HealthReportView } from '@shared/ipc/views.ts'
import type { ReactNode } from 'react'
import { Banner } from '../../ui/index.ts'
import { calendarDate, pluralize } from '../vault/model/format.ts'
import { usePasswordHealth } from './use-password-health.ts'

export interface HealthPanelProps {
  /** Shows the item in the main list (the caller closes the dialog and selects it). */
  readonly onOpenItem: (id: string) => void
}

const SCORE_WORDS = ['Very weak', 'Weak', 'Fair'] as const

type Category = keyof Omit<HealthReportView['counts'], 'total'>

const CATEGORIES: readonly { readonly key: Category; readonly title: string; readonly about: string }[] = [
  { key: 'weak', title: 'Weak passwords', about: 'Easy to guess: replace them with generated ones.' },
  { key: 'reused', title: 'Reused passwords', about: 'One leak opens every site that shares the password.' },
  { key: 'old', title: 'Old passwords', about: 'Not changed for more than a year.' },
  {
    key: 'noTotp',
    title: 'No one-time password',
    about: 'Logins without a one-time password (2FA). Not every site offers one: check whether this one does.',
  },
  { key: 'duplicates', title: 'Duplicate items', about: 'The same site, username and password saved more than once.' },
]

/** Password health: how many items are weak, reused, old, without a one-time password or duplicated, and which. */
export function HealthPanel({ onOpenItem }: HealthPanelProps) {
  const { report, error } = usePasswordHealth()
  if (error !== null)
    return (
      <Banner tone="error" live="alert" testId="health-error">
        {error}
      </Banner>
    )
  if (report === null) return <p className="muted">Checking your passwords…</p>
  const link = (id: string, detail?: string) => (
    <li key={id}>
      <button type="button" className="health-item" onClick={() => onOpenItem(id)}>
        {report.titles[id] || 'Untitled'}
      </button>
      {detail ? <span className="muted"> · {detail}</span> : null}
    </li>
  )
  const lists: Record<Category, ReactNode> = {
    weak: <ul>{report.weak.map((entry) => link(entry.id, SCORE_WORDS[entry.score]))}</ul>,
    reused: report.reused.map((group) => <ul key={group.ids.join()}>{group.ids.map((id) => link(id))}</ul>),
    old: <ul>{report.old.map((entry) => link(entry.id, `changed ${calendarDate(entry.changedAt)}`))}</ul>,
    noTotp: <ul>{report.noTotp.map((entry) => link(entry.id))}</ul>,
    duplicates: report.duplicates.map((group) => <ul key={group.ids.join()}>{group.ids.map((id) => link(id))}</ul>),
  }
  return (
    <div className="health" data-testid="health-panel">
      <p className="security-text">
        {pluralize(report.counts.total, 'item')} checked. Only logins are rated; nothing here leaves this computer.
      </p>
      <ul className="health-summary" aria-label="Summary">
        {CATEGORIES.map(({ key, title }) => (
          <li key={key} data-testid={`health-count-${key}`}>
            {title}: <span className="health-count">{report.counts[key]}</span>
          </li>
        ))}
      </ul>
      {CATEGORIES.map(({ key, title, about }) =>
        report.counts[key] === 0 ? null : (
          <section key={key} className="health-category" aria-label={title} data-testid={`health-${key}`}>
            <h4 className="health-title">
              {title} ({report.counts[key]})
            </h4>
            <p className="muted">{about}</p>
            {lists[key]}
          </section>
        ),
      )}
    </div>
  )
}
