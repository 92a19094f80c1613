/**
 * A number that goes up whenever the vault's items change (our own saves,
 * main's 'itemsChanged' event for changes made elsewhere, or a finished
 * sync, which may have brought items down), so every pane that shows items
 * can reload.
 */
import { useCallback, useState } from 'react'
import { useVaultEvent } from '../../../api/use-vault-event.ts'
import { useSyncPulls } from '../../sync/use-sync-pulls.ts'

export function useChangeCounter(): readonly [version: number, changed: () => void] {
  const [version, setVersion] = useState(0)
  const changed = useCallback(() => setVersion((value) => value + 1), [])
  useVaultEvent((event) => {
    if (event.type === 'itemsChanged') changed()
  })
  useSyncPulls(changed)
  return [version, changed]
}
