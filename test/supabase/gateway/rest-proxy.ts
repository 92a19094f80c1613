/**
 * /rest/v1 → PostgREST, as Supabase's Kong routes it: the prefix is stripped and, when the
 * caller sends no Authorization header, the apikey becomes the bearer token (so a client
 * that holds only the anon key queries as role `anon`). Everything else passes through
 * untouched, so supabase-js sees real PostgREST answers (409 `PT409`, RLS, 401 on expiry).
 */
import { type IncomingMessage, request, type ServerResponse } from 'node:http'
import { sendJson } from './http.ts'

const PREFIX = '/rest/v1'

export function proxyRest(req: IncomingMessage, res: ServerResponse, url: URL, postgrest: URL, apikey: string) {
  const headers = { ...req.headers, host: postgrest.host }
  if (!headers.authorization) headers.authorization = `Bearer ${apikey}`
  const upstream = request(
    {
      host: postgrest.hostname,
      port: postgrest.port,
      method: req.method,
      path: (url.pathname.slice(PREFIX.length) || '/') + url.search,
      headers,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    },
  )
  upstream.on('error', (error) => {
    if (res.headersSent) res.destroy(error)
    else sendJson(res, 502, { message: `PostgREST is unreachable: ${error.message}` })
  })
  req.pipe(upstream)
}
