import { accountKit, verifyKit } from '../../kit/index.ts'
import { readServerConfig } from '../../sync/sync-settings.ts'
import type { VaultService } from '../../vault/index.ts'
import { flag, positionals, stringOption } from '../args.ts'
import { CliError, usageError } from '../cli-error.ts'
import { type Command, type CommandContext, GLOBAL_HELP, JSON_OPTION } from '../command.ts'
import { outFilePath, writeOutFile } from '../out-file.ts'
import { openExistingStore, withUnlockedVault } from '../session.ts'

const PRODUCT_NAME = 'Vault'

export const kit: Command = {
  name: 'kit',
  summary: 'save the Emergency Kit PDF, or verify a printed one',
  options: {
    out: { type: 'string' },
    force: { type: 'boolean' },
    verify: { type: 'boolean' },
    ...JSON_OPTION,
  },
  help: `Usage: vault kit --out FILE [--force]
       vault kit --verify [--json]

--out FILE   writes the Emergency Kit (sign-in address, email, account id, Secret Key, setup QR code,
             and a box to write the master password by hand) to FILE, readable by you only. It is
             made on this computer and written nowhere else. An existing FILE is kept unless --force.
--verify     asks for the Secret Key printed on your kit (or its setup code, pasted) without echo,
             and says whether it matches this account; the stored key is never shown. With
             --password-stdin it is read from the line after the password (and after the Secret
             Key, when this device's keychain lacks it). Exits 3 when it does not match.

Print the kit, write your master password on it, and keep it safe: with it and the password, a new
computer gets your whole vault back. After \`vault\` makes a new Secret Key, old kits stop working.

${GLOBAL_HELP}`,
  run,
}

async function run(context: CommandContext): Promise<void> {
  const { parsed } = context
  positionals(parsed, [])
  const out = stringOption(parsed, 'out')
  if (flag(parsed, 'verify')) {
    if (out !== undefined) throw usageError('Use either --out or --verify.', 'kit')
    return verify(context)
  }
  const path = outFilePath(parsed, 'Say where to save the kit with --out FILE.')
  const server = serverOf(context)
  const made = await withUnlockedVault(context.location, context.inputs, (service) => renderFor(service, server))
  await writeOutFile(parsed, path, made.pdf)
  context.out.notice(`Saved the Emergency Kit to ${path}. Print it, write your master password on it, keep it safe.`)
}

async function verify(context: CommandContext): Promise<void> {
  const server = serverOf(context)
  const result = await withUnlockedVault(context.location, context.inputs, async (service) => {
    const entry = await context.inputs.secretKey('Type the Secret Key from your kit, or paste its setup code.')
    if (entry === undefined) throw usageError('Nothing to verify: give the Secret Key from your kit.', 'kit')
    return verifyKit(entry, { ...service.security.kitFacts(), server })
  })
  if (flag(context.parsed, 'json')) return context.out.json(result)
  context.out.line(result.secretKeyMatches ? 'Secret Key: matches this account.' : 'Secret Key: does NOT match.')
  if (result.emailMatches !== null) context.out.line(`Email: ${result.emailMatches ? 'matches' : 'does NOT match'}.`)
  if (result.serverMatches !== null) {
    context.out.line(`Sign-in address: ${result.serverMatches ? 'matches' : 'does NOT match'}.`)
  }
  if (!result.secretKeyMatches) throw new CliError('KIT_MISMATCH', 'This kit does not open this vault.')
}

function renderFor(service: VaultService, server: ReturnType<typeof readServerConfig>) {
  return accountKit({ ...service.security.kitFacts(), productName: PRODUCT_NAME, server, now: Date.now() })
}

/** The sync address and public key come from the vault's own (non-secret) settings. */
function serverOf(context: CommandContext) {
  const store = openExistingStore(context.location)
  try {
    return readServerConfig(store)
  } finally {
    store.close()
  }
}
