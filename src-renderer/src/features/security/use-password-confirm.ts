import type { IpcResult } from '@shared/ipc/result.ts'
import type { CredentialChangeView } from '@shared/ipc/views.ts'
import { type FormEvent, useState } from 'react'
import { missingCurrent } from './credential-problems.ts'
import { type CredentialRun, useCredentialRun } from './use-credential-run.ts'

export type ConfirmCall = (password: string) => Promise<IpcResult<CredentialChangeView>>

export interface PasswordConfirmForm extends CredentialRun {
  readonly password: string
  readonly setPassword: (value: string) => void
  readonly submit: (event: FormEvent<HTMLFormElement>) => void
}

/**
 * A change confirmed with the master password alone (a new Secret Key,
 * stronger key derivation). The password is dropped from state as soon as
 * main has used it, and cleared when main found it wrong.
 */
export function usePasswordConfirm(
  call: ConfirmCall,
  onDone: (change: CredentialChangeView) => void,
  onAttempted: () => void,
): PasswordConfirmForm {
  const [password, setPassword] = useState('')
  const form = useCredentialRun(false)

  async function confirm(): Promise<void> {
    if (password === '') return form.fail(missingCurrent(false))
    const outcome = await form.run(() => call(password))
    onAttempted()
    if (outcome.ok) {
      setPassword('')
      return onDone(outcome.data)
    }
    if (outcome.problem.clearField) setPassword('')
  }

  return {
    ...form,
    password,
    setPassword: (value) => {
      setPassword(value)
      form.edited('current')
    },
    submit: (event) => {
      event.preventDefault()
      if (!form.busy) void confirm()
    },
  }
}
