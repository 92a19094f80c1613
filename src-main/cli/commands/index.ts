/** Every command, in the order `vault --help` lists them. */
import type { Command } from '../command.ts'
import { add } from './add.ts'
import { backup, decryptBackup, restoreBackup } from './backup.ts'
import { create } from './create.ts'
import { edit } from './edit.ts'
import { exportItems } from './export.ts'
import { generate } from './generate.ts'
import { health } from './health.ts'
import { history } from './history.ts'
import { importItems } from './import.ts'
import { kit } from './kit.ts'
import { list, search } from './list.ts'
import { get, show } from './show.ts'
import { status } from './status.ts'
import { totp } from './totp.ts'
import { emptyTrash, remove, restore } from './trash.ts'

export const COMMANDS: readonly Command[] = [
  create,
  status,
  list,
  search,
  show,
  get,
  add,
  edit,
  remove,
  restore,
  emptyTrash,
  history,
  health,
  generate,
  totp,
  kit,
  importItems,
  exportItems,
  backup,
  restoreBackup,
  decryptBackup,
]

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name)
}
