import { expect } from 'vitest'
import type { SearchResult } from '../../../electron/shared/library.ts'

/**
 * Two searches found the same things, with scores within rounding. Results of equal score may
 * come in any order, so results are compared by what they are.
 */
export function expectSameResults(actual: SearchResult[], expected: SearchResult[], q: string) {
  const key = (r: SearchResult) => `${r.targetId}#${r.sectionId}`
  const byKey = (results: SearchResult[]) =>
    [...results].sort((a, b) => key(a).localeCompare(key(b)))
  const a = byKey(actual)
  const e = byKey(expected)
  expect(a.map(key), q).toEqual(e.map(key))
  a.forEach((r, i) => {
    const { score, ...rest } = r
    const { score: expectedScore, ...expectedRest } = e[i]!
    expect(rest, q).toEqual(expectedRest)
    expect(
      Math.abs(score - expectedScore),
      `${q}: ${key(r)} ${score} vs ${expectedScore}`
    ).toBeLessThanOrEqual(0.0015)
  })
}
