/** The pure parts of the command line: the no-echo line editor and command splitting. */
import { describe, expect, it } from 'vitest'
import { splitCommand } from '../../../src-main/cli/args.ts'
import { shortIdLength } from '../../../src-main/cli/format.ts'
import { HiddenInput } from '../../../src-main/cli/hidden-input.ts'
import { displayText } from '../../../src-main/cli/output.ts'

describe('HiddenInput', () => {
  it('submits on Enter, erases with Backspace and Ctrl-U, and drops escape sequences', () => {
    const input = new HiddenInput()
    expect(input.feed('wrong\u0015ab\u007fc\u001b[D\u001b[200~d')).toBe('continue')
    expect(input.feed('é\r')).toBe('submit')
    expect(input.value).toBe('acdé')
  })

  it('stops at Ctrl-C, whatever follows', () => {
    expect(new HiddenInput().feed('abc\u0003def\r')).toBe('interrupt')
  })

  it('keeps line breaks in multiline mode until Ctrl-D, one per CRLF', () => {
    const input = new HiddenInput({ multiline: true })
    expect(input.feed('one\r\ntwo\rthree\u0015four\n')).toBe('continue')
    expect(input.feed('\u0004')).toBe('submit')
    expect(input.value).toBe('one\ntwo\nfour')
  })
})

describe('splitCommand', () => {
  it('finds the command after global options, skipping the value of --data-dir', () => {
    expect(splitCommand(['--data-dir', 'list', 'show', 'x'])).toEqual({
      command: 'show',
      rest: ['--data-dir', 'list', 'x'],
    })
    expect(splitCommand(['--password-stdin', 'get', 'a', 'b'])).toEqual({
      command: 'get',
      rest: ['--password-stdin', 'a', 'b'],
    })
    expect(splitCommand(['--help'])).toEqual({ command: undefined, rest: ['--help'] })
  })
})

describe('display helpers', () => {
  it('neutralises terminal control characters in vault text', () => {
    expect(displayText('a\u001b[2Jb\nc')).toBe('a\uFFFD[2Jb\uFFFDc')
    expect(displayText('a\nb', { multiline: true })).toBe('a\nb')
  })

  it('lengthens short ids only as far as needed to tell listed ids apart', () => {
    expect(shortIdLength(['0123456789', 'abcdef0123'])).toBe(8)
    expect(shortIdLength(['0123456789', '0123456780'])).toBe(10)
  })
})
