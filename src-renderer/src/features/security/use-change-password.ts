import { type FormEvent, useContext, useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'
import { SessionContext } from '../../app/session.ts'
import { type StrengthState, useStrength } from '../onboarding/use-strength.ts'
import { missingCurrent } from './credential-problems.ts'
import { type CredentialRun, useCredentialRun } from './use-credential-run.ts'

interface Values {
  readonly current: string
  readonly next: string
  readonly confirm: string
}

const EMPTY: Values = { current: '', next: '', confirm: '' }

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
  const [values, setValues] = useState<Values>(EMPTY)
  const [confirmLeft, setConfirmLeft] = useState(false)
  const strength = useStrength(values.next, email)
  const form = useCredentialRun(true)
  const canChange = strength.estimate?.acceptable === true && values.confirm === values.next && !form.busy

  async function change(): Promise<void> {
    if (values.current === '') return form.fail(missingCurrent(true))
    const outcome = await form.run(() =>
      client.changePassword({ currentPassword: values.current, newPassword: values.next }),
    )
    onAttempted()
    if (outcome.ok) {
      setValues(EMPTY)
      return onChanged()
    }
    if (outcome.problem.clearField && outcome.problem.field === 'current') {
      setValues((typed) => ({ ...typed, current: '' }))
    }
  }

  return {
    ...form,
    values,
    set: (field) => (value) => {
      setValues((typed) => ({ ...typed, [field]: value }))
      if (field !== 'confirm') form.edited(field)
    },
    leaveConfirm: () => setConfirmLeft(true),
    strength,
    confirmError: confirmProblem(values.next, values.confirm, confirmLeft),
    canChange,
    submit: (event) => {
      event.preventDefault()
      setConfirmLeft(true)
      if (canChange) void change()
    },
  }
}

/** As at onboarding: said once the confirmation cannot be a prefix still being typed, or the field was left. */
function confirmProblem(next: string, confirm: string, left: boolean): string | undefined {
  if (confirm === '' || confirm === next) return undefined
  if (!left && confirm.length < next.length && next.startsWith(confirm)) return undefined
  return 'The two new passwords do not match.'
}
