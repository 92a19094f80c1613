/**
 * Binds each IPC method to the service that answers it. Handlers receive
 * requests already validated by the dispatcher and return plain data; the
 * only thing they may throw for the user to see is a VaultError.
 */
import type { IpcHandlers } from '../dispatcher.ts'
import { actionHandlers } from './action-handlers.ts'
import type { HandlerDeps } from './deps.ts'
import { importHandlers } from './import-handlers.ts'
import { itemHandlers } from './item-handlers.ts'
import { restoreHandlers } from './restore-handlers.ts'
import { securityHandlers } from './security-handlers.ts'
import { sessionHandlers } from './session-handlers.ts'
import { syncHandlers } from './sync-handlers.ts'
import { transferHandlers } from './transfer-handlers.ts'

export type { AppIdentity, HandlerDeps } from './deps.ts'

export function createIpcHandlers(deps: HandlerDeps): IpcHandlers {
  return {
    ...sessionHandlers(deps),
    ...itemHandlers(deps),
    ...actionHandlers(deps),
    ...syncHandlers(deps),
    ...securityHandlers(deps),
    ...transferHandlers(deps),
    ...importHandlers(deps),
    ...restoreHandlers(deps),
  }
}
