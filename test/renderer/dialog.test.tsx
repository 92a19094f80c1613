// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Button, Dialog } from '../../src-renderer/src/ui/index.ts'

afterEach(cleanup)

describe('Dialog', () => {
  it('focuses its first enabled control, keeps Tab inside, and closes on Escape', () => {
    const onClose = vi.fn()
    render(
      <Dialog title="Example" onClose={onClose} actions={<Button>Last</Button>}>
        <Button disabled>Disabled</Button>
        <Button>First</Button>
      </Dialog>,
    )
    const first = screen.getByRole('button', { name: 'First' })
    const last = screen.getByRole('button', { name: 'Last' })
    expect(document.activeElement).toBe(first)
    last.focus()
    fireEvent.keyDown(last, { key: 'Tab' })
    expect(document.activeElement).toBe(first)
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true })
    expect(document.activeElement).toBe(last)
    fireEvent.keyDown(last, { key: 'Escape' })
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it('takes focus itself while it has no enabled control, so Escape still closes it', () => {
    const onClose = vi.fn()
    render(
      <Dialog title="Loading" onClose={onClose}>
        <select disabled aria-label="Not loaded yet" />
      </Dialog>,
    )
    const dialog = screen.getByRole('dialog', { name: 'Loading' })
    expect(document.activeElement).toBe(dialog)
    fireEvent.keyDown(dialog, { key: 'Escape' })
    expect(onClose).toHaveBeenCalledTimes(1)
  })
})
