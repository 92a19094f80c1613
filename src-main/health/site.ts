/**
 * The site a login's URL belongs to, for finding duplicate items: its
 * registrable host ("accounts.google.com" and "https://www.google.com/x" are
 * both "google.com"), lower case, without "www.", port, path or scheme.
 *
 * Without the Public Suffix List (the project takes no dependency for it),
 * the registrable host is approximated: the last two labels, or the last
 * three when the top-level domain is a two-letter country code and the label
 * before it is one of the common second-level names (co.uk, com.au, ac.jp…).
 * IP addresses and single-label hosts (localhost) are kept whole. A value
 * that is not a URL with a host ("not a url", "mailto:x") has no site ('').
 */

const SECOND_LEVEL_NAMES = new Set([
  'ac',
  'co',
  'com',
  'edu',
  'gob',
  'gov',
  'govt',
  'ltd',
  'mil',
  'ne',
  'net',
  'nic',
  'or',
  'org',
  'plc',
  'sch',
])

/** A scheme without "//" and not followed by a port number: mailto:, tel:, otpauth:… */
const OPAQUE_SCHEME = /^[a-z][a-z0-9+.-]*:(?!\/\/|\d)/i

export function siteOf(url: string): string {
  const host = hostOf(url)
  if (host === '' || host.startsWith('[') || /^[\d.]+$/.test(host)) return host
  const labels = host.split('.').filter((label) => label !== '')
  const [second, top] = labels.slice(-2)
  const keep = top?.length === 2 && second !== undefined && SECOND_LEVEL_NAMES.has(second) ? 3 : 2
  return labels.slice(-keep).join('.')
}

/** The lower-cased host without "www." or a trailing dot; '' when there is none. */
function hostOf(url: string): string {
  const trimmed = url.trim()
  if (trimmed === '') return ''
  if (OPAQUE_SCHEME.test(trimmed)) return ''
  try {
    const parsed = new URL(trimmed.includes('://') ? trimmed : `https://${trimmed}`)
    return parsed.hostname
      .toLowerCase()
      .replace(/\.$/, '')
      .replace(/^www\./, '')
  } catch {
    return ''
  }
}
