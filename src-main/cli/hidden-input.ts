/**
 * The line editor behind the no-echo prompt, fed the raw keystrokes a
 * terminal in raw mode delivers. Nothing is echoed, so editing is limited to
 * what needs no display: Backspace, Ctrl-U (erase the line), Enter, Ctrl-D
 * and Ctrl-C. Escape sequences (arrow keys, bracketed-paste markers) are
 * dropped rather than taken as part of the secret.
 */

export type KeyOutcome = 'continue' | 'submit' | 'interrupt'

const CTRL_C = '\u0003'
const CTRL_D = '\u0004'
const CTRL_U = '\u0015'
const BACKSPACE = '\u007f'
const CTRL_H = '\b'
const ESC = '\u001b'

type EscapeState = 'none' | 'start' | 'sequence'

export class HiddenInput {
  readonly #multiline: boolean
  #chars: string[] = []
  #escape: EscapeState = 'none'
  #afterCarriageReturn = false

  /** multiline: Enter adds a line break and only Ctrl-D submits (a pasted private key, notes). */
  constructor(options: { multiline?: boolean } = {}) {
    this.#multiline = options.multiline ?? false
  }

  /** In multiline mode the line break before Ctrl-D ends the input rather than belonging to it. */
  get value(): string {
    const value = this.#chars.join('')
    return this.#multiline && value.endsWith('\n') ? value.slice(0, -1) : value
  }

  feed(chunk: string): KeyOutcome {
    for (const char of chunk) {
      const outcome = this.#key(char)
      if (outcome !== 'continue') return outcome
    }
    return 'continue'
  }

  /** Overwrites what was typed, as far as a JS string allows. */
  clear(): void {
    this.#chars.fill('')
    this.#chars = []
  }

  #key(char: string): KeyOutcome {
    if (this.#skipEscape(char)) return 'continue'
    const afterCarriageReturn = this.#afterCarriageReturn
    this.#afterCarriageReturn = char === '\r'
    switch (char) {
      case CTRL_C:
        return 'interrupt'
      case CTRL_D:
        return 'submit'
      case '\r':
      case '\n':
        if (!this.#multiline) return 'submit'
        // A pasted CRLF is one line break.
        if (!(char === '\n' && afterCarriageReturn)) this.#chars.push('\n')
        return 'continue'
      case BACKSPACE:
      case CTRL_H:
        this.#chars.pop()
        return 'continue'
      case CTRL_U:
        this.#eraseLine()
        return 'continue'
      case ESC:
        this.#escape = 'start'
        return 'continue'
    }
    if (isPrintable(char) || (this.#multiline && char === '\t')) this.#chars.push(char)
    return 'continue'
  }

  /** ESC [ … final, ESC O x, or ESC x: consumed without effect. */
  #skipEscape(char: string): boolean {
    if (this.#escape === 'none') return false
    if (this.#escape === 'start') {
      this.#escape = char === '[' || char === 'O' ? 'sequence' : 'none'
      return true
    }
    const code = char.codePointAt(0) ?? 0
    if (code >= 0x40 && code <= 0x7e) this.#escape = 'none'
    return true
  }

  #eraseLine(): void {
    const lineStart = this.#chars.lastIndexOf('\n') + 1
    this.#chars.length = this.#multiline ? lineStart : 0
  }
}

function isPrintable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0
  return code >= 0x20 && !(code >= 0x7f && code <= 0x9f)
}
