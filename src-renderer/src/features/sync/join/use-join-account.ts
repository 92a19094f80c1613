import type { FormEvent } from 'react'
import { useVaultClient } from '../../../api/use-vault-client.ts'
import { EMAIL_SHAPE } from '../../onboarding/use-create-account.ts'
import type { SyncProblem } from '../sync-problems.ts'
import { firstMissing, type SyncForm, type SyncValues, useSyncForm } from '../use-sync-form.ts'

// Checked in the order the fields show, the email's shape in its place.
const BEFORE_EMAIL = [
  ['url', 'Enter the project URL.'],
  ['anonKey', "Paste the project's anon key."],
  ['email', 'Enter the email address of your account.'],
] as const
const AFTER_EMAIL = [
  ['secretKey', 'Enter your Secret Key. It is on your Emergency Kit and starts with K1.'],
  ['password', 'Enter your master password.'],
] as const

/** What an Emergency Kit's setup code fills in: everything but the master password. */
export type JoinPrefill = Omit<SyncValues, 'password'>

export interface JoinForm extends SyncForm {
  readonly submit: (event: FormEvent<HTMLFormElement>) => void
}

/**
 * Signing this device in to an account that lives on the server: main
 * fetches the account's key-derivation record, signs in, copies the sealed
 * keys down, unlocks and runs the first sync. Then the shell shows the vault.
 */
export function useJoinAccount(onJoined: () => void, prefill?: JoinPrefill): JoinForm {
  const client = useVaultClient()
  const form = useSyncForm(['url', 'anonKey', 'email', 'secretKey', 'password'], prefill)

  async function join(): Promise<void> {
    const { url, anonKey, email, secretKey, password } = form.values
    const check =
      firstMissing(form.values, BEFORE_EMAIL) ?? emailProblem(email) ?? firstMissing(form.values, AFTER_EMAIL)
    const report = await form.run(check, () => client.joinAccount({ url, anonKey, email, secretKey, password }))
    if (report !== undefined) return onJoined()
    if (check === null) await moveOnIfJoined(onJoined)
  }

  /**
   * A failure late in the join (the first sync, say) can leave the vault
   * already on this device: then there is nothing to retry here, and the
   * shell's next screen (the vault, or its lock screen) is the right one.
   */
  async function moveOnIfJoined(next: () => void): Promise<void> {
    const status = await client.getStatus()
    if (status.ok && status.data.state !== 'no-account') next()
  }

  return {
    ...form,
    submit: (event) => {
      event.preventDefault()
      if (!form.busy) void join()
    },
  }
}

function emailProblem(email: string): SyncProblem | null {
  if (EMAIL_SHAPE.test(email.trim())) return null
  return { field: 'email', message: 'This does not look like an email address.', clearPassword: false }
}
