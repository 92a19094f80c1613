/**
 * Runs the command line on a real pseudo-terminal, through util-linux
 * `script`, and types into it like a person: each answer is written only once
 * its prompt has appeared, as typing ahead would reach the terminal before
 * echo is off. Everything the terminal showed comes back, so a test can check
 * that what was typed was never echoed.
 */
import { spawn } from 'node:child_process'
import { MAIN, seenCommandLines } from './support.ts'

export interface Keystrokes {
  readonly after: string
  readonly type: string
}

export interface TerminalResult {
  readonly code: number | null
  /** stdout and stderr as the terminal showed them, CRLF line ends. */
  readonly screen: string
}

const PROMPT_TIMEOUT_MS = 20_000

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`
}

export function runInTerminal(
  args: readonly string[],
  keystrokes: readonly Keystrokes[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<TerminalResult> {
  const command = [process.execPath, MAIN, ...args].map(shellQuote).join(' ')
  seenCommandLines.push(command)
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'inherit'] })
    let screen = ''
    let next = 0
    let searchFrom = 0
    const timer = setTimeout(() => {
      child.kill()
      reject(new Error(`no prompt "${keystrokes[next]?.after}" within ${PROMPT_TIMEOUT_MS} ms; screen: ${screen}`))
    }, PROMPT_TIMEOUT_MS)
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      screen += chunk
      // Each prompt is looked for after the previous one, so a repeated prompt waits for its new appearance.
      while (next < keystrokes.length) {
        const step = keystrokes[next] as Keystrokes
        const at = screen.indexOf(step.after, searchFrom)
        if (at < 0) break
        searchFrom = at + step.after.length
        child.stdin.write(step.type)
        next++
      }
    })
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      child.stdin.end()
      resolve({ code, screen })
    })
  })
}
