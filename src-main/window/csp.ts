/**
 * The renderer's Content Security Policy. The app protocol sends it as a
 * header on every response, and src-renderer/index.html carries the same
 * policy in a <meta> tag (a test keeps the two equal), so it holds even
 * where the header cannot be set.
 *
 * Nothing inline, nothing remote, no eval (not even for WebAssembly, since
 * the renderer never runs crypto), and Trusted Types with no policies, so
 * any HTML-from-string sink such as innerHTML throws instead of parsing.
 */
type Directive = readonly [name: string, value: string]

const DIRECTIVES: readonly Directive[] = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['require-trusted-types-for', "'script'"],
  ['trusted-types', "'none'"],
  ['frame-ancestors', "'none'"],
]

/** Browsers ignore these in a <meta> tag, and Chromium logs an error for each. */
const HEADER_ONLY_DIRECTIVES: ReadonlySet<string> = new Set(['frame-ancestors'])

function serialize(directives: readonly Directive[]): string {
  return directives.map(([name, value]) => `${name} ${value}`).join('; ')
}

/** For the Content-Security-Policy response header. */
export const CONTENT_SECURITY_POLICY = serialize(DIRECTIVES)

/** For the <meta http-equiv="Content-Security-Policy"> tag in index.html. */
export const CONTENT_SECURITY_POLICY_META = serialize(DIRECTIVES.filter(([name]) => !HEADER_ONLY_DIRECTIVES.has(name)))
