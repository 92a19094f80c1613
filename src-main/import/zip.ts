/**
 * One file out of a zip archive (a 1PUX export is a zip holding export.data),
 * with fflate: small, dependency-free and well kept, where a hand-written
 * inflate would be a liability.
 *
 * fflate's streaming Unzip is used rather than unzipSync because unzipSync
 * trusts the size the archive declares: a lying header would make it inflate
 * gigabytes into a buffer it then ignores. Here the archive is pushed in 16 KiB
 * slices, so each slice can inflate to at most about 16 MiB, every inflated
 * chunk is counted as it arrives, and the read stops with IMPORT_INVALID the
 * moment the total passes the cap (a zip bomb).
 */
import { Unzip, UnzipInflate } from 'fflate'
import { VaultError } from '../../src-shared/errors.ts'
import { importInvalid } from './failure.ts'

const SLICE = 16 * 1024

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

export function readZipEntry(file: string, bytes: Uint8Array, name: string, maxBytes: number): Uint8Array {
  const fail = (problem: string) => importInvalid(file, { entry: name }, problem)
  if (!isZip(bytes)) throw fail('the file is not a zip archive, as a 1PUX export is.')
  const chunks: Uint8Array[] = []
  let total = 0
  let state: 'absent' | 'reading' | 'done' = 'absent'
  const unzip = new Unzip((entry) => {
    if (entry.name !== name || state !== 'absent') return
    state = 'reading'
    entry.ondata = (error, chunk, final) => {
      if (error !== null)
        throw error instanceof VaultError ? error : fail('it is damaged or uses a compression this app cannot read.')
      total += chunk.length
      if (total > maxBytes)
        throw fail(`it inflates to more than ${Math.round(maxBytes / 1024 / 1024)} MiB; this is not a real export.`)
      chunks.push(chunk)
      if (final) state = 'done'
    }
    entry.start()
  })
  unzip.register(UnzipInflate)
  try {
    for (let offset = 0; offset < bytes.length; offset += SLICE) {
      unzip.push(bytes.subarray(offset, offset + SLICE), offset + SLICE >= bytes.length)
    }
  } catch (error) {
    if (error instanceof VaultError) throw error
    throw fail('the zip archive is damaged.')
  }
  if (state === 'absent') throw fail(`the archive has no ${name}; is this a 1Password 1PUX export?`)
  if (state === 'reading') throw fail('it is cut short.')
  return new Uint8Array(Buffer.concat(chunks, total))
}
