import type { ReactNode } from 'react'
import { LogoMark } from './LogoMark.tsx'

export interface AuthLayoutProps {
  readonly children: ReactNode
  /** Small print under the card (the app version). */
  readonly footer?: ReactNode
  /** The Secret Key screen needs room for the key on one line. */
  readonly wide?: boolean
  readonly testId?: string
}

/**
 * The frame of the screens before the vault opens (welcome, create, unlock):
 * one centred card on a softly lit background. It is the page's <main>.
 */
export function AuthLayout({ children, footer, wide, testId }: AuthLayoutProps) {
  return (
    <main className="auth" data-testid={testId}>
      <div className={wide ? 'auth-card auth-card-wide' : 'auth-card'}>{children}</div>
      {footer ? <footer className="auth-footer">{footer}</footer> : null}
    </main>
  )
}

export interface AuthHeaderProps {
  readonly title: string
  readonly subtitle?: ReactNode
  /** Replaces the logo mark (the Secret Key screen shows a key). */
  readonly icon?: ReactNode
}

/** The logo (or an icon), the screen's h1 and one line under it. */
export function AuthHeader({ title, subtitle, icon }: AuthHeaderProps) {
  return (
    <header className="auth-header">
      {icon ?? <LogoMark />}
      <h1 className="auth-title">{title}</h1>
      {subtitle ? <p className="auth-subtitle">{subtitle}</p> : null}
    </header>
  )
}
