import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/** Electron's fuse sentinel: @electron/fuses finds the fuse wire right after these bytes. */
export const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'

/** The wire of an unmodified Electron 45 (Electron's defaults): RunAsNode … WasmTrapHandlers. */
export const ELECTRON_DEFAULT_WIRE = '101100011'

/**
 * A stand-in for an Electron binary, laid out as Electron lays it out (docs/tutorial/fuses.md,
 * "The hard way"): `| bytes | sentinel | version (1 byte) | wire length (1 byte) | wire | bytes |`,
 * one ASCII '0' or '1' per fuse. The filler on both sides lets a test check that nothing but the
 * wire changes.
 */
export function fakeElectronBinary(wire: string): Buffer {
  const filler = (byte: number): Buffer => Buffer.alloc(4096, byte)
  return Buffer.concat([
    filler(0x7f),
    Buffer.from(SENTINEL, 'latin1'),
    Buffer.from([1, wire.length]),
    Buffer.from(wire, 'latin1'),
    filler(0xc3),
  ])
}

export function writeFakeElectron(path: string, wire: string = ELECTRON_DEFAULT_WIRE): Buffer {
  mkdirSync(dirname(path), { recursive: true })
  const bytes = fakeElectronBinary(wire)
  writeFileSync(path, bytes, { mode: 0o755 })
  return bytes
}

/** The wire bytes as they are in `file` now, as a string of '0' and '1'. */
export function wireIn(file: Buffer): string {
  const at = file.indexOf(SENTINEL, 0, 'latin1')
  if (at < 0) throw new Error('no fuse sentinel')
  const length = file[at + SENTINEL.length + 1] ?? 0
  const start = at + SENTINEL.length + 2
  return file.subarray(start, start + length).toString('latin1')
}
