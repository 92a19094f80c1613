import { describe, expect, it } from 'vitest'
import { detectFormat } from '../../../src-main/import/index.ts'
import { fixture, text } from './support.ts'

describe('detectFormat', () => {
  it.each([
    ['bitwarden.json', 'bitwarden-json'],
    ['bitwarden-org.json', 'bitwarden-json'],
    ['bitwarden-encrypted.json', 'bitwarden-json'],
    ['bitwarden.csv', 'bitwarden-csv'],
    ['bitwarden-org.csv', 'bitwarden-csv'],
    ['1password.1pux', '1password-1pux'],
    ['zip-bomb.1pux', '1password-1pux'],
    ['1password.csv', '1password-csv'],
    ['keepassxc.csv', 'keepassxc-csv'],
    ['keepass.xml', 'keepass-xml'],
    ['chrome.csv', 'chrome-csv'],
    ['firefox.csv', 'firefox-csv'],
    ['generic.csv', 'generic-csv'],
    ['vault-export.json', 'vault-json'],
    ['generic-guess.csv', 'generic-csv'],
    ['generic-mapping.csv', 'generic-csv'],
  ])('%s → %s', (name, format) => {
    expect(detectFormat(name, fixture(name))).toBe(format)
  })

  it('sees through a byte order mark and any file name', () => {
    expect(detectFormat('export', new Uint8Array([0xef, 0xbb, 0xbf, ...fixture('chrome.csv')]))).toBe('chrome-csv')
    expect(detectFormat('passwords.txt', fixture('firefox.csv'))).toBe('firefox-csv')
  })

  it.each([
    ['empty', ''],
    ['prose without commas', 'Dear diary. Today I exported nothing.'],
    ['other JSON', '{"logins": []}'],
    ['other XML', '<?xml version="1.0"?><html></html>'],
    ['a broken header', '"unterminated,header\nx'],
  ])('gives null for %s', (_case, content) => {
    expect(detectFormat('file.csv', text(content))).toBeNull()
  })

  it('calls an unknown header generic only in a .csv file', () => {
    expect(detectFormat('list.csv', text('Site,Secret\nx,y\n'))).toBe('generic-csv')
    expect(detectFormat('list.txt', text('Site,Secret\nx,y\n'))).toBeNull()
  })
})
