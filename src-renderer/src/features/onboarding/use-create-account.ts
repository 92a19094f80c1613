import type { Res } from '@shared/ipc/contract.ts'
import type { IpcResult } from '@shared/ipc/result.ts'
import { type FormEvent, useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'
import { useNewPassword } from './use-new-password.ts'
import type { StrengthState } from './use-strength.ts'

export type CreatedAccount = Res<'createAccount'>

/** Makes the account from the form's email and password: createAccount, or a restore that answers the same. */
export type AccountMaker = (account: { email: string; password: string }) => Promise<IpcResult<CreatedAccount>>

/** Enough to catch a slip (a missing @ or domain); main checks the address properly. */
export const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export interface CreateAccountForm {
  readonly email: string
  readonly setEmail: (value: string) => void
  readonly leaveEmail: () => void
  readonly password: string
  readonly setPassword: (value: string) => void
  readonly confirm: string
  readonly setConfirm: (value: string) => void
  readonly leaveConfirm: () => void
  readonly strength: StrengthState
  readonly emailError: string | undefined
  readonly confirmError: string | undefined
  readonly canCreate: boolean
  readonly creating: boolean
  readonly failure: string | null
  readonly submit: (event: FormEvent<HTMLFormElement>) => void
}

/**
 * The create-account form: email, master password (rated live by main),
 * confirmation. Create is possible only when main rates the exact current
 * password acceptable and the two entries match. The typed password is
 * dropped from state as soon as the account exists. A restore from a backup
 * passes its own makeAccount and reuses the rest.
 */
export function useCreateAccount(
  onCreated: (account: CreatedAccount) => void,
  makeAccount?: AccountMaker,
): CreateAccountForm {
  const client = useVaultClient()
  const make = makeAccount ?? client.createAccount
  const fields = useAccountFields()
  const [creating, setCreating] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const canCreate = fields.valid && !creating

  async function create(): Promise<void> {
    setCreating(true)
    setFailure(null)
    const result = await make({ email: fields.email.trim(), password: fields.password })
    setCreating(false)
    if (!result.ok) return setFailure(result.error.message)
    fields.forgetPasswords()
    onCreated(result.data)
  }

  return {
    ...fields,
    canCreate,
    creating,
    failure,
    submit: (event) => {
      event.preventDefault()
      fields.revealErrors()
      if (canCreate) void create()
    },
  }
}

/** The three fields, whether they are fit to submit, and what to say about them. */
function useAccountFields() {
  const [email, setEmailValue] = useState('')
  const [emailLeft, setEmailLeft] = useState(false)
  const { revealErrors, forget, ready, ...entries } = useNewPassword(email)
  const emailValid = EMAIL_SHAPE.test(email.trim())
  return {
    email,
    setEmail: (value: string) => {
      setEmailValue(value)
      setEmailLeft(false)
    },
    leaveEmail: () => setEmailLeft(email !== ''),
    ...entries,
    emailError: emailLeft ? emailProblem(email, emailValid) : undefined,
    valid: emailValid && ready,
    /** On submit: say what is wrong with every field, touched or not. */
    revealErrors: () => {
      setEmailLeft(true)
      revealErrors()
    },
    forgetPasswords: forget,
  }
}

function emailProblem(email: string, valid: boolean): string | undefined {
  if (valid) return undefined
  return email.trim() === '' ? 'Enter your email address.' : 'This does not look like an email address.'
}
