/**
 * Checks what `electron-vite build` wrote, in Node, without Electron: the
 * Argon2 worker runs as a real worker thread, the preload is one CommonJS
 * file that needs nothing but electron, the main bundle imports only what a
 * packaged app ships, and index.html carries the CSP and no inline script.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { Worker } from 'node:worker_threads'
import { expect, test } from '@playwright/test'
import argon2 from 'argon2'
import type { Argon2WorkerMessage } from '../../src-main/crypto/argon2-protocol.ts'
import { CONTENT_SECURITY_POLICY_META } from '../../src-main/window/csp.ts'
import { METHODS, ON_EVENT } from '../../src-shared/ipc/methods.ts'
import { OUT_DIR, PACKAGE_JSON } from './support/paths.ts'

const MiB = 1024 * 1024
const WORKER_FILE = join(OUT_DIR, 'main/argon2-worker.js')

test.beforeAll(() => {
  if (!existsSync(join(OUT_DIR, 'main/index.js')))
    throw new Error('out/ is missing: run `npx electron-vite build` first')
})

test('out/main/argon2-worker.js sits beside index.js and derives Argon2id as a worker', async () => {
  expect(existsSync(WORKER_FILE)).toBe(true)
  const password = new TextEncoder().encode('correct horse battery staple')
  const salt = Uint8Array.from({ length: 16 }, (_, i) => i)
  const worker = new Worker(WORKER_FILE, { workerData: { prewarmMemlimitBytes: 0 } })
  try {
    expect(await nextMessage(worker)).toEqual({ type: 'ready' })
    const request = { password: password.slice(), salt, opslimit: 3, memlimitBytes: 64 * MiB, outputBytes: 32 }
    worker.postMessage({ type: 'derive', ...request })
    const reply = await nextMessage(worker)
    if (reply.type !== 'derived') throw new Error(`worker replied ${JSON.stringify(reply)}`)
    expect(reply.key).toHaveLength(32)
    // An independent implementation as the reference: native Argon2id, p=1.
    const expected = await argon2.hash(Buffer.from(password), {
      type: argon2.argon2id,
      memoryCost: (64 * MiB) / 1024,
      timeCost: 3,
      parallelism: 1,
      hashLength: 32,
      salt: Buffer.from(salt),
      raw: true,
    })
    expect(Buffer.from(reply.key).toString('hex')).toBe(expected.toString('hex'))
  } finally {
    await worker.terminate()
  }
})

test('out/preload/index.cjs is self-contained CommonJS exposing exactly the frozen METHODS and onEvent', () => {
  const exposed = runPreload(readFileSync(join(OUT_DIR, 'preload/index.cjs'), 'utf8'))
  expect(exposed.required).toEqual(['electron'])
  expect(exposed.key).toBe('vault')
  expect(Object.keys(exposed.api)).toEqual([...METHODS, ON_EVENT])
  expect(Object.isFrozen(exposed.api)).toBe(true)
  for (const method of METHODS) (exposed.api[method] as (request: unknown) => void)({ probe: method })
  expect(exposed.invoked).toEqual(METHODS.map((method) => [`vault:${method}`, { probe: method }]))
})

test('out/main/index.js imports only Node, Electron and runtime dependencies', () => {
  const allowed = new Set([
    'electron',
    ...builtinModules.flatMap((name) => [name, `node:${name}`]),
    ...Object.keys(PACKAGE_JSON.dependencies ?? {}),
  ])
  for (const file of ['main/index.js', 'main/argon2-worker.js']) {
    const source = readFileSync(join(OUT_DIR, file), 'utf8')
    const specifiers = [...source.matchAll(/^import\s[^'"]*["']([^"']+)["']/gm)].map((match) => match[1])
    const relativeOnes = specifiers.filter((specifier) => specifier?.startsWith('.'))
    // A dependency's own subpath (csv-parse/sync) counts as that dependency.
    const packageOf = (specifier: string) =>
      specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/')
    expect(
      specifiers.filter(
        (specifier) =>
          !allowed.has(specifier ?? '') && !allowed.has(packageOf(specifier ?? '')) && !specifier?.startsWith('./'),
      ),
    ).toEqual([])
    // Any shared chunk must sit beside the entry, so import.meta.url resolves the worker from the same folder.
    expect(relativeOnes.filter((specifier) => specifier?.includes('/', 2))).toEqual([])
  }
})

test('out/renderer/index.html carries the CSP meta tag and no inline script', () => {
  const html = readFileSync(join(OUT_DIR, 'renderer/index.html'), 'utf8')
  expect(html).toContain(`http-equiv="Content-Security-Policy"`)
  expect(html).toContain(`content="${CONTENT_SECURITY_POLICY_META}"`)
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
  expect(scripts.length).toBeGreaterThan(0)
  for (const [, attributes, body] of scripts) {
    expect(attributes).toMatch(/\ssrc="\.\/assets\//)
    expect(body?.trim()).toBe('')
  }
})

test('the renderer bundle carries no crypto, no schema library and no Electron', () => {
  const assets = join(OUT_DIR, 'renderer/assets')
  const code = readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(join(assets, file), 'utf8'))
    .join('\n')
  for (const marker of ['libsodium', 'crypto_pwhash', 'crypto_aead', 'ipcRenderer', 'from "zod"', 'ZodError']) {
    expect(code, marker).not.toContain(marker)
  }
})

function nextMessage(worker: Worker): Promise<Argon2WorkerMessage> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  })
}

interface PreloadRun {
  required: string[]
  key?: string
  api: Record<string, unknown>
  invoked: [string, unknown][]
}

/** Runs the preload in an empty context where the only module is a fake electron, as in a sandbox. */
function runPreload(source: string): PreloadRun {
  const run: PreloadRun = { required: [], api: {}, invoked: [] }
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: Record<string, unknown>) => Object.assign(run, { key, api }),
    },
    ipcRenderer: {
      invoke: (channel: string, request: unknown) => run.invoked.push([channel, request]),
      on: () => undefined,
      removeListener: () => undefined,
    },
  }
  const require = (name: string): unknown => {
    run.required.push(name)
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`)
    return electron
  }
  const module = { exports: {} }
  runInNewContext(source, { require, module, exports: module.exports })
  return run
}
