/**
 * The ClipboardPort for Electron's clipboard. Electron's objects are passed
 * in and only their types are imported, so tests can hand in stand-ins.
 *
 * Each copy is ONE clipboard.write() call holding the text and the markers
 * that ask clipboard managers and OS histories to leave it out. Electron's
 * W3C-style clipboard (electron/electron#51707, in the 45.4.1 pinned here)
 * commits every entry of one write() through a single
 * ui::ScopedClipboardWriter, so the text and its markers land together: no
 * history tool can catch the text without them. Raw OS formats go through the
 * `electron application/osclipboard;format="<name>"` MIME, which Electron
 * writes verbatim with ScopedClipboardWriter::WriteUnsafeRawData (up to 100
 * formats per write); Chromium's Clipboard::DispatchPlatformRepresentations
 * then registers each name with the OS (RegisterClipboardFormat on Windows,
 * a pasteboard type on macOS, a selection target on X11 and Wayland).
 *
 * The older API could not do this: write({ text }) took no raw formats, and
 * writeText() and writeBuffer() each opened their own ScopedClipboardWriter,
 * so each call replaced the whole clipboard and a marker written after the
 * text erased it (electron/electron#11838, #41462). Bitwarden desktop works
 * around that with a native module (arboard's exclude_from_history, in
 * bitwarden/clients apps/desktop/desktop_native/core/src/clipboard.rs).
 *
 * What the markers do, per OS (all are requests that well-behaved tools honour,
 * none is enforced, which is why the guard also clears the copy):
 * - Windows: ExcludeClipboardContentFromMonitorProcessing keeps the copy out
 *   of clipboard history, cloud clipboard and monitoring apps;
 *   CanIncludeInClipboardHistory = 0 and CanUploadToCloudClipboard = 0 say
 *   the same to Win+V history and cloud sync one by one (Microsoft's
 *   "Cloud Clipboard and Clipboard History Formats"). "Clipboard Viewer
 *   Ignore" is the older marker that KeePass writes and CopyQ checks. DWORD 0 as the
 *   payload, as arboard writes; a zero-length payload would ask GlobalAlloc
 *   for an empty block.
 * - macOS: org.nspasteboard.ConcealedType (a password: do not show or store)
 *   and org.nspasteboard.TransientType (gone again soon: do not record), from
 *   nspasteboard.org. Nothing here stops Universal Clipboard (Handoff) from
 *   offering the copy to the user's other Apple devices; that needs
 *   NSPasteboard's currentHostOnly option, which Electron does not expose.
 * - Linux: x-kde-passwordManagerHint = "secret" (KDE Klipper; CopyQ too,
 *   and wl-paste reports it as the "sensitive" state). Only the CLIPBOARD selection is
 *   written, never PRIMARY.
 */
import type { Clipboard, ClipboardItem } from 'electron'
import type { ClipboardPort } from './clipboard-guard.ts'

/** The parts of Electron's clipboard module the port uses; pass `{ clipboard, ClipboardItem }` from 'electron'. */
export interface ElectronClipboardApi {
  readonly clipboard: Pick<Clipboard, 'write' | 'readText' | 'clear'>
  readonly ClipboardItem: new (items: Record<string, string | Blob>) => ClipboardItem
}

/** The MIME Electron maps to a raw platform clipboard format of this name. */
export function osClipboardFormat(name: string): string {
  return `electron application/osclipboard;format="${name}"`
}

/** A little-endian DWORD 0, the value Windows reads from its history and cloud formats. */
function dwordZero(): Blob {
  return new Blob([new Uint8Array(4)])
}

function secretMarkers(platform: NodeJS.Platform): Record<string, string | Blob> {
  switch (platform) {
    case 'win32':
      return {
        [osClipboardFormat('ExcludeClipboardContentFromMonitorProcessing')]: dwordZero(),
        [osClipboardFormat('CanIncludeInClipboardHistory')]: dwordZero(),
        [osClipboardFormat('CanUploadToCloudClipboard')]: dwordZero(),
        [osClipboardFormat('Clipboard Viewer Ignore')]: dwordZero(),
      }
    case 'darwin':
      // nspasteboard.org leaves the payload to the writer; a marker byte avoids any special case for empty data.
      return {
        [osClipboardFormat('org.nspasteboard.ConcealedType')]: '1',
        [osClipboardFormat('org.nspasteboard.TransientType')]: '1',
      }
    default:
      // Linux and the BSDs: X11 and Wayland both carry the hint as one more offered type.
      return { [osClipboardFormat('x-kde-passwordManagerHint')]: 'secret' }
  }
}

/** Everything one copy of a secret puts on the clipboard: the text, and the markers for this OS. */
export function secretClipboardEntries(text: string, platform: NodeJS.Platform): Record<string, string | Blob> {
  return { 'text/plain': text, ...secretMarkers(platform) }
}

/** The guard's port over Electron's clipboard; platform is a parameter so tests can cover every OS. */
export function electronClipboardPort(
  api: ElectronClipboardApi,
  platform: NodeJS.Platform = process.platform,
): ClipboardPort {
  const { clipboard } = api
  return {
    write: (text) => clipboard.write([new api.ClipboardItem(secretClipboardEntries(text, platform))]),
    readText: () => clipboard.readText(),
    clear: async () => clipboard.clear(),
  }
}
