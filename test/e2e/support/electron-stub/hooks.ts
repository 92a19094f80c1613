/** `node --import ./hooks.ts`: makes `import … from 'electron'` load the stand-in beside this file. */
import { registerHooks } from 'node:module'

const STUB_URL = new URL('./electron.ts', import.meta.url).href

registerHooks({
  resolve: (specifier, context, nextResolve) =>
    specifier === 'electron' ? { url: STUB_URL, shortCircuit: true } : nextResolve(specifier, context),
})
