/** `vault generate`: a password or passphrase on stdout, its entropy on stderr. Needs no vault. */
import { positionals } from '../args.ts'
import type { Command, CommandContext } from '../command.ts'
import { GENERATOR_HELP, GENERATOR_OPTIONS, generateSecret, generatorRequest } from '../generator-flags.ts'

export const generate: Command = {
  name: 'generate',
  summary: 'generate a password or passphrase (no vault needed)',
  options: GENERATOR_OPTIONS,
  help: `Usage: vault generate [--length N] [--no-lower] [--no-upper] [--no-digits] [--no-symbols]
                      [--exclude-lookalikes]
       vault generate --passphrase|--words N [--separator S] [--capitalize] [--include-number]

Prints a random password (or EFF-word passphrase) on stdout and its entropy on stderr. Every
password or passphrase with the chosen options is equally likely, so the entropy is exact.

${GENERATOR_HELP}

Examples:
  vault generate --length 32 --exclude-lookalikes
  vault generate --words 7 --separator " "`,
  run,
}

async function run({ parsed, out }: CommandContext): Promise<void> {
  positionals(parsed, [])
  const secret = generateSecret(generatorRequest(parsed))
  out.raw(secret.value)
  out.notice(`Entropy: ${secret.entropyBits.toFixed(1)} bits`)
}
