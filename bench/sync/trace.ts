/**
 * Instrumentation only, installed for the module's run and removed after: the
 * sync transport's record calls (SupabaseSyncServer's pulls, pullLog and
 * pushItems), the vault history's steps during a pull (VaultHistory: load,
 * check per row, catchUp, expectDelivered, commit), VaultService.unlock(),
 * and every HTTP request supabase-js makes (through globalThis.fetch, which
 * it resolves at call time). Each is recorded as a span with its start and
 * end, so a phase can be split afterwards by time window; nothing is changed
 * in what the calls do.
 */
import { SupabaseSyncServer } from '../../src-main/sync/supabase-server.ts'
import type { VaultPush } from '../../src-main/sync/types.ts'
import { VaultHistory } from '../../src-main/sync/vault-history.ts'
import { VaultService } from '../../src-main/vault/index.ts'

export interface Span {
  /**
   * 'pullItems', 'pullLog', 'pushItems', 'history.check', 'unlock', … or an
   * HTTP route such as 'POST /rest/v1/rpc/push_items'.
   */
  readonly what: string
  readonly start: number
  readonly end: number
  /** Records returned (pulls, pullLog: history entries) or sent (pushItems: items), else 0. */
  readonly rows: number
}

const TRACED_METHODS = ['pullAccount', 'pullVaults', 'pullItems', 'pullLog', 'pushItems'] as const
type Method = (typeof TRACED_METHODS)[number]

/** VaultHistory's steps, traced as 'history.<name>'; check runs once per pulled row. */
const HISTORY_ASYNC = ['catchUp'] as const
const HISTORY_SYNC = ['check', 'expectDelivered', 'commit'] as const
type HistoryMethod = (typeof HISTORY_ASYNC)[number] | (typeof HISTORY_SYNC)[number]
type AnyFunction = (...args: unknown[]) => unknown

function rowsOf(name: Method, args: readonly unknown[], result: unknown): number {
  if (name === 'pushItems') return (args[0] as VaultPush).items.length
  return Array.isArray(result) ? result.length : 0
}

export class Trace {
  readonly calls: Span[] = []
  readonly requests: Span[] = []
  readonly #restore: (() => void)[] = []

  /** Spans of `what` that started in [from, to]. */
  callsIn(what: string, from: number, to: number): Span[] {
    return this.calls.filter((s) => s.what === what && s.start >= from && s.start <= to)
  }

  /** HTTP routes started in [from, to], with their counts, most frequent first. */
  routesIn(from: number, to: number): [string, number][] {
    const counts = new Map<string, number>()
    for (const s of this.requests) {
      if (s.start >= from && s.start <= to) counts.set(s.what, (counts.get(s.what) ?? 0) + 1)
    }
    return [...counts].sort((a, b) => b[1] - a[1])
  }

  requestCount(from: number, to: number): number {
    return this.requests.filter((s) => s.start >= from && s.start <= to).length
  }

  install(origin: string): void {
    for (const name of TRACED_METHODS) this.#wrapServer(name)
    this.#wrapHistory()
    this.#wrapUnlock()
    this.#wrapFetch(origin)
  }

  uninstall(): void {
    for (const restore of this.#restore.splice(0).reverse()) restore()
  }

  #wrapServer(name: Method): void {
    const proto = SupabaseSyncServer.prototype as unknown as Record<Method, (...args: unknown[]) => Promise<unknown>>
    const original = proto[name]
    // A renamed transport method would otherwise leave its phase silently empty.
    if (original === undefined) throw new Error(`sync trace: SupabaseSyncServer has no ${name}()`)
    const calls = this.calls
    proto[name] = async function (this: unknown, ...args: unknown[]) {
      const start = performance.now()
      const result = await original.apply(this, args)
      calls.push({ what: name, start, end: performance.now(), rows: rowsOf(name, args, result) })
      return result
    }
    this.#restore.push(() => {
      proto[name] = original
    })
  }

  /** Spans only for calls that return: a check that throws (tamper) halts the round anyway. */
  #wrapHistory(): void {
    const calls = this.calls
    const wrap = (target: Record<string, AnyFunction>, name: string, what: string, isAsync: boolean) => {
      const original = target[name]
      if (original === undefined) throw new Error(`sync trace: VaultHistory has no ${name}()`)
      target[name] = isAsync
        ? async function (this: unknown, ...args: unknown[]) {
            const start = performance.now()
            const result = await original.apply(this, args)
            calls.push({ what, start, end: performance.now(), rows: 0 })
            return result
          }
        : function (this: unknown, ...args: unknown[]) {
            const start = performance.now()
            const result = original.apply(this, args)
            calls.push({ what, start, end: performance.now(), rows: 0 })
            return result
          }
      this.#restore.push(() => {
        target[name] = original
      })
    }
    wrap(VaultHistory as unknown as Record<string, AnyFunction>, 'load', 'history.load', true)
    const proto = VaultHistory.prototype as unknown as Record<HistoryMethod, AnyFunction>
    for (const name of HISTORY_ASYNC) wrap(proto, name, `history.${name}`, true)
    for (const name of HISTORY_SYNC) wrap(proto, name, `history.${name}`, false)
  }

  #wrapUnlock(): void {
    const proto = VaultService.prototype
    const original = proto.unlock
    const calls = this.calls
    proto.unlock = async function (this: VaultService, input) {
      const start = performance.now()
      const result = await original.call(this, input)
      calls.push({ what: 'unlock', start, end: performance.now(), rows: result.itemCount })
      return result
    }
    this.#restore.push(() => {
      proto.unlock = original
    })
  }

  /** Ends at the response headers: the body is read by the caller, inside the spans above. */
  #wrapFetch(origin: string): void {
    const original = globalThis.fetch
    const requests = this.requests
    globalThis.fetch = async (input, init) => {
      const request = input instanceof Request ? input : null
      const url = new URL(request?.url ?? String(input))
      const start = performance.now()
      const response = await original(input, init)
      if (url.origin === origin) {
        const grant = url.searchParams.get('grant_type')
        const what = `${init?.method ?? request?.method ?? 'GET'} ${url.pathname}${grant ? `?grant_type=${grant}` : ''}`
        requests.push({ what, start, end: performance.now(), rows: 0 })
      }
      return response
    }
    this.#restore.push(() => {
      globalThis.fetch = original
    })
  }
}

export function sumMs(spans: readonly Span[]): number {
  return spans.reduce((sum, s) => sum + (s.end - s.start), 0)
}
