import type { VaultApi } from '@shared/ipc/contract.ts'

declare global {
  interface Window {
    /** Exposed by the preload (src-main/preload/index.ts); the renderer's only way to the main process. */
    readonly vault: VaultApi
  }
}
