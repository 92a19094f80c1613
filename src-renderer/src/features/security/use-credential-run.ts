import type { IpcResult } from '@shared/ipc/result.ts'
import { createRef, type RefObject, useEffect, useMemo, useState } from 'react'
import { type CredentialField, type CredentialProblem, credentialProblem } from './credential-problems.ts'

export type CredentialOutcome<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly problem: CredentialProblem }

export interface CredentialRun {
  readonly busy: boolean
  readonly problem: CredentialProblem | null
  readonly errorOf: (field: CredentialField) => string | undefined
  readonly refs: Readonly<Record<CredentialField, RefObject<HTMLInputElement | null>>>
  /** A problem found before calling main (an empty field). */
  readonly fail: (problem: CredentialProblem) => void
  /** The user edited a field: a problem about it is gone. */
  readonly edited: (field: CredentialField) => void
  /** Calls main with the busy flag up; a failure becomes the form's problem. */
  readonly run: <T>(call: () => Promise<IpcResult<T>>) => Promise<CredentialOutcome<T>>
}

/**
 * The state the Security forms share: busy while main derives keys (seconds),
 * the current problem, and focus moved to the field a new problem is about.
 */
export function useCredentialRun(asksNewPassword: boolean): CredentialRun {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<CredentialProblem | null>(null)
  const refs = useFocusOnProblem(problem)

  async function run<T>(call: () => Promise<IpcResult<T>>): Promise<CredentialOutcome<T>> {
    setBusy(true)
    setProblem(null)
    const result = await call()
    setBusy(false)
    if (result.ok) return { ok: true, data: result.data }
    const next = credentialProblem(result.error, asksNewPassword)
    setProblem(next)
    return { ok: false, problem: next }
  }

  return {
    busy,
    problem,
    errorOf: (field) => (problem?.field === field ? problem.message : undefined),
    refs,
    fail: setProblem,
    edited: (field) => {
      if (problem?.field === field) setProblem(null)
    },
    run,
  }
}

function useFocusOnProblem(problem: CredentialProblem | null): CredentialRun['refs'] {
  const refs = useMemo(() => ({ current: createRef<HTMLInputElement>(), next: createRef<HTMLInputElement>() }), [])
  useEffect(() => {
    if (problem?.field) refs[problem.field].current?.focus()
  }, [problem, refs])
  return refs
}
