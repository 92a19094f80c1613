import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react'

export interface DialogProps {
  readonly title: string
  readonly onClose: () => void
  readonly children: ReactNode
  /** Buttons at the bottom right. */
  readonly actions?: ReactNode
}

const FOCUSABLE =
  'input:not(:disabled), textarea:not(:disabled), select:not(:disabled), button:not(:disabled), [tabindex="0"]'

function focusablesIn(panel: HTMLElement | null): HTMLElement[] {
  return panel === null ? [] : [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)]
}

/**
 * A modal dialog: focus moves into it (its first enabled control, or the
 * panel itself while its content loads), Tab stays inside, Escape closes it,
 * and focus returns to whatever had it before. role="dialog" with aria-modal
 * for screen readers.
 */
export function Dialog({ title, onClose, children, actions }: DialogProps) {
  const titleId = useId()
  const panel = useRef<HTMLDivElement>(null)
  const close = useRef(onClose)
  close.current = onClose
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null
    ;(focusablesIn(panel.current)[0] ?? panel.current)?.focus()
    return () => previous?.focus()
  }, [])
  // On the document, not the panel: after an async action disables the focused button, focus
  // falls to the body, and Escape must still close. A control that uses Escape itself stops it.
  useEffect(() => {
    const onEscape = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      event.preventDefault()
      close.current()
    }
    document.addEventListener('keydown', onEscape)
    return () => document.removeEventListener('keydown', onEscape)
  }, [])

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'Tab') keepTabInside(event, focusablesIn(panel.current))
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click outside closes, as a convenience; Escape is the keyboard way.
    <div className="dialog-backdrop" role="presentation" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={panel}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
        {actions ? <div className="dialog-actions">{actions}</div> : null}
      </div>
    </div>
  )
}

/** Tab from the last control goes to the first, Shift+Tab from the first to the last. */
function keepTabInside(event: KeyboardEvent, focusables: HTMLElement[]): void {
  const first = focusables[0]
  const last = focusables.at(-1)
  if (first === undefined || last === undefined) {
    event.preventDefault()
    return
  }
  const active = document.activeElement
  if (event.shiftKey && (active === first || !focusables.includes(active as HTMLElement))) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && active === last) {
    event.preventDefault()
    first.focus()
  }
}
