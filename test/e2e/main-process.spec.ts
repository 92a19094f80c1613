/**
 * Runs the built main process (out/main/index.js) under plain Node with a
 * stand-in for the electron module (support/electron-stub/), since no
 * Electron binary can run here. It checks the start-up wiring that unit
 * tests cannot see: order of calls, channels, protocol, window and IPC.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { CONTENT_SECURITY_POLICY } from '../../src-main/window/csp.ts'
import { channelOf, METHODS } from '../../src-shared/ipc/methods.ts'
import { OUT_DIR } from './support/paths.ts'

const STUB_DIR = join(import.meta.dirname, 'support/electron-stub')

interface MainReport {
  calls: string[]
  privilegedSchemes: unknown[]
  channels: string[]
  window: { webPreferences: Record<string, unknown>; loadedUrl: string }
  index: { status: number; csp: string; type: string }
  traversal: { status: number; csp: string }
  otherHost: { status: number }
  fromApp: { ok: boolean }
  fromElsewhere: { ok: boolean; error?: { code: string } }
  permissionGrants: boolean[]
  permissionCheck: boolean
  powerEvents: string[]
  status: { ok: boolean; data?: { state: string } }
}

function runMain(env: Record<string, string> = {}): MainReport {
  // The vault service opens (and creates) its file at start-up: a fresh folder for each run.
  const dataDir = mkdtempSync(join(tmpdir(), 'vault-main-process-'))
  try {
    return runMainIn(dataDir, env)
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function runMainIn(dataDir: string, env: Record<string, string>): MainReport {
  const run = spawnSync(
    process.execPath,
    ['--import', join(STUB_DIR, 'hooks.ts'), join(STUB_DIR, 'drive-main.ts'), join(OUT_DIR, 'main/index.js')],
    {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_RENDERER_URL: '', VAULT_DATA_DIR: dataDir, ...env },
      timeout: 20_000,
    },
  )
  if (run.status !== 0) throw new Error(`main process run failed (${run.status}):\n${run.stderr}`)
  return JSON.parse(run.stdout) as MainReport
}

test('main starts in order: sandbox and scheme before ready, then protocol, IPC and window', () => {
  const { calls } = runMain()
  const order = (call: string): number => calls.indexOf(call)
  expect(order('app.enableSandbox')).toBeLessThan(order('app.whenReady'))
  expect(order('protocol.registerSchemesAsPrivileged')).toBeLessThan(order('app.whenReady'))
  expect(order('app.requestSingleInstanceLock')).toBeLessThan(order('app.whenReady'))
  expect(calls).toContain('app.on:web-contents-created')
  expect(calls).toContain('app.on:second-instance')
  expect(order('protocol.handle:app')).toBeLessThan(order('new BrowserWindow'))
  expect(calls).toContain('app.on:will-quit')
  expect(order('Menu.setApplicationMenu')).toBeLessThan(order('new BrowserWindow'))
  expect(calls).not.toContain('app.quit')
})

test('main wires the vault service behind IPC and locks on suspend and screen lock', () => {
  const report = runMain()
  expect(report.status).toEqual({ ok: true, data: { state: 'no-account' } })
  expect(report.powerEvents).toEqual(expect.arrayContaining(['suspend', 'lock-screen']))
})

test('main serves app:// with the CSP, registers exactly the METHODS and trusts only the app', () => {
  const report = runMain()
  expect(report.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }])
  expect(report.channels).toEqual(METHODS.map(channelOf))
  expect(report.window.loadedUrl).toBe('app://vault/index.html')
  expect(report.window.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, devTools: false })
  expect(report.window.webPreferences.preload).toBe(join(OUT_DIR, 'preload/index.cjs'))
  expect(report.index).toEqual({ status: 200, csp: CONTENT_SECURITY_POLICY, type: 'text/html; charset=utf-8' })
  expect(report.traversal.status).toBe(404)
  expect(report.traversal.csp).toBe(CONTENT_SECURITY_POLICY)
  expect(report.otherHost.status).toBe(404)
  expect(report.fromApp.ok).toBe(true)
  expect(report.fromElsewhere).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
  expect(report.permissionGrants).toEqual([false])
  expect(report.permissionCheck).toBe(false)
})

test('under electron-vite dev, main loads the dev server with DevTools and still serves app://', () => {
  const report = runMain({ ELECTRON_RENDERER_URL: 'http://localhost:5173' })
  expect(report.window.loadedUrl).toBe('http://localhost:5173')
  expect(report.window.webPreferences.devTools).toBe(true)
  expect(report.fromApp.ok).toBe(true)
})
