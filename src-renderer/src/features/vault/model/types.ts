/**
 * The shapes the workspace receives, taken from the IPC contract's responses
 * (type-only imports: zod stays out of the bundle). They match the domain
 * types in src-shared/domain/item.ts, but say exactly what crosses the bridge.
 */
import type { Res } from '@shared/ipc/contract.ts'

/** One row of the list: no secret, no notes. */
export type ItemSummary = Res<'listItems'>['items'][number]

/** One saved version of an item, as its history lists it. */
export type ItemRevisionInfo = Res<'itemHistory'>['revisions'][number]
