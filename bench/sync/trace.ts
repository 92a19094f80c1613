/**
 * Instrumentation only, installed for the module's run and removed after: the
 * sync transport's record calls (SupabaseSyncServer's pull and put methods),
 * VaultService.unlock(), and every HTTP request supabase-js makes (through
 * globalThis.fetch, which it resolves at call time). Each is recorded as a
 * span with its start and end, so a phase can be split afterwards by time
 * window; nothing is changed in what the calls do.
 */
import { SupabaseSyncServer } from '../../src-main/sync/supabase-server.ts'
import { VaultService } from '../../src-main/vault/index.ts'

export interface Span {
  /** 'pullItems', 'putItem', 'unlock', … or an HTTP route such as 'POST /rest/v1/rpc/put_item'. */
  readonly what: string
  readonly start: number
  readonly end: number
  /** Records returned (pulls), else 0. */
  readonly rows: number
}

const TRACED_METHODS = ['pullAccount', 'pullVaults', 'pullItems', 'putItem'] as const
type Method = (typeof TRACED_METHODS)[number]

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
    this.#wrapUnlock()
    this.#wrapFetch(origin)
  }

  uninstall(): void {
    for (const restore of this.#restore.splice(0).reverse()) restore()
  }

  #wrapServer(name: Method): void {
    const proto = SupabaseSyncServer.prototype as unknown as Record<Method, (...args: unknown[]) => Promise<unknown>>
    const original = proto[name]
    const calls = this.calls
    proto[name] = async function (this: unknown, ...args: unknown[]) {
      const start = performance.now()
      const result = await original.apply(this, args)
      calls.push({ what: name, start, end: performance.now(), rows: Array.isArray(result) ? result.length : 0 })
      return result
    }
    this.#restore.push(() => {
      proto[name] = original
    })
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
