/**
 * Writing a file that holds secrets (an Emergency Kit, a backup, a plain
 * export) so that only its owner can read it, whatever was at the path.
 *
 * A file's mode is set only when it is created: writing into an existing
 * file keeps its old mode, perhaps readable by everyone. So the bytes go to
 * a new file beside it, created exclusively with mode 0600 (never following
 * or reusing anything already there), which is then renamed over the path.
 * A rename replaces a symlink itself, never its target, and a failed write
 * leaves the old file as it was.
 */
import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export interface OwnerOnlyOptions {
  /** Replace a file already at the path (the user said so); otherwise such a file fails with EEXIST. */
  readonly replace: boolean
}

export async function writeOwnerOnly(path: string, data: Uint8Array | string, options: OwnerOnlyOptions) {
  if (!options.replace) return writeNew(path, data)
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await writeNew(temporary, data)
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

/** O_CREAT | O_EXCL with mode 0600: fails with EEXIST rather than touch anything already at the path. */
async function writeNew(path: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(path, 'wx', 0o600)
  try {
    await handle.writeFile(data)
  } finally {
    await handle.close()
  }
}
