import { type FormEvent, useContext, useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'
import { SessionContext } from '../../app/session.ts'
import { useNewPassword } from '../onboarding/use-new-password.ts'
import type { StrengthState } from '../onboarding/use-strength.ts'
import { missingCurrent } from './credential-problems.ts'
import { type CredentialRun, useCredentialRun } from './use-credential-run.ts'

interface Values {
  readonly current: string
  readonly next: string
  readonly confirm: string
}

export interface ChangePasswordForm extends CredentialRun {
  readonly values: Values
  readonly set: (field: keyof Values) => (value: string) => void
  readonly leaveConfirm: () => void
  readonly strength: StrengthState
  readonly confirmError: string | undefined
  readonly canChange: boolean
  readonly submit: (event: FormEvent<HTMLFormElement>) => void
}

/**
 * Current password, new one (rated live by main, as at onboarding) and its
 * confirmation. Change is possible only once main rates the exact new
 * password acceptable and both entries match; main checks the current one.
 */
export function useChangePassword(onChanged: () => void, onAttempted: () => void): ChangePasswordForm {
  const client = useVaultClient()
  // Outside a session (a test rendering the panel alone) there is no email to avoid.
  const email = useContext(SessionContext)?.email ?? ''
  const [current, setCurrent] = useState('')
  const fresh = useNewPassword(email, 'The two new passwords do not match.')
  const values: Values = { current, next: fresh.password, confirm: fresh.confirm }
  const form = useCredentialRun(true)
  const canChange = fresh.ready && !form.busy
  const setters: Record<keyof Values, (value: string) => void> = {
    current: setCurrent,
    next: fresh.setPassword,
    confirm: fresh.setConfirm,
  }

  async function change(): Promise<void> {
    if (values.current === '') return form.fail(missingCurrent(true))
    const outcome = await form.run(() =>
      client.changePassword({ currentPassword: values.current, newPassword: values.next }),
    )
    onAttempted()
    if (outcome.ok) {
      setCurrent('')
      fresh.forget()
      return onChanged()
    }
    if (outcome.problem.clearField && outcome.problem.field === 'current') setCurrent('')
  }

  return {
    ...form,
    values,
    set: (field) => (value) => {
      setters[field](value)
      if (field !== 'confirm') form.edited(field)
    },
    leaveConfirm: fresh.leaveConfirm,
    strength: fresh.strength,
    confirmError: fresh.confirmError,
    canChange,
    submit: (event) => {
      event.preventDefault()
      fresh.revealErrors()
      if (canChange) void change()
    },
  }
}
