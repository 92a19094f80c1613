/** The plain sentences behind KEYCHAIN_UNAVAILABLE, for the messages libsecret and keytar really give. */
import { describe, expect, it } from 'vitest'
import { KeychainLoadError } from '../../../src-main/keychain/backend.ts'
import { KeychainTimeoutError, reasonFor } from '../../../src-main/keychain/reasons.ts'

const INSTALL = 'apt-get install gnome-keyring dbus libsecret-1-0'

describe('keychain reasons on Linux', () => {
  const linux = (error: unknown, secret?: string) => reasonFor(error, secret, 'linux')

  it.each([
    'Cannot autolaunch D-Bus without X11 $DISPLAY',
    'Could not connect: No such file or directory',
    'Failed to connect to socket /run/user/1000/bus: Connection refused',
  ])('no session bus (%s): says to start a desktop session or install D-Bus and a keyring', (message) => {
    const reason = linux(new Error(message))
    expect(reason).toMatch(/^No D-Bus session is running/)
    expect(reason).toContain(INSTALL)
  })

  it('no Secret Service on the bus: says to install and start one', () => {
    const reason = linux(new Error('The name org.freedesktop.secrets was not provided by any .service files'))
    expect(reason).toMatch(/^No Secret Service \(GNOME Keyring or KWallet\) is running/)
    expect(reason).toContain(INSTALL)
  })

  it.each([
    'Cannot create an item in a locked collection',
    'Object does not exist at path “/org/freedesktop/secrets/collection/login”',
  ])('no unlocked default keyring (%s): says to create or unlock one', (message) => {
    expect(linux(new Error(message))).toMatch(/no unlocked default keyring.*create or unlock/)
  })

  it('keytar or libsecret missing: quotes the loader and says what to install', () => {
    const reason = linux(new KeychainLoadError('libsecret-1.so.0: cannot open shared object file'))
    expect(reason).toMatch(/could not be loaded \(libsecret-1\.so\.0: cannot open shared object file\)/)
    expect(reason).toContain('libsecret-1-0')
  })

  it('a timeout: says the keychain may be locked and waiting for its password', () => {
    expect(linux(new KeychainTimeoutError(30_000))).toMatch(/did not answer within 30 s\. It may be locked/)
  })

  it('anything else: quotes the message on one line, shortened, with the secret cut out', () => {
    const secret = 'K1-QDNJ3T-7ZKXH2-M9PW4R-CVB8EF-L6YSA-T3DEZ'
    const reason = linux(new Error(`odd\nfailure for ${secret} ${'x'.repeat(500)}`), secret)
    expect(reason).toMatch(/^The system keychain reported an error \(odd failure for \[redacted\] x+…\)\.$/)
    expect(reason.length).toBeLessThan(300)
  })
})

describe('keychain reasons elsewhere', () => {
  it('quotes the error without Linux package names', () => {
    const reason = reasonFor(new Error('The user name or passphrase you entered is not correct.'), undefined, 'darwin')
    expect(reason).toBe(
      'The system keychain reported an error (The user name or passphrase you entered is not correct.).',
    )
    expect(reasonFor(new KeychainLoadError('dlopen failed'), undefined, 'win32')).not.toContain('apt-get')
  })
})
