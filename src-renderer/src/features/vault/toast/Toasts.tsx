import { IconClose } from '../icons/icons.tsx'
import type { Toast } from './toast-context.tsx'
import './toast.css'

export interface ToastsProps {
  readonly toasts: readonly Toast[]
  readonly onDismiss: (id: number) => void
}

/** Two live regions, so errors interrupt and confirmations wait their turn. */
export function Toasts({ toasts, onDismiss }: ToastsProps) {
  const errors = toasts.filter((toast) => toast.tone === 'error')
  const notices = toasts.filter((toast) => toast.tone !== 'error')
  return (
    <div className="toasts">
      <div role="alert" className="toast-stack">
        {errors.map((toast) => (
          <ToastCard key={toast.id} toast={toast} onDismiss={onDismiss} />
        ))}
      </div>
      <div role="status" aria-live="polite" className="toast-stack">
        {notices.map((toast) => (
          <ToastCard key={toast.id} toast={toast} onDismiss={onDismiss} />
        ))}
      </div>
    </div>
  )
}

function ToastCard({ toast, onDismiss }: { readonly toast: Toast; readonly onDismiss: (id: number) => void }) {
  return (
    <div className={`toast toast-${toast.tone}`} data-testid="toast">
      <span className="toast-dot" aria-hidden="true" />
      <span className="toast-message">{toast.message}</span>
      <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => onDismiss(toast.id)}>
        <IconClose />
      </button>
    </div>
  )
}
