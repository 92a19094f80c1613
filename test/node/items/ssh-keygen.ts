/**
 * OpenSSH's own ssh-keygen, as the independent judge of what the SSH key
 * code produces and as the source of import fixtures. The tests fail (they
 * do not skip) without it: scripts/setup.sh installs openssh-client.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function requireSshKeygen(): void {
  const probe = spawnSync('ssh-keygen', ['-?'], { encoding: 'utf8' })
  if ((probe.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error(
      'ssh-keygen is not on PATH: run `sudo apt-get install openssh-client` (scripts/setup.sh installs it).',
    )
  }
}

export class KeyDir {
  readonly path = mkdtempSync(join(tmpdir(), 'vault-ssh-test-'))
  private count = 0

  /** A fresh file name inside the directory. */
  file(name: string): string {
    this.count++
    return join(this.path, `${this.count}-${name}`)
  }

  /** Writes a private key with the 0600 mode ssh-keygen insists on. */
  write(name: string, text: string): string {
    const path = this.file(name)
    writeFileSync(path, text, { mode: 0o600 })
    return path
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true })
  }
}

function sshKeygen(args: readonly string[]): string {
  return execFileSync('ssh-keygen', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
}

/** Generates a key with ssh-keygen; returns the private key file's path. */
export function keygen(dir: KeyDir, name: string, args: readonly string[], passphrase = ''): string {
  const path = dir.file(name)
  sshKeygen(['-q', '-N', passphrase, '-C', `${name}@test`, ...args, '-f', path])
  return path
}

/** `ssh-keygen -y`: the public key line OpenSSH derives from a private key file. */
export function publicLineOf(privateKeyPath: string, passphrase = ''): string {
  return sshKeygen(['-y', '-P', passphrase, '-f', privateKeyPath])
}

/** The "SHA256:…" field of `ssh-keygen -l` for a public key line. */
export function fingerprintOf(dir: KeyDir, publicLine: string): string {
  const path = dir.file('key.pub')
  writeFileSync(path, `${publicLine}\n`)
  return sshKeygen(['-l', '-E', 'sha256', '-f', path]).split(' ')[1] as string
}

/** The whole `ssh-keygen -l` line for a key file: "256 SHA256:… comment (ED25519)". */
export function fingerprintLine(path: string): string {
  return sshKeygen(['-l', '-f', path])
}
