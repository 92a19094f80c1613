/**
 * Reads the outer layer of an "openssh-key-v1" private key (PROTOCOL.key in
 * OpenSSH) before sshpk decrypts it. Two reasons:
 *
 *  - sshpk decrypts through a stream and throws from the stream's 'error'
 *    event, outside any try/catch: a truncated blob or an AES-GCM key would
 *    crash the main process. Checking the cipher and the blob's length here
 *    means sshpk only ever sees input it decrypts synchronously.
 *  - A truncated or foreign key gets a message that says so.
 */
import { invalidKey } from './ssh-key-text.ts'

const MAGIC = 'openssh-key-v1\0'

/** Ciphers sshpk decrypts without an authentication tag, with their block sizes; 'none' pads to 8. */
const BLOCK_SIZES: Readonly<Record<string, number>> = {
  none: 8,
  'aes128-ctr': 16,
  'aes192-ctr': 16,
  'aes256-ctr': 16,
  'aes128-cbc': 16,
  'aes192-cbc': 16,
  'aes256-cbc': 16,
  '3des-cbc': 8,
}

export interface OpenSshEnvelope {
  readonly cipher: string
  readonly encrypted: boolean
  /** The key type named in the public part, e.g. 'ssh-ed25519'. */
  readonly publicKeyType: string
}

class Reader {
  private offset = 0
  private readonly bytes: Uint8Array

  constructor(bytes: Uint8Array) {
    this.bytes = bytes
  }

  take(length: number): Uint8Array {
    if (this.offset + length > this.bytes.length) {
      throw invalidKey('The SSH key is truncated: it ends before its last field.')
    }
    const slice = this.bytes.subarray(this.offset, this.offset + length)
    this.offset += length
    return slice
  }

  uint32(): number {
    return new DataView(this.take(4).slice().buffer).getUint32(0)
  }

  string(): Uint8Array {
    return this.take(this.uint32())
  }

  text(): string {
    return new TextDecoder().decode(this.string())
  }

  get atEnd(): boolean {
    return this.offset === this.bytes.length
  }
}

export function readOpenSshEnvelope(body: Uint8Array): OpenSshEnvelope {
  const reader = new Reader(body)
  if (new TextDecoder().decode(reader.take(Math.min(MAGIC.length, body.length))) !== MAGIC) {
    throw invalidKey('The SSH key is damaged: it does not start like an OpenSSH private key.')
  }
  const cipher = reader.text()
  const kdf = reader.text()
  // Checked before the rest: an AES-GCM key carries its tag after the last field.
  const blockSize = BLOCK_SIZES[cipher]
  if (blockSize === undefined) {
    throw invalidKey(
      `The SSH key is encrypted with ${cipher.slice(0, 40)}, which is not supported; re-encrypt it with "ssh-keygen -p" (which uses aes256-ctr) first.`,
    )
  }
  if ((cipher === 'none') !== (kdf === 'none') || (kdf !== 'none' && kdf !== 'bcrypt')) {
    throw invalidKey(`The SSH key uses an unknown key derivation "${kdf.slice(0, 40)}".`)
  }
  reader.string() // KDF options: bcrypt's salt and rounds, for sshpk
  if (reader.uint32() !== 1) throw invalidKey('The key file holds several keys; paste one at a time.')
  const publicKeyType = new Reader(reader.string()).text()
  const privateBlob = reader.string()
  if (!reader.atEnd) throw invalidKey('The SSH key is damaged: it has bytes after its last field.')
  if (privateBlob.length === 0 || privateBlob.length % blockSize !== 0) {
    throw invalidKey('The SSH key is truncated or damaged: its private part has the wrong length.')
  }
  return { cipher, encrypted: cipher !== 'none', publicKeyType }
}
