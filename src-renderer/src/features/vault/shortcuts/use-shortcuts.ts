/** Listens for the workspace's shortcuts on the whole window and calls the matching handler. */
import { useEffect, useRef } from 'react'
import { matchShortcut, type ShortcutId } from './keymap.ts'

export type ShortcutHandlers = Readonly<Partial<Record<ShortcutId, () => void>>>

export function useShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers)
  latest.current = handlers
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || insideDialog(event.target)) return
      const id = matchShortcut(event, isTyping(event.target))
      const handler = id === null ? undefined : latest.current[id]
      if (handler === undefined) return
      event.preventDefault()
      handler()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/** A dialog (the generator, settings, a confirmation) owns the keyboard while it is open. */
function insideDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"]') !== null
}
