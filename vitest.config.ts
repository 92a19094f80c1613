import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// The Argon2 worker runs from source through Node's type stripping, and the native
// argon2 reference needs Node-API 10: both need Node 24. `npm test` and `npx vitest`
// use the Node 24 that npm installs (node_modules/.bin/node); a bare
// node_modules/.bin/vitest would run on the system's Node instead.
if (Number(process.versions.node.split('.')[0]) < 24) {
  throw new Error(
    `Tests need Node 24; this is Node ${process.versions.node}. Run them with \`npm test\` after \`npm ci\`.`,
  )
}

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src-shared') } },
  test: {
    include: ['test/node/**/*.test.ts', 'test/renderer/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Argon2id at the floor (64 MiB) takes a few hundred ms per derivation on a 2-core box.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
