/** The backup file: round trip, wrong password, damage anywhere, truncation, versions, the KDF floor, inspection. */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { inspectBackup, readBackup, writeBackup } from '../../../src-main/backup/index.ts'
import { Argon2Worker, heapContains, initCrypto } from '../../../src-main/crypto/index.ts'
import { VaultError } from '../../../src-shared/errors.ts'
import { expectCodeAsync } from '../support/expect-code.ts'
import { BACKUP_PASSWORD, FLOOR_COST, samplePayload } from './support.ts'

let file: Uint8Array

beforeAll(async () => {
  await initCrypto()
  file = await writeBackup(samplePayload(), BACKUP_PASSWORD, { kdf: FLOOR_COST })
})

afterEach(() => {
  vi.restoreAllMocks()
})

/** A copy of the backup with one byte changed. */
function withByte(offset: number, change: (byte: number) => number, source = file): Uint8Array {
  const copy = Uint8Array.from(source)
  copy[offset] = change(copy[offset] as number)
  return copy
}

describe('writeBackup and readBackup', () => {
  it('round-trips every item with its history, tags and unicode', async () => {
    const payload = samplePayload()
    expect(await readBackup(file, BACKUP_PASSWORD)).toEqual(payload)
    // The password is NFKD-normalised: the composed and decomposed forms open the same file.
    expect(await readBackup(file, BACKUP_PASSWORD.normalize('NFKD'))).toEqual(payload)
  })

  it('starts with the magic and holds no plaintext', () => {
    expect(new TextDecoder().decode(file.subarray(0, 8))).toBe('VAULTBAK')
    const haystack = Buffer.from(file)
    for (const secret of ['third-p', 'GitHub', 'Visa', '4242424242424242', 'diary', 'ada@example.org']) {
      expect(haystack.includes(Buffer.from(secret))).toBe(false)
    }
  })

  it('uses a fresh salt and stream header each time, and the KDF cost it is given', async () => {
    const again = await writeBackup(samplePayload(), BACKUP_PASSWORD, { kdf: { ...FLOOR_COST, opslimit: 4 } })
    expect(Buffer.from(again.subarray(18, 34)).equals(Buffer.from(file.subarray(18, 34)))).toBe(false)
    expect(Buffer.from(again.subarray(50, 74)).equals(Buffer.from(file.subarray(50, 74)))).toBe(false)
    expect(inspectBackup(again).kdf.opslimit).toBe(4)
  })

  it('round-trips an empty vault', async () => {
    const empty = { createdAt: 0, app: '', items: [] }
    const sealed = await writeBackup(empty, 'x', { kdf: FLOOR_COST })
    expect(await readBackup(sealed, 'x')).toEqual(empty)
  })

  it("leaves no plaintext in libsodium's heap after reading or writing", async () => {
    const canary = new TextEncoder().encode('third-p\u00e4ss-\u5bc6\u7801')
    await readBackup(file, BACKUP_PASSWORD)
    expect(heapContains(canary)).toBe(false)
    await writeBackup(samplePayload(), BACKUP_PASSWORD, { kdf: FLOOR_COST })
    expect(heapContains(canary)).toBe(false)
  })

  it('uses a worker started ahead of time', async () => {
    const worker = Argon2Worker.start(FLOOR_COST.memlimitBytes)
    expect(await readBackup(file, BACKUP_PASSWORD, { worker })).toEqual(samplePayload())
  })
})

describe('refusals', () => {
  it('says BACKUP_WRONG_PASSWORD for a wrong password, without echoing it', async () => {
    const error = await expectCodeAsync(readBackup(file, 'stone ledger eclair 17 fiord'), 'BACKUP_WRONG_PASSWORD')
    expect(error.message).toBe('Wrong backup password, or the file was altered.')
  })

  it('refuses an empty password before any derivation', async () => {
    const start = vi.spyOn(Argon2Worker, 'start')
    await expectCodeAsync(readBackup(file, ''), 'PASSWORD_EMPTY')
    await expectCodeAsync(writeBackup(samplePayload(), '', { kdf: FLOOR_COST }), 'PASSWORD_EMPTY')
    expect(start).not.toHaveBeenCalled()
  })

  it('refuses what is not a backup, and an unknown format version', async () => {
    for (const bytes of [new Uint8Array(0), new TextEncoder().encode('VAULTBA'), new Uint8Array(500)]) {
      const error = await expectCodeAsync(readBackup(bytes, BACKUP_PASSWORD), 'BACKUP_INVALID')
      expect(error.message).toMatch(/not a backup/)
    }
    const version2 = withByte(8, () => 2)
    expect((await expectCodeAsync(readBackup(version2, BACKUP_PASSWORD), 'BACKUP_INVALID')).message).toMatch(
      /format 2 is not supported/,
    )
    expect(() => inspectBackup(version2)).toThrow(VaultError)
  })

  it('refuses a truncated or extended file before any derivation', async () => {
    const start = vi.spyOn(Argon2Worker, 'start')
    for (const length of [9, 49, 50, 74, 90, file.length - 17, file.length - 1]) {
      const error = await expectCodeAsync(readBackup(file.subarray(0, length), BACKUP_PASSWORD), 'BACKUP_INVALID')
      expect(error.message).toMatch(/truncated/)
    }
    const extended = Uint8Array.from([...file, 0])
    expect((await expectCodeAsync(readBackup(extended, BACKUP_PASSWORD), 'BACKUP_INVALID')).message).toMatch(
      /after its end/,
    )
    expect(start).not.toHaveBeenCalled()
  })

  it('refuses a KDF cost below the floor or above the ceiling in the header before any derivation', async () => {
    const start = vi.spyOn(Argon2Worker, 'start')
    await expectCodeAsync(
      readBackup(
        withByte(13, () => 2),
        BACKUP_PASSWORD,
      ),
      'KDF_BELOW_FLOOR',
    ) // opslimit 2
    await expectCodeAsync(
      readBackup(
        withByte(14, () => 0x02),
        BACKUP_PASSWORD,
      ),
      'KDF_BELOW_FLOOR',
    ) // 32 MiB
    await expectCodeAsync(
      readBackup(
        withByte(13, () => 33),
        BACKUP_PASSWORD,
      ),
      'KDF_ABOVE_CEILING',
    ) // opslimit 33
    await expectCodeAsync(
      readBackup(
        withByte(14, () => 0x80),
        BACKUP_PASSWORD,
      ),
      'KDF_ABOVE_CEILING',
    ) // 2 GiB
    await expectCodeAsync(
      readBackup(
        withByte(17, () => 1),
        BACKUP_PASSWORD,
      ),
      'BACKUP_INVALID',
    ) // not whole KiB
    await expectCodeAsync(
      readBackup(
        withByte(9, () => 2),
        BACKUP_PASSWORD,
      ),
      'BACKUP_INVALID',
    ) // unknown KDF
    expect(start).not.toHaveBeenCalled()
  })

  it('terminates a worker it was given when a check fails before the derivation', async () => {
    const worker = Argon2Worker.start(0)
    await expectCodeAsync(
      readBackup(
        withByte(13, () => 2),
        BACKUP_PASSWORD,
        { worker },
      ),
      'KDF_BELOW_FLOOR',
    )
    expect(await worker.exited).toBeTypeOf('number')
  })

  it('refuses to write below the floor or with a payload that would not restore', async () => {
    const start = vi.spyOn(Argon2Worker, 'start')
    const cheap = { memlimitBytes: FLOOR_COST.memlimitBytes, opslimit: 2 }
    await expectCodeAsync(writeBackup(samplePayload(), BACKUP_PASSWORD, { kdf: cheap }), 'KDF_BELOW_FLOOR')
    const broken = { ...samplePayload(), items: [{ id: 'x', revisions: [] }] }
    await expectCodeAsync(writeBackup(broken, BACKUP_PASSWORD, { kdf: FLOOR_COST }), 'BACKUP_INVALID')
    expect(start).not.toHaveBeenCalled()
  })
})

describe('a flipped byte anywhere', () => {
  // Header: magic, version, KDF id, opslimit, memlimit, salt, created at, payload length; then the
  // stream header, the first chunk's ciphertext, and the tag bytes at the very end.
  const positions = [0, 7, 8, 9, 10, 13, 14, 16, 17, 18, 33, 34, 41, 42, 49, 50, 73, 74, 75, 200, -17, -1]
  const flips: [string, (byte: number) => number][] = [
    ['xor 0xff', (byte) => byte ^ 0xff],
    ['xor 0x01', (byte) => byte ^ 0x01],
  ]
  const allowed = ['BACKUP_INVALID', 'BACKUP_WRONG_PASSWORD', 'KDF_BELOW_FLOOR', 'KDF_ABOVE_CEILING']
  const kdfField = (offset: number) => offset >= 10 && offset < 18

  it.each(flips)(
    'is refused with a clean code (%s)',
    async (_name, flip) => {
      for (const position of positions) {
        const offset = position < 0 ? file.length + position : position
        const error = await readBackup(withByte(offset, flip), BACKUP_PASSWORD).then(
          () => new Error(`byte ${offset} flipped went unnoticed`),
          (caught: unknown) => caught,
        )
        expect(error, `byte ${offset}`).toBeInstanceOf(VaultError)
        const { code } = error as VaultError
        expect(kdfField(offset) ? allowed : allowed.slice(0, 2), `byte ${offset}: ${code}`).toContain(code)
      }
    },
    120_000,
  )
})

describe('inspectBackup', () => {
  it('reads the header without the password', () => {
    expect(inspectBackup(file)).toEqual({
      version: 1,
      kdf: { algorithm: 'argon2id13', memlimitBytes: 64 * 1024 * 1024, opslimit: 3 },
      createdAt: samplePayload().createdAt,
    })
  })

  it('reports a cost below the floor rather than refusing it', () => {
    expect(inspectBackup(withByte(13, () => 2)).kdf.opslimit).toBe(2)
  })

  it('refuses a truncated file', () => {
    expect(() => inspectBackup(file.subarray(0, file.length - 1))).toThrow(/truncated/)
  })
})
