import type { UnlockResultView } from '@shared/ipc/views.ts'
import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react'
import { useVaultClient } from '../../api/use-vault-client.ts'
import { passwordMissing, secretKeyMissing, type UnlockProblem, unlockProblem } from './unlock-errors.ts'

export interface UnlockForm {
  readonly password: string
  readonly setPassword: (value: string) => void
  readonly secretKey: string
  readonly setSecretKey: (value: string) => void
  readonly askSecretKey: boolean
  readonly unlocking: boolean
  readonly problem: UnlockProblem | null
  readonly submit: (event: FormEvent<HTMLFormElement>) => void
  readonly passwordRef: RefObject<HTMLInputElement | null>
  readonly secretKeyRef: RefObject<HTMLInputElement | null>
}

export interface UnlockCallbacks {
  /** Main has unlocked: what it said (a change of secrets it settled, say) goes to the shell. */
  readonly onUnlocked: (result: UnlockResultView) => Promise<void>
  /** Main's view of this device changed: the shell asks for the status again. */
  readonly onRefreshStatus: () => Promise<void>
}

/**
 * The lock screen's state and its one action. The typed secrets live only
 * here and only until unlock succeeds; after a wrong password the password
 * is cleared and focused again, as 1Password does.
 */
export function useUnlockForm(secretKeyNeeded: boolean, callbacks: UnlockCallbacks): UnlockForm {
  const client = useVaultClient()
  const [password, setPassword] = useState('')
  const [secretKey, setSecretKey] = useState('')
  const [askedByMain, setAskedByMain] = useState(false)
  const [unlocking, setUnlocking] = useState(false)
  const [problem, setProblem] = useState<UnlockProblem | null>(null)
  const refs = useFocusOnProblem(problem)
  const askSecretKey = secretKeyNeeded || askedByMain

  function fail(next: UnlockProblem): void {
    if (next.clearPassword) setPassword('')
    if (next.askSecretKey) setAskedByMain(true)
    setUnlocking(false)
    setProblem(next)
    if (next.refreshStatus) void callbacks.onRefreshStatus()
  }

  async function unlock(): Promise<void> {
    if (password === '') return fail(passwordMissing())
    if (askSecretKey && secretKey.trim() === '') return fail(secretKeyMissing())
    setUnlocking(true)
    setProblem(null)
    const result = await client.unlock(askSecretKey ? { password, secretKey } : { password })
    if (!result.ok) return fail(unlockProblem(result.error, askSecretKey))
    // Forget the secrets now; the progress state stays until the workspace replaces this screen.
    setPassword('')
    setSecretKey('')
    await callbacks.onUnlocked(result.data)
    // Still here: the vault locked again at once (say, a zero idle delay). Let the user try again.
    setUnlocking(false)
  }

  /** Editing the field a problem is about clears the problem. */
  const editing = (field: UnlockProblem['field'], set: (value: string) => void) => (value: string) => {
    set(value)
    if (problem?.field === field) setProblem(null)
  }

  return {
    ...refs,
    password,
    setPassword: editing('password', setPassword),
    secretKey,
    setSecretKey: editing('secretKey', setSecretKey),
    askSecretKey,
    unlocking,
    problem,
    submit: (event) => {
      event.preventDefault()
      if (!unlocking) void unlock()
    },
  }
}

/** Moves focus to the field a new problem is about, or to a cleared password that must be typed again. */
function useFocusOnProblem(problem: UnlockProblem | null) {
  const passwordRef = useRef<HTMLInputElement>(null)
  const secretKeyRef = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (problem === null) return
    if (problem.field === 'none' && !problem.clearPassword) return
    ;(problem.field === 'secretKey' ? secretKeyRef : passwordRef).current?.focus()
  }, [problem])
  return { passwordRef, secretKeyRef }
}
