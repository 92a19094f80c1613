import './settings.css'
import type { ReactNode } from 'react'
import { CheckIcon } from '../../ui/icons.tsx'
import { Banner, Button, Select, type SelectOption } from '../../ui/index.ts'
import { AppInfo } from '../app-info/AppInfo.tsx'
import { SecuritySection } from '../security/SecuritySection.tsx'
import { SyncSection } from '../sync/settings/SyncSection.tsx'
import { TransferSection } from '../transfer/TransferSection.tsx'
import { AUTO_LOCK_OPTIONS, CLIPBOARD_CLEAR_OPTIONS } from './settings-choices.ts'
import { type SettingName, type SettingsControl, useSettings } from './use-settings.ts'

export interface SettingsPanelProps {
  /** When given, a Done button calls it (the workspace shows the panel in a Dialog). */
  readonly onClose?: () => void
}

/** Auto-lock and the secrets (Emergency Kit, password, Secret Key), clipboard, sync, import & export, and the About facts. */
export function SettingsPanel({ onClose }: SettingsPanelProps) {
  const control = useSettings()
  return (
    <div className="settings" data-testid="settings-panel">
      {control.loadError ? (
        <Banner tone="error" live="alert">
          {control.loadError}
        </Banner>
      ) : null}
      <Section title="Security">
        <Setting
          control={control}
          name="autoLockMs"
          label="Auto-lock after"
          hint="Locks the vault after this long without activity. It also locks when the computer sleeps or the screen locks."
          options={AUTO_LOCK_OPTIONS}
        />
        <SecuritySection />
      </Section>
      <Section title="Clipboard">
        <Setting
          control={control}
          name="clipboardClearMs"
          label="Clear copied secrets after"
          hint="Vault empties the clipboard after this delay, if it still holds what you copied."
          options={CLIPBOARD_CLEAR_OPTIONS}
        />
      </Section>
      <Section title="Sync">
        <SyncSection />
      </Section>
      <Section title="Import & export">
        <TransferSection />
      </Section>
      <Section title="About">
        <AppInfo />
      </Section>
      {onClose ? (
        <div className="settings-actions">
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        </div>
      ) : null}
    </div>
  )
}

function Section({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <section className="settings-section" aria-label={title}>
      <h3 className="settings-section-title">{title}</h3>
      {children}
    </section>
  )
}

interface SettingProps {
  readonly control: SettingsControl
  readonly name: SettingName
  readonly label: string
  readonly hint: string
  readonly options: readonly SelectOption<number>[]
}

function Setting({ control, name, label, hint, options }: SettingProps) {
  const { settings, saved, saveError, update } = control
  const error = saveError?.name === name ? saveError.message : null
  return (
    <div className="setting">
      <Select
        label={label}
        hint={hint}
        value={settings?.[name] ?? options[0]?.value ?? 0}
        options={options}
        disabled={settings === null}
        onChange={(value) => update(name, value)}
      />
      <p
        className={error ? 'setting-status field-error' : 'setting-status'}
        role="status"
        data-testid={`${name}-status`}
      >
        {saved === name ? (
          <>
            <CheckIcon /> Saved
          </>
        ) : null}
        {error}
      </p>
    </div>
  )
}
