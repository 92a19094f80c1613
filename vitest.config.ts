import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

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
