/** One labelled value in the detail pane, with its actions on the right. */
import type { ReactNode } from 'react'
import { IconButton } from '../../../ui/index.ts'
import { IconCopy, IconEye, IconEyeOff } from '../icons/icons.tsx'

export interface FieldRowProps {
  readonly label: string
  readonly testId?: string
  readonly children: ReactNode
  readonly actions?: ReactNode
}

export function FieldRow({ label, testId, children, actions }: FieldRowProps) {
  return (
    <div className="detail-field" data-testid={testId}>
      <div className="detail-field-main">
        <div className="detail-field-label">{label}</div>
        <div className="detail-field-value">{children}</div>
      </div>
      {actions ? <div className="detail-field-actions">{actions}</div> : null}
    </div>
  )
}

export function CopyButton({ label, onCopy }: { readonly label: string; readonly onCopy: () => void }) {
  return (
    <IconButton label={`Copy ${label.toLowerCase()}`} onClick={onCopy}>
      <IconCopy />
    </IconButton>
  )
}

export function RevealButton(props: {
  readonly label: string
  readonly shown: boolean
  readonly onToggle: () => void
}) {
  const { label, shown, onToggle } = props
  return (
    <IconButton label={`${shown ? 'Hide' : 'Reveal'} ${label.toLowerCase()}`} aria-pressed={shown} onClick={onToggle}>
      {shown ? <IconEyeOff /> : <IconEye />}
    </IconButton>
  )
}

const MASK = '••••••••••••'

export interface SecretTextProps {
  readonly value: string | undefined
  readonly multiline?: boolean
  /** Colours digits and symbols apart, so a revealed password can be read out or typed. */
  readonly colorize?: boolean
}

/** A secret: a fixed-length mask (which says nothing about its length) until revealed. */
export function SecretText({ value, multiline, colorize }: SecretTextProps) {
  if (value === undefined) {
    return (
      <span className="secret-mask">
        <span aria-hidden="true">{MASK}</span>
        <span className="visually-hidden">Hidden</span>
      </span>
    )
  }
  if (multiline) return <pre className="secret-revealed secret-block mono">{value}</pre>
  return (
    <span className="secret-revealed mono" data-testid="revealed-value">
      {colorize ? <ColorizedChars text={value} /> : value}
    </span>
  )
}

function ColorizedChars({ text }: { readonly text: string }) {
  return [...text].map((char, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: characters repeat; their position is their identity.
    <span key={index} className={charClass(char)}>
      {char}
    </span>
  ))
}

function charClass(char: string): string | undefined {
  if (/[0-9]/.test(char)) return 'pw-digit'
  if (/[^\p{L}\p{N}\s]/u.test(char)) return 'pw-symbol'
  return undefined
}
