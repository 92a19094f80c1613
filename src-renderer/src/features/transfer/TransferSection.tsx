import '../security/security.css'
import './transfer.css'
import type { ReactNode } from 'react'
import { BackupPanel } from './BackupPanel.tsx'
import { ExportPanel } from './ExportPanel.tsx'
import { ImportPanel } from './ImportPanel.tsx'

/** Settings → Import & export: import with a preview, plain export behind a warning, and the encrypted backup. */
export function TransferSection() {
  return (
    <div className="transfer" data-testid="transfer-settings">
      <Part title="Import">
        <ImportPanel />
      </Part>
      <Part title="Export">
        <ExportPanel />
      </Part>
      <Part title="Encrypted backup">
        <BackupPanel />
      </Part>
    </div>
  )
}

function Part({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <section className="security-part">
      <h4 className="security-part-title">{title}</h4>
      {children}
    </section>
  )
}
