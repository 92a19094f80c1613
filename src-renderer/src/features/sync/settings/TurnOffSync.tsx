import { useState } from 'react'
import { Banner, Button } from '../../../ui/index.ts'
import { ConfirmDialog } from '../../vault/dialogs/ConfirmDialog.tsx'
import { useSync } from '../sync-context.ts'

/** Turning sync off, after a question: this device signs out and forgets the server; the local vault stays. */
export function TurnOffSync({ url }: { readonly url: string | null }) {
  const sync = useSync()
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const turnOff = async () => {
    setAsking(false)
    setBusy(true)
    const result = await sync.disable()
    setBusy(false)
    setError(result.ok ? null : result.error.message)
  }
  return (
    <div className="sync-turn-off">
      {error ? (
        <Banner tone="error" live="alert" testId="sync-off-error">
          {error}
        </Banner>
      ) : null}
      <Button variant="danger" onClick={() => setAsking(true)} disabled={busy}>
        {busy ? 'Turning off…' : 'Turn off sync'}
      </Button>
      {asking ? (
        <ConfirmDialog
          title="Turn off sync on this device?"
          confirmLabel="Turn off sync"
          danger
          onCancel={() => setAsking(false)}
          onConfirm={() => void turnOff()}
        >
          This device signs out of {url ?? 'the sync server'} and stops syncing. Your vault stays on this device as it
          is, your other devices keep syncing, and you can turn sync on again at any time.
        </ConfirmDialog>
      ) : null}
    </div>
  )
}
