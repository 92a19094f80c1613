/** The password generator in a dialog: from the sidebar, or from a password field with onUse. */
import { Dialog } from '../../../ui/index.ts'
import { GeneratorPanel } from '../../generator/GeneratorPanel.tsx'

export interface GeneratorDialogProps {
  readonly onClose: () => void
  /** When set, the panel offers "Use" and the value goes to the field that asked. */
  readonly onUse?: (value: string) => void
}

export function GeneratorDialog({ onClose, onUse }: GeneratorDialogProps) {
  const use =
    onUse === undefined
      ? undefined
      : (value: string) => {
          onUse(value)
          onClose()
        }
  return (
    <Dialog title="Password generator" onClose={onClose}>
      {use === undefined ? <GeneratorPanel /> : <GeneratorPanel onUse={use} />}
    </Dialog>
  )
}
