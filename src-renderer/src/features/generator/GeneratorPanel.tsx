import './generator.css'
import { CopyIcon, RefreshIcon } from '../../ui/icons.tsx'
import { Banner, Button, IconButton, SegmentedControl, StrengthMeter } from '../../ui/index.ts'
import { GeneratedValue } from './GeneratedValue.tsx'
import type { GeneratorMode } from './generator-options.ts'
import { rateEntropy } from './generator-strength.ts'
import { PassphraseOptions } from './PassphraseOptions.tsx'
import { PasswordOptions } from './PasswordOptions.tsx'
import { useCopyGenerated } from './use-copy-generated.ts'
import { type Generated, useGenerator } from './use-generator.ts'

export interface GeneratorPanelProps {
  /** When given, a "Use" button hands the current value over (the item editor fills a password field with it). */
  readonly onUse?: (value: string) => void
}

const MODES = [
  { value: 'password', label: 'Password' },
  { value: 'passphrase', label: 'Passphrase' },
] as const satisfies readonly { value: GeneratorMode; label: string }[]

/**
 * The password generator: random passwords or passphrases, made in main
 * (client.generate), shown with their entropy. The value is visible here by
 * nature: the user asked for it.
 */
export function GeneratorPanel({ onUse }: GeneratorPanelProps) {
  const { settings, change, generated, regenerate } = useGenerator()
  const value = generated.kind === 'done' ? generated.value : null
  const copy = useCopyGenerated(value)
  return (
    <div className="generator" data-testid="generator-panel">
      <SegmentedControl
        label="What to generate"
        value={settings.mode}
        options={MODES}
        onChange={(mode) => change({ ...settings, mode })}
      />
      <div className="generated-box">
        <GeneratedValue value={value} />
        <IconButton label="Copy" className="generated-action" disabled={value === null} onClick={copy.run}>
          <CopyIcon />
        </IconButton>
        <IconButton label="Regenerate" className="generated-action" onClick={regenerate}>
          <RefreshIcon />
        </IconButton>
      </div>
      <p className="generated-copy-status" role="status" data-testid="generator-copy-status">
        {copy.status}
      </p>
      <EntropyMeter generated={generated} />
      {generated.kind === 'failed' ? (
        <Banner tone="error" live="alert">
          {generated.message}
        </Banner>
      ) : null}
      {settings.mode === 'password' ? (
        <PasswordOptions options={settings.password} onChange={(password) => change({ ...settings, password })} />
      ) : (
        <PassphraseOptions
          options={settings.passphrase}
          onChange={(passphrase) => change({ ...settings, passphrase })}
        />
      )}
      {onUse ? (
        <div className="generator-actions">
          <Button variant="primary" disabled={value === null} onClick={() => value !== null && onUse(value)}>
            Use {settings.mode}
          </Button>
        </div>
      ) : null}
    </div>
  )
}

function EntropyMeter({ generated }: { readonly generated: Generated }) {
  if (generated.kind !== 'done') return <StrengthMeter level={null} label="…" />
  const bits = Math.floor(generated.entropyBits)
  const rating = rateEntropy(generated.entropyBits)
  return (
    <StrengthMeter
      level={rating.level}
      label={rating.label}
      detail={<span data-testid="generated-entropy">{bits} bits of entropy</span>}
      testId="generated-strength"
    />
  )
}
