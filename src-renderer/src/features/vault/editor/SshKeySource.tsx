/** For a new SSH key: let main generate one (the private key never passes through this window), or paste one. */
import { useId } from 'react'
import type { SshKeySource as Source } from './editor-model.ts'

export interface SshKeySourceProps {
  readonly source: Source
  readonly onChange: (source: Source) => void
}

const CHOICES: readonly { value: Source; label: string; detail: string }[] = [
  {
    value: 'generate',
    label: 'Generate a new Ed25519 key',
    detail: 'Made inside the vault, so the private key never passes through this window.',
  },
  { value: 'paste', label: 'Paste an existing private key', detail: 'OpenSSH or PEM format, with its passphrase.' },
]

export function SshKeySource({ source, onChange }: SshKeySourceProps) {
  const name = useId()
  return (
    <fieldset className="ssh-source">
      <legend className="field-label">Private key</legend>
      {CHOICES.map((choice) => (
        <label key={choice.value} className="ssh-source-choice" data-checked={source === choice.value}>
          <input
            type="radio"
            name={name}
            value={choice.value}
            checked={source === choice.value}
            onChange={() => onChange(choice.value)}
          />
          <span>
            <span className="ssh-source-label">{choice.label}</span>
            <span className="ssh-source-detail">{choice.detail}</span>
          </span>
        </label>
      ))}
    </fieldset>
  )
}
