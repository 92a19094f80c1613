import type { ButtonHTMLAttributes, ReactNode } from 'react'

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost'

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  readonly variant?: Variant
  readonly small?: boolean
  readonly block?: boolean
  readonly children: ReactNode
}

/** A text button. type="button" unless stated, so no button submits a form by accident. */
export function Button({ variant = 'secondary', small, block, className, type, ...rest }: ButtonProps) {
  const classes = ['btn', `btn-${variant}`, small ? 'btn-small' : '', block ? 'btn-block' : '', className ?? '']
  return <button type={type ?? 'button'} className={classes.filter(Boolean).join(' ')} {...rest} />
}

export interface IconButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Required: an icon alone says nothing to a screen reader. */
  readonly label: string
  readonly children: ReactNode
}

/** An icon-only button; its label is both the accessible name and the tooltip. */
export function IconButton({ label, className, type, ...rest }: IconButtonProps) {
  return (
    <button
      type={type ?? 'button'}
      aria-label={label}
      title={label}
      className={['icon-btn', className ?? ''].filter(Boolean).join(' ')}
      {...rest}
    />
  )
}
