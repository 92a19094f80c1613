/**
 * The `vault` command line (bin/vault, `npm run vault -- …`). Runs directly
 * on Node 24 through type stripping.
 */
import { processOutput } from './output.ts'
import { run } from './run.ts'

process.exitCode = await run(process.argv.slice(2), processOutput())
