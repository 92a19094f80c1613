import type { ClipboardItem as ElectronClipboardItem, clipboard as electronClipboard } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import {
  type ElectronClipboardApi,
  electronClipboardPort,
  osClipboardFormat,
} from '../../../src-main/clipboard/electron-clipboard.ts'

/** Compile-time: Electron's own module can be passed in as it is. */
type ElectronModuleFits = {
  clipboard: typeof electronClipboard
  ClipboardItem: typeof ElectronClipboardItem
} extends ElectronClipboardApi
  ? true
  : false
const electronModuleFits: ElectronModuleFits = true

type Entries = Record<string, string | Blob>

/** Stands in for Electron's clipboard and ClipboardItem, recording every write. */
function fakeElectron() {
  const items: Entries[] = []
  class FakeClipboardItem {
    readonly entries: Entries
    constructor(entries: Entries) {
      this.entries = entries
      items.push(entries)
    }
  }
  const clipboard = {
    write: vi.fn(async (_items: unknown[]) => undefined),
    readText: vi.fn(async () => 'on the clipboard'),
    clear: vi.fn(() => undefined),
  }
  const api = { clipboard, ClipboardItem: FakeClipboardItem } as unknown as ElectronClipboardApi
  return { api, clipboard, items }
}

async function bytesOf(value: string | Blob | undefined): Promise<number[]> {
  if (!(value instanceof Blob)) throw new Error('expected a Blob')
  return [...new Uint8Array(await value.arrayBuffer())]
}

async function copyOn(platform: NodeJS.Platform) {
  const fake = fakeElectron()
  await electronClipboardPort(fake.api, platform).write('s3cret')
  expect(fake.clipboard.write).toHaveBeenCalledOnce()
  const written = fake.clipboard.write.mock.calls[0]?.[0]
  // One ClipboardItem in one write(): Electron commits it as one clipboard transaction.
  expect(written).toHaveLength(1)
  expect(fake.items).toHaveLength(1)
  return fake.items[0] ?? {}
}

describe('electronClipboardPort', () => {
  it('accepts the electron module itself (checked by tsc)', () => {
    expect(electronModuleFits).toBe(true)
  })

  it('names raw OS formats the way Electron expects', () => {
    expect(osClipboardFormat('CanIncludeInClipboardHistory')).toBe(
      'electron application/osclipboard;format="CanIncludeInClipboardHistory"',
    )
  })

  it('on Windows writes the text with every history and cloud exclusion, each DWORD 0', async () => {
    const entries = await copyOn('win32')
    expect(Object.keys(entries).sort()).toEqual(
      [
        'text/plain',
        osClipboardFormat('CanIncludeInClipboardHistory'),
        osClipboardFormat('CanUploadToCloudClipboard'),
        osClipboardFormat('Clipboard Viewer Ignore'),
        osClipboardFormat('ExcludeClipboardContentFromMonitorProcessing'),
      ].sort(),
    )
    expect(entries['text/plain']).toBe('s3cret')
    for (const [format, value] of Object.entries(entries)) {
      if (format !== 'text/plain') expect(await bytesOf(value)).toEqual([0, 0, 0, 0])
    }
  })

  it('on macOS marks the copy concealed and transient', async () => {
    const entries = await copyOn('darwin')
    expect(entries).toEqual({
      'text/plain': 's3cret',
      [osClipboardFormat('org.nspasteboard.ConcealedType')]: '1',
      [osClipboardFormat('org.nspasteboard.TransientType')]: '1',
    })
  })

  it.each(['linux', 'freebsd', 'openbsd'] as const)('on %s adds the KDE password-manager hint', async (platform) => {
    const entries = await copyOn(platform)
    expect(entries).toEqual({
      'text/plain': 's3cret',
      [osClipboardFormat('x-kde-passwordManagerHint')]: 'secret',
    })
  })

  it('never copies the secret into a marker', async () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const entries = await copyOn(platform)
      const markers = Object.entries(entries).filter(([format]) => format !== 'text/plain')
      expect(markers.map(([, value]) => value)).not.toContain('s3cret')
    }
  })

  it('passes a failed write on to the guard', async () => {
    const fake = fakeElectron()
    fake.clipboard.write.mockRejectedValueOnce(new Error('clipboard busy'))
    await expect(electronClipboardPort(fake.api, 'linux').write('x')).rejects.toThrow('clipboard busy')
  })

  it('reads plain text and clears through Electron', async () => {
    const fake = fakeElectron()
    const port = electronClipboardPort(fake.api, 'linux')
    await expect(port.readText()).resolves.toBe('on the clipboard')
    await port.clear()
    expect(fake.clipboard.clear).toHaveBeenCalledOnce()
    expect(fake.clipboard.write).not.toHaveBeenCalled()
  })

  it('uses the running platform by default', async () => {
    const byDefault = fakeElectron()
    await electronClipboardPort(byDefault.api).write('x')
    const explicit = fakeElectron()
    await electronClipboardPort(explicit.api, process.platform).write('x')
    expect(Object.keys(byDefault.items[0] ?? {})).toEqual(Object.keys(explicit.items[0] ?? {}))
  })
})
