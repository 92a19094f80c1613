import type { ReactNode } from 'react'

/**
 * One titled part of a settings section (Security, Import & export). Unnamed on
 * purpose: a region named "Master password" would also answer to that field's label.
 */
export function SettingsPart({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <section className="security-part">
      <h4 className="security-part-title">{title}</h4>
      {children}
    </section>
  )
}
