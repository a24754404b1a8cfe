/**
 * The strength meter a person sees while choosing the passphrase that guards the vault. It must
 * never call a guessable passphrase strong: the key file can be attacked offline.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import {
  type StrengthEstimator,
  loadStrengthEstimator,
  strengthBeforeLoading
} from '../../renderer/src/lib/passphraseStrength.ts'
import { PASSPHRASE_MIN_LENGTH } from '../../electron/shared/limits.ts'

let estimate: StrengthEstimator

beforeAll(async () => {
  estimate = await loadStrengthEstimator()
})

describe('passphrase strength', () => {
  it.each(['Jennifer1985!!', 'Summer2024!Summer'])(
    '%s (a name or word with a year and symbols) is weak, and says why',
    (passphrase) => {
      const strength = estimate(passphrase)
      expect(strength.level).toBe('weak')
      expect(strength.suggestions.length).toBeGreaterThan(0)
    }
  )

  it('names what gives a passphrase away', () => {
    expect(estimate('Jennifer1985!!')).toMatchObject({
      warning: 'similarToCommon',
      suggestions: expect.arrayContaining(['anotherWord', 'recentYears'])
    })
    expect(estimate('Summer2024!Summer').suggestions).toContain('repeated')
    expect(estimate('Password123!')).toMatchObject({
      level: 'weak',
      warning: expect.stringMatching(/^(common|similarToCommon)$/)
    })
    expect(estimate('qwertyuiop123')).toMatchObject({ level: 'weak' })
    expect(estimate('abcabcabcabc')).toMatchObject({ level: 'weak', warning: 'extendedRepeat' })
    // Words anyone would try against a cancer app.
    expect(estimate('LanternCancer1')).toMatchObject({ level: 'weak' })
  })

  it('rates a few unrelated words strong, with nothing to fix', () => {
    for (const passphrase of [
      'maple river lantern at dusk',
      'correct horse battery staple',
      'my cat sleeps on the blue chair'
    ]) {
      expect(estimate(passphrase), passphrase).toEqual({
        level: 'strong',
        score: 4,
        warning: null,
        suggestions: []
      })
    }
  })

  it(`keeps the length rule: under ${PASSPHRASE_MIN_LENGTH} characters is too short, however random`, () => {
    const random = 'Xk9#vQ2$wZ7!pR4&'
    expect(estimate(random.slice(0, PASSPHRASE_MIN_LENGTH - 1)).level).toBe('tooShort')
    expect(estimate(random.slice(0, PASSPHRASE_MIN_LENGTH)).level).not.toBe('tooShort')
    expect(estimate('').level).toBe('empty')
    // Characters, not UTF-16 units: an emoji is one.
    expect(estimate('🌙'.repeat(PASSPHRASE_MIN_LENGTH - 1)).level).toBe('tooShort')
  })

  it('before the dictionaries load it rates nothing, except by length', () => {
    expect(strengthBeforeLoading('').level).toBe('empty')
    expect(strengthBeforeLoading('short').level).toBe('tooShort')
    expect(strengthBeforeLoading('Jennifer1985!!').level).toBe('checking')
  })

  it('loads once and answers quickly enough to follow typing', () => {
    const started = performance.now()
    for (let i = 0; i < 20; i++) estimate(`maple river lantern at dusk ${i}`)
    expect((performance.now() - started) / 20).toBeLessThan(250)
  })
})
