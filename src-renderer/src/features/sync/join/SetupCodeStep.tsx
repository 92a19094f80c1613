import { SETUP_CODE_MAX_LENGTH } from '@shared/ipc/limits.ts'
import { ArrowLeftIcon } from '../../../ui/icons.tsx'
import { AuthHeader, Banner, Button, Spinner } from '../../../ui/index.ts'
import { TextAreaField } from '../../vault/editor/TextAreaField.tsx'
import type { JoinPrefill } from './use-join-account.ts'
import { useSetupCode } from './use-setup-code.ts'

export interface SetupCodeStepProps {
  /** The code was for a synced account: on to the join form, filled in. */
  readonly onRead: (prefill: JoinPrefill) => void
  /** The join form, empty, for details typed from the printed kit. */
  readonly onTypeInstead: () => void
  readonly onBack: () => void
}

/** "I have an Emergency Kit": paste its setup code, or type the details from the page. */
export function SetupCodeStep({ onRead, onTypeInstead, onBack }: SetupCodeStepProps) {
  const form = useSetupCode(onRead)
  return (
    <>
      <Button variant="ghost" small className="auth-back" onClick={onBack} disabled={form.busy}>
        <ArrowLeftIcon /> Back
      </Button>
      <AuthHeader
        title="Use your Emergency Kit"
        subtitle="The setup code on your kit fills in the sign-in details. You type only your master password."
      />
      <form className="auth-form" onSubmit={form.submit} noValidate aria-busy={form.busy}>
        <TextAreaField
          ref={form.inputRef}
          label="Setup code"
          name="setupCode"
          mono
          rows={4}
          autoFocus
          maxLength={SETUP_CODE_MAX_LENGTH}
          hint={
            <>
              Paste the setup code from your kit. It starts with <span className="setup-code-scheme">vault-setup:</span>
            </>
          }
          value={form.code}
          onChange={form.setCode}
          disabled={form.busy}
          error={form.error ?? undefined}
          announceError
          data-testid="setup-code-input"
        />
        {form.localOnly ? (
          <Banner tone="info" live="status" title="This vault is not synced" testId="kit-local-only">
            This kit belongs to a vault that is not synced. Copy its data file to this computer (see 'Moving a local
            vault' in the README), start the app, and enter the Secret Key and master password when asked.
          </Banner>
        ) : null}
        <div className="auth-actions">
          <Button type="submit" variant="primary" block disabled={form.busy}>
            {form.busy ? <Spinner /> : null}
            Read setup code
          </Button>
          <Button variant="ghost" block onClick={onTypeInstead} disabled={form.busy}>
            Type it instead
          </Button>
        </div>
      </form>
    </>
  )
}
