/** `vault --help`: the list of commands. Each command's own help lives with the command. */
import { GLOBAL_HELP } from './command.ts'
import { COMMANDS } from './commands/index.ts'

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length)) + 2
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(width)}${command.summary}`)
  return `Usage: vault COMMAND [options]

The command line of the Vault password manager. It opens the same vault as the desktop app,
unlocks it for one command (asking for the master password without echo) and locks it again.

Commands:
${lines.join('\n')}

${GLOBAL_HELP}

Run \`vault COMMAND --help\` for a command's options and examples. Secrets are never taken as
arguments: they are typed at a prompt, generated, or read from stdin (see docs/cli.md).`
}
