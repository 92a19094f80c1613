/**
 * Types for the few page globals that in-page callbacks (page.evaluate) use:
 * the e2e tests type-check against tsconfig.node.json, which has no DOM
 * library on purpose. Types only: a callback is sent to the page as source
 * text, so it must not call anything imported.
 */
interface PageNode {
  append(...nodes: PageNode[]): void
  innerHTML: string
}

interface PageDocument {
  readonly head: PageNode
  createElement(tagName: string): PageNode
  createTextNode(text: string): PageNode
}

export interface PageGlobals {
  readonly document: PageDocument
  readonly vault: object
  readonly require?: unknown
  readonly process?: unknown
}
