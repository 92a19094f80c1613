/**
 * The workspace's commands on the selected item that keyboard shortcuts also
 * reach: copy its password, username or one-time code, and open it for edit.
 */
import type { ItemView } from '@shared/domain/item.ts'
import { useVaultClient } from '../../api/use-vault-client.ts'
import { useCopy } from './detail/use-copy.ts'
import { fieldSpec, PRIMARY_SECRET, PRIMARY_USERNAME, TYPE_NAMES } from './model/item-types.ts'
import type { ItemSummary } from './model/types.ts'
import { useToast } from './toast/toast-context.tsx'

export function useItemCommands(selected: ItemSummary | null) {
  const client = useVaultClient()
  const toast = useToast()
  const { copyField, copyTotp } = useCopy()

  const copyPrimary = (fields: typeof PRIMARY_SECRET, what: string) => {
    if (selected === null) return
    const field = fields[selected.type]
    if (field === undefined) return toast(`${TYPE_NAMES[selected.type].many} have no ${what}.`)
    void copyField(selected.id, field, fieldSpec(selected.type, field)?.label ?? what)
  }

  return {
    copyPassword: () => copyPrimary(PRIMARY_SECRET, 'password'),
    copyUsername: () => copyPrimary(PRIMARY_USERNAME, 'username'),
    copyTotp: () => {
      if (selected === null) return
      if (!selected.hasTotp) return toast('This item has no one-time password.')
      void copyTotp(selected.id)
    },
    /** The current view of an item, for the editor; undefined (after saying why) when it cannot be read. */
    loadForEdit: async (id: string): Promise<ItemView | undefined> => {
      const result = await client.getItem({ id })
      if (!result.ok) {
        toast(result.error.message, 'error')
        return undefined
      }
      return result.data
    },
    emptyTrash: async (): Promise<boolean> => {
      const result = await client.emptyTrash()
      if (!result.ok) {
        toast(result.error.message, 'error')
        return false
      }
      const { removed } = result.data
      toast(`Trash emptied: ${removed} ${removed === 1 ? 'item' : 'items'} deleted for good`, 'success')
      return true
    },
  }
}
