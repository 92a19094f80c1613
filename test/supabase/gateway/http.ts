/** Small HTTP helpers shared by the gateway's routes. */
import type { IncomingMessage, ServerResponse } from 'node:http'

/** Auth requests are a few hundred bytes; anything near this limit is a bug in a test. */
const MAX_BODY_BYTES = 64 * 1024

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'request_too_large', 'Request body too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/** The JSON object a request carries; an empty body counts as `{}`, as in GoTrue. */
export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readBody(req)
  if (body.length === 0) return {}
  let value: unknown
  try {
    value = JSON.parse(body.toString('utf8'))
  } catch {
    throw new HttpError(400, 'bad_json', 'Could not parse request body as JSON')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'bad_json', 'Request body must be a JSON object')
  }
  return value as Record<string, unknown>
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

/**
 * An error in GoTrue's shape. GoTrue answers `{code, error_code, msg}` with `code` the HTTP
 * status; auth-js turns `error_code` into `AuthApiError.code` (and `session_not_found` into
 * AuthSessionMissingError). We send no `x-supabase-api-version` response header, so auth-js
 * reads `error_code` rather than expecting `code` to be the string.
 */
export class HttpError extends Error {
  readonly status: number
  readonly errorCode: string
  /** More fields for the body, e.g. GoTrue's `weak_password: {reasons}`. */
  readonly extra: Record<string, unknown>

  constructor(status: number, errorCode: string, message: string, extra: Record<string, unknown> = {}) {
    super(message)
    this.status = status
    this.errorCode = errorCode
    this.extra = extra
  }
}

export function sendAuthError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, { code: error.status, error_code: error.errorCode, msg: error.message, ...error.extra })
}
