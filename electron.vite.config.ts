import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

const fromRoot = (path: string): string => resolve(import.meta.dirname, path)

/**
 * Only `vite dev` needs this: React Refresh injects an inline script, Vite
 * injects <style> tags and talks over a WebSocket, and its error overlay uses
 * innerHTML. Builds keep index.html's strict policy untouched.
 */
const DEV_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' ws://localhost:* ws://127.0.0.1:*",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

export function relaxCspForDevServer(): Plugin {
  return {
    name: 'vault:relax-csp-for-dev-server',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(
        /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/,
        `$1${DEV_CONTENT_SECURITY_POLICY}$2`,
      ),
  }
}

export default defineConfig({
  main: {
    build: {
      outDir: fromRoot('out/main'),
      rolldownOptions: {
        input: {
          index: fromRoot('src-main/index.ts'),
          // Its own entry, beside index.js: crypto/argon2.ts loads it with
          // new URL('./argon2-worker.js', import.meta.url) at run time.
          'argon2-worker': fromRoot('src-main/crypto/argon2-worker.ts'),
        },
        output: {
          entryFileNames: '[name].js',
          // Any shared chunk stays in out/main too, so import.meta.url means the same folder everywhere.
          chunkFileNames: '[name]-[hash].js',
        },
      },
    },
  },
  preload: {
    build: {
      outDir: fromRoot('out/preload'),
      rolldownOptions: {
        input: { index: fromRoot('src-main/preload/index.ts') },
        // A sandboxed preload cannot load ES modules or anything from node_modules: one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: fromRoot('src-renderer'),
    resolve: { alias: { '@shared': fromRoot('src-shared') } },
    plugins: [react(), relaxCspForDevServer()],
    build: {
      outDir: fromRoot('out/renderer'),
      rolldownOptions: { input: { index: fromRoot('src-renderer/index.html') } },
    },
  },
})
