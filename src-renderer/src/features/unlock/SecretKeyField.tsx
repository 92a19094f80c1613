import { SECRET_KEY_INPUT_MAX_LENGTH } from '@shared/ipc/limits.ts'
import { type ReactNode, type Ref, useState } from 'react'
import { CheckIcon } from '../../ui/icons.tsx'
import { TextField } from '../../ui/index.ts'
import { SECRET_KEY_SYMBOLS } from './secret-key-shape.ts'
import { type SecretKeyCheck, useSecretKeyCheck } from './use-secret-key-check.ts'

export interface SecretKeyFieldProps {
  readonly value: string
  readonly onChange: (value: string) => void
  /**
   * The locked account: a valid key for another account is flagged before
   * unlock is tried. Absent when joining from sync, where any account goes.
   */
  readonly accountId?: string | undefined
  /** From the last unlock attempt; wins over the live check until the user edits. */
  readonly submitError?: string | undefined
  readonly disabled?: boolean
  readonly ref?: Ref<HTMLInputElement>
}

/** The Secret Key input of the lock screen, with a live typo check that names the position of a bad character. */
export function SecretKeyField({ value, onChange, accountId, submitError, disabled, ref }: SecretKeyFieldProps) {
  const [settled, setSettled] = useState(false)
  const check = useSecretKeyCheck(value, settled)
  const liveError = errorOf(check, accountId)
  return (
    <TextField
      ref={ref}
      label="Secret Key"
      name="secretKey"
      mono
      value={value}
      placeholder="K1-XXXXXX-XXXXXX-…"
      maxLength={SECRET_KEY_INPUT_MAX_LENGTH}
      autoCapitalize="characters"
      disabled={disabled}
      error={submitError ?? liveError}
      announceError
      hint={(submitError ?? liveError) ? undefined : hintOf(check)}
      data-testid="secret-key-input"
      onBlur={() => setSettled(true)}
      onChange={(next) => {
        setSettled(false)
        onChange(next)
      }}
    />
  )
}

function errorOf(check: SecretKeyCheck, accountId: string | undefined): string | undefined {
  if (check.kind === 'invalid') return check.message
  if (check.kind === 'valid' && accountId !== undefined && check.accountId !== accountId) {
    return `This Secret Key belongs to account ${check.accountId}, not ${accountId}.`
  }
  return undefined
}

function hintOf(check: SecretKeyCheck): ReactNode {
  switch (check.kind) {
    case 'empty':
      return 'On your Emergency Kit. It starts with K1; case, spaces and dashes do not matter.'
    case 'typing':
      return check.count < SECRET_KEY_SYMBOLS ? `${check.count} of ${SECRET_KEY_SYMBOLS} characters` : 'Checking…'
    case 'valid':
      return (
        <span className="secret-key-valid" data-testid="secret-key-valid">
          <CheckIcon /> Looks right: Secret Key for account {check.accountId}
        </span>
      )
    case 'invalid':
      return undefined
  }
}
