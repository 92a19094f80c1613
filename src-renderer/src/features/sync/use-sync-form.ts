/**
 * The state every sync form shares (turn on, sign in again, join): typed
 * values, the current problem and the field it is about (which gets focus),
 * and a busy flag while main works. Secrets (master password, Secret Key)
 * are dropped from state as soon as main has used them.
 */
import type { IpcResult } from '@shared/ipc/result.ts'
import { createRef, type RefObject, useEffect, useMemo, useState } from 'react'
import { type SyncField, type SyncProblem, syncProblem } from './sync-problems.ts'

export type SyncValues = Readonly<Record<SyncField, string>>

const EMPTY: SyncValues = { url: '', anonKey: '', email: '', secretKey: '', password: '' }

export interface SyncForm {
  readonly values: SyncValues
  readonly set: (field: SyncField) => (value: string) => void
  readonly refs: Readonly<Record<SyncField, RefObject<HTMLInputElement | null>>>
  readonly problem: SyncProblem | null
  readonly errorOf: (field: SyncField) => string | undefined
  readonly busy: boolean
  /** Checks the form (a problem stops it), calls main, and returns the answer's data, or undefined on failure. */
  readonly run: <T>(check: SyncProblem | null, call: () => Promise<IpcResult<T>>) => Promise<T | undefined>
}

/** `initial`: values the form starts with (the join form, filled in from an Emergency Kit's setup code). */
export function useSyncForm(fields: readonly SyncField[], initial: Partial<SyncValues> = {}): SyncForm {
  const [values, setValues] = useState<SyncValues>(() => ({ ...EMPTY, ...initial }))
  const [problem, setProblem] = useState<SyncProblem | null>(null)
  const [busy, setBusy] = useState(false)
  const refs = useFocusOnProblem(problem)

  async function run<T>(check: SyncProblem | null, call: () => Promise<IpcResult<T>>): Promise<T | undefined> {
    setProblem(check)
    if (check !== null) return undefined
    setBusy(true)
    const result = await call()
    setBusy(false)
    if (result.ok) {
      setValues((current) => ({ ...current, password: '', secretKey: '' }))
      return result.data
    }
    const next = syncProblem(result.error, fields)
    if (next.clearPassword) setValues((current) => ({ ...current, password: '' }))
    setProblem(next)
    return undefined
  }

  return {
    values,
    /** Editing the field a problem is about clears the problem. */
    set: (field) => (value) => {
      setValues((current) => ({ ...current, [field]: value }))
      if (problem?.field === field) setProblem(null)
    },
    refs,
    problem,
    errorOf: (field) => (problem?.field === field ? problem.message : undefined),
    busy,
    run,
  }
}

/** Moves focus to the field a new problem is about. */
function useFocusOnProblem(problem: SyncProblem | null): SyncForm['refs'] {
  const refs = useMemo(
    () => ({
      url: createRef<HTMLInputElement>(),
      anonKey: createRef<HTMLInputElement>(),
      email: createRef<HTMLInputElement>(),
      secretKey: createRef<HTMLInputElement>(),
      password: createRef<HTMLInputElement>(),
    }),
    [],
  )
  useEffect(() => {
    if (problem?.field) refs[problem.field].current?.focus()
  }, [problem, refs])
  return refs
}

/** The first field left empty, as a problem, or null when all are filled. */
export function firstMissing(
  values: SyncValues,
  required: readonly (readonly [field: SyncField, message: string])[],
): SyncProblem | null {
  // A master password is taken as typed (spaces count); the other fields are trimmed by main.
  const blank = (field: SyncField) => (field === 'password' ? values[field] : values[field].trim()) === ''
  const empty = required.find(([field]) => blank(field))
  return empty === undefined ? null : { field: empty[0], message: empty[1], clearPassword: false }
}
