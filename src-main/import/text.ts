/**
 * Bytes to text. Every format we read is UTF-8 (Bitwarden, 1Password, KeePass,
 * Chrome and Firefox all write it), with or without a byte order mark. Other
 * encodings are refused, naming the first line that is not UTF-8, rather than
 * guessed: a wrong guess would silently corrupt passwords.
 */
import { fileInvalid, importInvalid } from './failure.ts'

const strict = new TextDecoder('utf-8', { fatal: true })

export function decodeUtf8(file: string, bytes: Uint8Array, entry?: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw fileInvalid(file, 'it is UTF-16 text; save it as UTF-8 and import it again.')
  }
  try {
    // TextDecoder drops a leading UTF-8 byte order mark.
    return strict.decode(bytes)
  } catch {
    const line = firstBadLine(bytes)
    const source = entry === undefined ? { line } : { entry: `${entry}, line ${line}` }
    throw importInvalid(file, source, 'the text is not UTF-8; save the file as UTF-8 and import it again.')
  }
}

/** The 1-based line holding the first byte that is not UTF-8. A newline byte never occurs inside a UTF-8 sequence. */
function firstBadLine(bytes: Uint8Array): number {
  let start = 0
  let line = 1
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start)
    if (end === -1) end = bytes.length
    try {
      strict.decode(bytes.subarray(start, end))
    } catch {
      return line
    }
    start = end + 1
    line += 1
  }
  return line
}

/** Multi-line text (notes) with Windows and old Mac line ends turned into '\n'. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

/** A tag list as exports write it: separated by commas or semicolons. */
export function splitTags(text: string): string[] {
  return text.split(/[,;]/)
}

/** The 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1
  const end = Math.min(offset, text.length)
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line += 1
  return line
}
