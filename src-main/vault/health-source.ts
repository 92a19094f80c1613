/**
 * What the password health report (health/health-report.ts) is computed
 * from: every current item outside the trash, opened, and for each login with
 * a password the time that password was set, found by walking the item's
 * revisions back from the current one (health/password-age.ts). Read-only.
 *
 * A revision's time is the updatedAt sealed inside it (the moment of the
 * edit on the device that made it), not the store's savedAt, which sync sets
 * from the server. Items listed as damaged, or that fail to open now, are
 * left out; an older revision that fails to open ends the walk.
 */
import type { ItemContent } from '../../src-shared/domain/item.ts'
import { VaultError } from '../../src-shared/errors.ts'
import type { HealthInput, HealthReport } from '../health/health-report.ts'
import { type PasswordRevision, passwordChangedAt } from '../health/password-age.ts'
import type { ItemRecord } from '../store/index.ts'
import { type ItemContext, openRecord } from './items.ts'

/** A health report with the titles of the items it names (item id → title). */
export type TitledHealthReport = HealthReport & { readonly titles: Readonly<Record<string, string>> }

/**
 * The titles of the items a report names, for the window and the CLI (the
 * report itself holds ids only); '' for one no longer listed.
 */
export function healthTitles(ctx: ItemContext, ids: readonly string[]): Record<string, string> {
  return Object.fromEntries(ids.map((id) => [id, ctx.session.index.get(id)?.summary.title ?? '']))
}

export function healthInputs(ctx: ItemContext): HealthInput[] {
  const inputs: HealthInput[] = []
  for (const record of ctx.store.listCurrentItems()) {
    const indexed = ctx.session.index.get(record.itemId)
    if (indexed === undefined || indexed.summary.damaged !== undefined || indexed.summary.trashedAt !== null) continue
    const content = tryOpen(ctx, record)
    if (content === null || content.trashedAt !== null) continue
    inputs.push({ id: record.itemId, content, passwordChangedAt: changedAtOf(ctx, record, content) })
  }
  return inputs
}

function changedAtOf(ctx: ItemContext, current: ItemRecord, content: ItemContent): number | null {
  if (content.type !== 'login' || content.fields.password === '') return null
  return passwordChangedAt(newestFirst(ctx, current, content))
}

/** The current revision, then the older ones, each opened only when the walk asks for it. */
function* newestFirst(ctx: ItemContext, current: ItemRecord, content: ItemContent): Generator<PasswordRevision> {
  yield passwordRevision(content)
  const older = ctx.store
    .listItemRevisions(current.itemId)
    .filter((record) => record.revision < current.revision)
    .sort((a, b) => b.revision - a.revision)
  for (const record of older) {
    const opened = tryOpen(ctx, record)
    yield opened === null ? { password: undefined, savedAt: record.savedAt } : passwordRevision(opened)
  }
}

function passwordRevision(content: ItemContent): PasswordRevision {
  return { password: content.type === 'login' ? content.fields.password : undefined, savedAt: content.updatedAt }
}

function tryOpen(ctx: ItemContext, record: ItemRecord): ItemContent | null {
  try {
    return openRecord(ctx, record)
  } catch (error) {
    if (error instanceof VaultError) return null
    throw error
  }
}
