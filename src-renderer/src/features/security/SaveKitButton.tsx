import { DocumentIcon } from '../../ui/icons.tsx'
import { Button, type ButtonProps, Spinner } from '../../ui/index.ts'
import { useSaveKit } from './use-save-kit.ts'

export interface SaveKitButtonProps {
  /** "Save new Emergency Kit…" right after a Secret Key change. */
  readonly label?: string
  readonly variant?: ButtonProps['variant']
  /** A kit was written (Settings re-reads whether the kit on file is current). */
  readonly onSaved?: () => void
}

/** The button that saves the Emergency Kit PDF, with where it went or why it could not. */
export function SaveKitButton({ label = 'Save Emergency Kit…', variant = 'primary', onSaved }: SaveKitButtonProps) {
  const kit = useSaveKit(onSaved)
  return (
    <div className="kit-save">
      {/* The name stays the same while main waits on the save dialog, so it can always be found by it. */}
      <Button variant={variant} onClick={kit.save} disabled={kit.saving} aria-busy={kit.saving}>
        {kit.saving ? <Spinner /> : <DocumentIcon />} {label}
      </Button>
      <p className="kit-save-status" role="status" data-testid="kit-saved">
        {kit.saved ? savedText(kit.saved.fileName) : ''}
      </p>
      {kit.error ? (
        <p className="field-error" role="alert" data-testid="kit-save-error">
          {kit.error}
        </p>
      ) : null}
    </div>
  )
}

function savedText(fileName: string | undefined): string {
  return fileName === undefined ? 'Emergency Kit saved.' : `Saved as ${fileName}`
}
