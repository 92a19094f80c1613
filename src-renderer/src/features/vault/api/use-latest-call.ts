/**
 * Runs an async load whenever its key changes and keeps only the newest
 * answer: a slow response to an older keystroke never overwrites a newer one.
 */
import { useEffect, useRef, useState } from 'react'

export interface Loaded<T> {
  /** The latest answer; kept while a newer request is on its way, so lists do not flicker. */
  readonly data: T | null
  readonly error: string | null
  /** Whether data answers the current key (not an earlier one still on screen). */
  readonly fresh: boolean
}

export type LoadResult<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly message: string }

interface Answer<T> {
  readonly key: string | null
  readonly data: T | null
  readonly error: string | null
}

export function useLatestCall<T>(key: string, load: () => Promise<LoadResult<T>>): Loaded<T> {
  const [answer, setAnswer] = useState<Answer<T>>({ key: null, data: null, error: null })
  const latest = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  useEffect(() => {
    const ticket = ++latest.current
    void loadRef.current().then((result) => {
      if (ticket !== latest.current) return
      setAnswer((previous) =>
        result.ok ? { key, data: result.data, error: null } : { key, data: previous.data, error: result.message },
      )
    })
  }, [key])

  useEffect(
    () => () => {
      // Answers arriving after unmount are dropped.
      latest.current += 1
    },
    [],
  )
  return { data: answer.data, error: answer.error, fresh: answer.key === key }
}
