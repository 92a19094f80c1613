/**
 * What main tells the window without being asked. Events carry no secret and
 * no item content: on 'locked' the window drops everything it shows, on
 * 'itemsChanged' it asks again for what it needs.
 */
import { z } from 'zod'

export const LOCK_REASONS = ['user', 'idle', 'suspend', 'screen-lock'] as const
export type LockReason = (typeof LOCK_REASONS)[number]

export const vaultEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('locked'), reason: z.enum(LOCK_REASONS) }),
  z.strictObject({ type: z.literal('clipboardCleared') }),
  z.strictObject({ type: z.literal('itemsChanged') }),
  z.strictObject({ type: z.literal('syncChanged') }),
])

export type VaultEvent = z.output<typeof vaultEventSchema>

export type VaultEventListener = (event: VaultEvent) => void
