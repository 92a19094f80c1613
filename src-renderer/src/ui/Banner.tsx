import type { ReactNode } from 'react'
import { CheckIcon, InfoIcon, WarningIcon } from './icons.tsx'

export type BannerTone = 'info' | 'ok' | 'warn' | 'error'

export interface BannerProps {
  readonly tone: BannerTone
  readonly children: ReactNode
  /** A heading line in bold above the text. */
  readonly title?: string
  /**
   * 'alert' for a failure the user must act on, 'status' for news that can wait,
   * none for static explanations (so screen readers do not repeat them).
   */
  readonly live?: 'alert' | 'status'
  readonly testId?: string
}

const ICONS = { info: InfoIcon, ok: CheckIcon, warn: WarningIcon, error: WarningIcon } as const

/** A tinted message box with an icon: errors, warnings, confirmations and notes. */
export function Banner({ tone, children, title, live, testId }: BannerProps) {
  const ToneIcon = ICONS[tone]
  return (
    <div className={`banner banner-${tone} banner-with-icon`} role={live} data-testid={testId}>
      <ToneIcon />
      <div className="banner-body">
        {title ? <p className="banner-title">{title}</p> : null}
        <div>{children}</div>
      </div>
    </div>
  )
}
