import { Button, Dialog } from '../../ui/index.ts'

/** Until the PDF Emergency Kit lands (issue 6): says so, and what to do meanwhile. */
export function EmergencyKitDialog({ onClose }: { readonly onClose: () => void }) {
  return (
    <Dialog
      title="Emergency Kit"
      onClose={onClose}
      actions={
        <Button variant="primary" onClick={onClose}>
          I will write it down
        </Button>
      }
    >
      <div className="kit-dialog">
        <p>
          A printable Emergency Kit, a PDF with your email address, your Secret Key and a space for your master
          password, comes in a later version of Vault.
        </p>
        <p>
          For now, <strong>write your Secret Key down on paper</strong>, exactly as shown, and keep it with your
          important documents. You need it, with your master password, to open your vault on another computer or if this
          computer's keychain is lost.
        </p>
      </div>
    </Dialog>
  )
}
