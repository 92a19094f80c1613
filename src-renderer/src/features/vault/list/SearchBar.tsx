/**
 * The search box. Arrow keys here move through the results without leaving
 * the box (as in 1Password and Spotlight); Enter opens the selected item.
 */
import { forwardRef, type KeyboardEvent } from 'react'
import { IconClose, IconSearch } from '../icons/icons.tsx'
import { MOD_LABEL } from '../model/platform.ts'

export interface SearchBarProps {
  readonly query: string
  readonly placeholder: string
  readonly onQuery: (query: string) => void
  readonly onMove: (delta: number) => void
  readonly onOpen: () => void
}

export const SearchBar = forwardRef<HTMLInputElement, SearchBarProps>(function SearchBar(
  { query, placeholder, onQuery, onMove, onOpen },
  ref,
) {
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      onMove(event.key === 'ArrowDown' ? 1 : -1)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      onOpen()
    } else if (event.key === 'Escape' && query !== '') {
      // Escape clears first; a second Escape is left to the workspace.
      event.preventDefault()
      event.stopPropagation()
      onQuery('')
    }
  }
  return (
    <div className="search">
      <span className="search-icon">
        <IconSearch />
      </span>
      <input
        ref={ref}
        className="search-input"
        type="search"
        aria-label="Search the vault"
        placeholder={placeholder}
        value={query}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {query === '' ? (
        <kbd className="search-kbd">{MOD_LABEL === '⌘' ? '⌘F' : 'Ctrl F'}</kbd>
      ) : (
        // Out of the tab order: Escape clears from the keyboard, and Tab goes straight on to the results.
        <button
          type="button"
          className="search-clear"
          aria-label="Clear search"
          tabIndex={-1}
          onClick={() => onQuery('')}
        >
          <IconClose />
        </button>
      )}
    </div>
  )
})
