import { describe, expect, it, vi } from 'vitest'
import { MAX_EXTERNAL_URL_LENGTH, safeOpenExternal } from '../../../src-main/system/safe-open-external.ts'
import { isVaultError } from '../../../src-shared/errors.ts'

function opener() {
  return vi.fn(async (_url: string) => undefined)
}

async function refusal(url: string): Promise<{ message: string; open: ReturnType<typeof opener> }> {
  const open = opener()
  const error = await safeOpenExternal(url, open).then(
    () => undefined,
    (caught: unknown) => caught,
  )
  if (!isVaultError(error, 'INVALID_REQUEST')) throw new Error(`expected a refusal for ${url}`)
  return { message: error.message, open }
}

describe('safeOpenExternal', () => {
  it.each([
    ['https://example.com', 'https://example.com/'],
    ['https://example.com/path?q=1#frag', 'https://example.com/path?q=1#frag'],
    ['HTTPS://Example.COM/a b', 'https://example.com/a%20b'],
    ['https://[::1]:8443/', 'https://[::1]:8443/'],
  ])('opens %s as the parsed URL', async (url, opened) => {
    const open = opener()
    await safeOpenExternal(url, open)
    expect(open).toHaveBeenCalledExactlyOnceWith(opened)
  })

  it.each([
    ['http://example.com/', 'http:'],
    ['file:///etc/passwd', 'file:'],
    ['javascript:alert(1)', 'javascript:'],
    ['data:text/html,<script>alert(1)</script>', 'data:'],
    ['smb://server/share', 'smb:'],
    ['ms-settings:privacy', 'ms-settings:'],
    ['vault-custom://open?x=1', 'vault-custom:'],
    ['ftp://example.com/', 'ftp:'],
  ])('refuses %s and names only its scheme', async (url, scheme) => {
    const { message, open } = await refusal(url)
    expect(message).toBe(`Only https:// links open from the vault; this one is ${scheme}.`)
    expect(open).not.toHaveBeenCalled()
  })

  it('does not echo a long scheme', async () => {
    const scheme = 'x'.repeat(40)
    const { message } = await refusal(`${scheme}:payload`)
    expect(message).not.toContain(scheme)
    expect(message).toContain('another kind of link')
  })

  it.each(['https://user:pass@example.com/', 'https://user@example.com/', 'https://:pass@example.com/'])(
    'refuses credentials in %s without repeating them',
    async (url) => {
      const { message, open } = await refusal(url)
      expect(message).toBe('Links with a user name or password in them do not open from the vault.')
      expect(message).not.toContain('pass@')
      expect(open).not.toHaveBeenCalled()
    },
  )

  it.each(['', 'example.com', '/relative/path', '//example.com/', 'https://', 'https://exa mple.com/', 'not a url'])(
    'refuses malformed or relative %j',
    async (url) => {
      const { open } = await refusal(url)
      expect(open).not.toHaveBeenCalled()
    },
  )

  it('refuses a URL over the length limit without quoting it', async () => {
    const url = `https://example.com/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`
    const { message, open } = await refusal(url)
    expect(message).not.toContain('example.com')
    expect(message.length).toBeLessThan(200)
    expect(open).not.toHaveBeenCalled()
  })

  it('measures the URL as it would be opened, after percent-encoding', async () => {
    const url = `https://example.com/${'é'.repeat(1000)}`
    expect(url.length).toBeLessThan(MAX_EXTERNAL_URL_LENGTH)
    const { open } = await refusal(url)
    expect(open).not.toHaveBeenCalled()
  })

  it('accepts a URL exactly at the limit', async () => {
    const prefix = 'https://example.com/'
    const url = prefix + 'a'.repeat(MAX_EXTERNAL_URL_LENGTH - prefix.length)
    const open = opener()
    await safeOpenExternal(url, open)
    expect(open).toHaveBeenCalledOnce()
  })

  it('passes on a failure of the opener itself', async () => {
    const open = vi.fn(async () => {
      throw new Error('no browser')
    })
    await expect(safeOpenExternal('https://example.com/', open)).rejects.toThrow('no browser')
  })
})
