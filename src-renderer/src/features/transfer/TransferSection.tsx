import '../security/security.css'
import './transfer.css'
import { SettingsPart } from '../settings/SettingsPart.tsx'
import { BackupPanel } from './BackupPanel.tsx'
import { ExportPanel } from './ExportPanel.tsx'
import { ImportPanel } from './ImportPanel.tsx'

/** Settings → Import & export: import with a preview, plain export behind a warning, and the encrypted backup. */
export function TransferSection() {
  return (
    <div className="transfer" data-testid="transfer-settings">
      <SettingsPart title="Import">
        <ImportPanel />
      </SettingsPart>
      <SettingsPart title="Export">
        <ExportPanel />
      </SettingsPart>
      <SettingsPart title="Encrypted backup">
        <BackupPanel />
      </SettingsPart>
    </div>
  )
}
