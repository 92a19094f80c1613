import { SECRET_KEY_INPUT_MAX_LENGTH } from '@shared/ipc/limits.ts'
import { type FormEvent, useId, useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'

type CheckState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'valid'; readonly accountId: string }
  | { readonly kind: 'invalid'; readonly message: string }

/**
 * Checks a typed Secret Key in the main process (the checksum catches typos
 * before any slow key derivation). The key never leaves this form's state
 * except for that one call, and only the account id comes back.
 */
export function SecretKeyCheck() {
  const client = useVaultClient()
  const inputId = useId()
  const hintId = useId()
  const [secretKey, setSecretKey] = useState('')
  const [state, setState] = useState<CheckState>({ kind: 'idle' })

  async function check(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    setState({ kind: 'checking' })
    const result = await client.checkSecretKey({ secretKey })
    setState(
      result.ok
        ? { kind: 'valid', accountId: result.data.accountId }
        : { kind: 'invalid', message: result.error.message },
    )
  }

  return (
    <section className="card" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>Check a Secret Key</h2>
      <form onSubmit={check} noValidate>
        <label htmlFor={inputId}>Secret Key</label>
        <p id={hintId} className="muted">
          Starts with K1. Case, spaces and dashes do not matter.
        </p>
        <input
          id={inputId}
          name="secretKey"
          type="text"
          value={secretKey}
          maxLength={SECRET_KEY_INPUT_MAX_LENGTH}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-describedby={hintId}
          aria-invalid={state.kind === 'invalid'}
          onChange={(event) => setSecretKey(event.target.value)}
        />
        <button type="submit" disabled={state.kind === 'checking'}>
          Check
        </button>
      </form>
      <p role="status" aria-live="polite" className={`check-result ${state.kind}`} data-testid="secret-key-result">
        {statusText(state)}
      </p>
    </section>
  )
}

function statusText(state: CheckState): string {
  switch (state.kind) {
    case 'idle':
      return ''
    case 'checking':
      return 'Checking…'
    case 'valid':
      return `This Secret Key belongs to account ${state.accountId}.`
    case 'invalid':
      return state.message
  }
}
