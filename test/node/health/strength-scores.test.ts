/**
 * Scores remembered across health reports for one unlocked session
 * (health/strength-scores.ts): a second report estimates only what is new,
 * the inputs are part of the key, the memory is bounded, locking forgets, and
 * a report still running when the vault locks stops with VAULT_LOCKED.
 */
import { describe, expect, it } from 'vitest'
import { type HealthInput, healthReport } from '../../../src-main/health/health-report.ts'
import { StrengthScores } from '../../../src-main/health/strength-scores.ts'
import type { StrengthScore } from '../../../src-main/items/strength.ts'
import type { ItemContent } from '../../../src-shared/domain/item.ts'
import { expectCodeAsync } from '../support/expect-code.ts'

const NOW = Date.UTC(2026, 10, 22)

function login(id: string, password: string, username = 'ada'): HealthInput {
  const content: ItemContent = {
    type: 'login',
    title: `Login ${id}`,
    favorite: false,
    tags: [],
    notes: '',
    customFields: [],
    fields: { username, password, urls: ['https://example.com'], totp: '' },
    v: 1,
    createdAt: NOW,
    updatedAt: NOW,
    trashedAt: null,
  }
  return { id, content, passwordChangedAt: NOW }
}

function countingEstimate(seen: string[], score: StrengthScore = 1) {
  return (password: string) => {
    seen.push(password)
    return score
  }
}

describe('StrengthScores', () => {
  it('estimates a password once, then answers from memory', () => {
    const scores = new StrengthScores()
    const seen: string[] = []
    expect(scores.scoreOf('hunter2', [], () => countingEstimate(seen, 0)('hunter2'))).toBe(0)
    expect(scores.scoreOf('hunter2', [], () => countingEstimate(seen, 4)('hunter2'))).toBe(0)
    expect(seen).toEqual(['hunter2'])
  })

  it('keys on the user inputs too: the same password with a name in it is another estimate', () => {
    const scores = new StrengthScores()
    scores.scoreOf('ada-github-1', [], () => 3)
    expect(scores.scoreOf('ada-github-1', ['ada', 'github'], () => 0)).toBe(0)
    expect(scores.scoreOf('ada-github-1', ['adagithub'], () => 2)).toBe(2)
    expect(scores.size).toBe(3)
  })

  it('forgets the oldest scores past its bound', () => {
    const scores = new StrengthScores(3)
    for (const password of ['a', 'b', 'c', 'd']) scores.scoreOf(password, [], () => 1)
    expect(scores.size).toBe(3)
    expect(scores.scoreOf('a', [], () => 4)).toBe(4)
    expect(scores.scoreOf('d', [], () => 4)).toBe(1)
  })

  it('forgets everything when cleared (at lock)', () => {
    const scores = new StrengthScores()
    scores.scoreOf('hunter2', [], () => 0)
    scores.clear()
    expect(scores.size).toBe(0)
    expect(scores.scoreOf('hunter2', [], () => 4)).toBe(4)
  })
})

describe('health reports sharing the session scores', () => {
  it('estimates only new or changed passwords in a second report', async () => {
    const scores = new StrengthScores()
    const seen: string[] = []
    const first = [login('a', 'pw-one'), login('b', 'pw-two'), login('c', 'pw-three')]
    await healthReport(first, NOW, { scores, estimate: countingEstimate(seen) })
    expect(seen).toEqual(['pw-one', 'pw-two', 'pw-three'])
    seen.length = 0
    const edited = [login('a', 'pw-one'), login('b', 'pw-two-changed'), login('c', 'pw-three'), login('d', 'pw-four')]
    const report = await healthReport(edited, NOW, { scores, estimate: countingEstimate(seen) })
    expect(seen).toEqual(['pw-two-changed', 'pw-four'])
    expect(report.counts.weak).toBe(4)
  })

  it('keeps nothing after a report given no session scores', async () => {
    const seen: string[] = []
    await healthReport([login('a', 'pw-one')], NOW, { estimate: countingEstimate(seen) })
    await healthReport([login('a', 'pw-one')], NOW, { estimate: countingEstimate(seen) })
    expect(seen).toEqual(['pw-one', 'pw-one'])
  })

  it('stops with VAULT_LOCKED when the vault locks while it runs', async () => {
    let locked = false
    const slow = (password: string): StrengthScore => {
      const until = performance.now() + 25
      while (performance.now() < until) {
        // Busy for longer than one slice, so the report pauses and asks again.
      }
      locked = true
      return password.length > 100 ? 4 : 1
    }
    const items = [login('a', 'pw-one'), login('b', 'pw-two'), login('c', 'pw-three')]
    const running = healthReport(items, NOW, { estimate: slow, stillWanted: () => !locked })
    await expectCodeAsync(running, 'VAULT_LOCKED')
  })
})
