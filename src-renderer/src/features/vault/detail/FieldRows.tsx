/** The kinds of row the detail pane shows: plain, secret and web address. */

import { useVaultClient } from '../../../api/use-vault-client.ts'
import { IconButton } from '../../../ui/index.ts'
import { IconExternal } from '../icons/icons.tsx'
import { useToast } from '../toast/toast-context.tsx'
import { CopyButton, FieldRow, RevealButton, SecretText } from './FieldRow.tsx'
import type { RevealedSecrets } from './use-revealed-secrets.ts'

export interface PlainRowProps {
  readonly label: string
  readonly name: string
  readonly value: string
  readonly mono?: boolean | undefined
  readonly multiline?: boolean | undefined
  readonly onCopy: () => void
}

export function PlainRow({ label, name, value, mono, multiline, onCopy }: PlainRowProps) {
  const className = [multiline ? 'detail-multiline' : '', mono ? 'mono' : ''].filter(Boolean).join(' ')
  return (
    <FieldRow label={label} testId={`field-${name}`} actions={<CopyButton label={label} onCopy={onCopy} />}>
      <span className={className || undefined}>{value}</span>
    </FieldRow>
  )
}

export interface SecretRowProps {
  readonly label: string
  readonly name: string
  readonly secrets: RevealedSecrets
  readonly multiline?: boolean | undefined
  readonly colorize?: boolean | undefined
  readonly onCopy: () => void
}

export function SecretRow({ label, name, secrets, multiline, colorize, onCopy }: SecretRowProps) {
  const value = secrets.values[name]
  return (
    <FieldRow
      label={label}
      testId={`field-${name}`}
      actions={
        <>
          <RevealButton label={label} shown={value !== undefined} onToggle={() => secrets.toggle(name)} />
          <CopyButton label={label} onCopy={onCopy} />
        </>
      }
    >
      <SecretText value={value} multiline={multiline ?? false} colorize={colorize ?? false} />
    </FieldRow>
  )
}

export interface UrlRowProps {
  readonly id: string
  readonly label: string
  readonly url: string
  readonly index: number
  /** Older revisions show their addresses but do not open them: main opens the current item's only. */
  readonly canOpen: boolean
  readonly onCopy?: (() => void) | undefined
}

export function UrlRow({ id, label, url, index, canOpen, onCopy }: UrlRowProps) {
  const client = useVaultClient()
  const toast = useToast()
  async function open(): Promise<void> {
    const result = await client.openUrl({ id, index })
    if (!result.ok) toast(result.error.message, 'error')
  }
  return (
    <FieldRow
      label={label}
      testId="field-url"
      actions={
        <>
          {canOpen ? (
            <IconButton label={`Open ${url} in your browser`} onClick={() => void open()}>
              <IconExternal />
            </IconButton>
          ) : null}
          {onCopy ? <CopyButton label={label} onCopy={onCopy} /> : null}
        </>
      }
    >
      <span className="detail-url">{url}</span>
    </FieldRow>
  )
}
