/** Byte helpers shared by the formats in crypto/. Pure functions, no secrets kept. */

const textEncoder = new TextEncoder()
const textDecoder = new TextDecoder('utf-8', { fatal: true })

export function utf8(text: string): Uint8Array {
  return textEncoder.encode(text)
}

export function fromUtf8(bytes: Uint8Array): string {
  return textDecoder.decode(bytes)
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0)
  const out = new Uint8Array(total)
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

export function u64be(value: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError('u64be takes a non-negative safe integer')
  }
  const out = new Uint8Array(8)
  new DataView(out.buffer).setBigUint64(0, BigInt(value))
  return out
}

/**
 * An unambiguous encoding of a list of fields: each is a 4-byte big-endian
 * length and its bytes. Used for associated data and KDF inputs, so that no
 * two different field lists can encode to the same bytes.
 */
export function encodeFields(fields: readonly (string | Uint8Array)[]): Uint8Array {
  const parts: Uint8Array[] = []
  for (const field of fields) {
    const bytes = typeof field === 'string' ? utf8(field) : field
    const length = new Uint8Array(4)
    new DataView(length.buffer).setUint32(0, bytes.length)
    parts.push(length, bytes)
  }
  return concatBytes(...parts)
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')
}

export function fromHex(hex: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})*$/i.test(hex)) throw new RangeError('not a hex string')
  return new Uint8Array(Buffer.from(hex, 'hex'))
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
}

/** Strict base64: rejects anything Buffer would silently skip or truncate. */
export function fromBase64(text: string): Uint8Array {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) {
    throw new RangeError('not a base64 string')
  }
  return new Uint8Array(Buffer.from(text, 'base64'))
}
