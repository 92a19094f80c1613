/**
 * Short, self-dismissing notices ("Password copied · clears in 30 s").
 * Errors stay longer and are announced assertively.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react'
import { Toasts } from './Toasts.tsx'

export type ToastTone = 'info' | 'success' | 'error'

export interface Toast {
  readonly id: number
  readonly message: string
  readonly tone: ToastTone
}

type ShowToast = (message: string, tone?: ToastTone) => void

const ToastContext = createContext<ShowToast | null>(null)

const VISIBLE_MS: Readonly<Record<ToastTone, number>> = { info: 3_500, success: 3_500, error: 7_000 }
/** More than this on screen at once is noise; the oldest go first. */
const MAX_TOASTS = 3

export function ToastProvider({ children }: { readonly children: ReactNode }) {
  const [toasts, setToasts] = useState<readonly Toast[]>([])
  const nextId = useRef(1)
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>())

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), [])
  const show = useCallback<ShowToast>(
    (message, tone = 'info') => {
      const id = nextId.current++
      // The same notice twice in a row (two saves) shows once, refreshed.
      setToasts((all) =>
        [...all.filter((toast) => toast.message !== message), { id, message, tone }].slice(-MAX_TOASTS),
      )
      const timer = setTimeout(() => {
        timers.current.delete(timer)
        dismiss(id)
      }, VISIBLE_MS[tone])
      timers.current.add(timer)
    },
    [dismiss],
  )
  useEffect(() => {
    const pending = timers.current
    return () => {
      for (const timer of pending) clearTimeout(timer)
    }
  }, [])

  const value = useMemo(() => show, [show])
  return (
    <ToastContext.Provider value={value}>
      {children}
      <Toasts toasts={toasts} onDismiss={dismiss} />
    </ToastContext.Provider>
  )
}

export function useToast(): ShowToast {
  const show = useContext(ToastContext)
  if (show === null) throw new Error('useToast() needs a ToastProvider')
  return show
}
