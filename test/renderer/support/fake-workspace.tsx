/** Stands in for R2's VaultWorkspace in shell tests: shows the session and offers the calls the shell must react to. */
import { useVaultClient } from '../../../src-renderer/src/api/use-vault-client.ts'
import { useSession } from '../../../src-renderer/src/app/session.ts'

export function FakeWorkspace() {
  const session = useSession()
  const client = useVaultClient()
  return (
    <main>
      <p data-testid="workspace">
        Workspace of {session.email} ({session.accountId})
      </p>
      <button type="button" onClick={() => void session.lock()}>
        Lock
      </button>
      <button type="button" onClick={() => void client.listItems({})}>
        List
      </button>
    </main>
  )
}
