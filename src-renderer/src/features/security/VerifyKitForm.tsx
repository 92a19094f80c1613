import { SETUP_CODE_MAX_LENGTH } from '@shared/ipc/limits.ts'
import type { KitVerificationView } from '@shared/ipc/views.ts'
import { Button, Spinner, TextField } from '../../ui/index.ts'
import { useVerifyKit } from './use-verify-kit.ts'

/** "Verify my kit": the Secret Key typed from paper (or the pasted setup code), checked by main. */
export function VerifyKitForm() {
  const form = useVerifyKit()
  return (
    <form className="kit-verify" onSubmit={form.submit} noValidate aria-busy={form.busy} aria-label="Verify my kit">
      <TextField
        ref={form.inputRef}
        label="Secret Key or setup code from your kit"
        name="kitEntry"
        mono
        maxLength={SETUP_CODE_MAX_LENGTH}
        hint="Type the Secret Key from your printed kit, or paste its setup code."
        value={form.entry}
        onChange={form.setEntry}
        error={form.error ?? undefined}
        announceError
        data-testid="kit-entry"
      />
      <div className="kit-verify-actions">
        <Button type="submit" disabled={form.busy}>
          {form.busy ? <Spinner /> : null}
          Verify my kit
        </Button>
      </div>
      <div role="status" data-testid="kit-verification">
        {form.result ? <KitVerdict result={form.result} /> : null}
      </div>
    </form>
  )
}

function KitVerdict({ result }: { readonly result: KitVerificationView }) {
  const checks: [string, boolean | null][] = [
    ['Secret Key', result.secretKeyMatches],
    ['Email', result.emailMatches],
    ['Sign-in address', result.serverMatches],
  ]
  const shown = checks.filter((check): check is [string, boolean] => check[1] !== null)
  const allMatch = shown.every(([, matches]) => matches)
  return (
    <div className="kit-verdict">
      <ul className="kit-checks">
        {shown.map(([what, matches]) => (
          <li key={what} className={matches ? 'kit-check is-match' : 'kit-check is-mismatch'}>
            <span className="kit-check-mark" aria-hidden="true">
              {matches ? '✓' : '✗'}
            </span>{' '}
            {what} {matches ? 'matches' : 'does not match'}
          </li>
        ))}
      </ul>
      <p className="kit-verdict-summary">
        {allMatch
          ? 'This kit works with your vault. Keep it somewhere safe.'
          : 'This kit does not match your vault. Check what you typed; if it still differs, save a new kit and print it.'}
      </p>
    </div>
  )
}
