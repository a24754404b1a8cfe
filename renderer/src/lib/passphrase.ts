/**
 * Passphrase rules and a small strength estimate, for live feedback while a person chooses
 * one. The estimate is a guide, not a guarantee: it rewards length and variety, and marks
 * down repeated characters, keyboard or alphabet runs, and the passphrases people use most.
 */
import { PASSPHRASE_MAX_LENGTH, PASSPHRASE_MIN_LENGTH } from '@shared/limits.ts'
import type { MessageKey } from '../i18n/index.ts'

export type StrengthLevel = 'empty' | 'tooShort' | 'weak' | 'fair' | 'strong'

export interface Strength {
  level: StrengthLevel
  /** 0 (nothing) to 4 (strong), for the meter. */
  score: 0 | 1 | 2 | 3 | 4
  advice: MessageKey | null
}

export const STRENGTH_MAX_SCORE = 4

/**
 * The core words of passphrases people choose most often. A passphrase whose letters, with
 * digits, symbols and look-alike substitutions removed, are only one of these is weak.
 */
const COMMON = new Set([
  '',
  'password',
  'passwort',
  'contrasena',
  'motdepasse',
  'qwerty',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'qazwsx',
  'abc',
  'abcdefghij',
  'letmein',
  'welcome',
  'iloveyou',
  'admin',
  'administrator',
  'login',
  'monkey',
  'dragon',
  'master',
  'football',
  'baseball',
  'soccer',
  'sunshine',
  'princess',
  'shadow',
  'superman',
  'batman',
  'trustno',
  'changeme',
  'secret',
  'hello',
  'freedom',
  'whatever',
  'starwars',
  'pokemon',
  'lantern',
  'cancer',
  'leukemia',
  'correcthorsebatterystaple'
])

const LOOKALIKES: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i'
}

function unmask(text: string): string {
  return [...text]
    .map((c) => LOOKALIKES[c] ?? c)
    .join('')
    .replace(/[^a-z]/g, '')
}

/**
 * True when the passphrase is one of the common words dressed up: "Passw0rd2024!",
 * "qwertyuiop123", "1234567890" (nothing but digits) all count.
 */
function isCommon(passphrase: string): boolean {
  const lower = passphrase.toLowerCase()
  const trimmed = lower.replace(/^[^a-z@$]+/, '').replace(/[^a-z]+$/, '')
  const candidates = [lower.replace(/[^a-z]/g, ''), unmask(trimmed), unmask(lower)]
  return candidates.some((word) => COMMON.has(word))
}

/** "abcabcabcabc", "passwordpassword": one short piece said again and again. */
function isRepetition(passphrase: string): boolean {
  return /^(.{1,8}?)\1+$/su.test(passphrase)
}

/** How many different characters an attacker would have to try at each position. */
function poolSize(passphrase: string): number {
  let pool = 0
  if (/[a-z]/.test(passphrase)) pool += 26
  if (/[A-Z]/.test(passphrase)) pool += 26
  if (/[0-9]/.test(passphrase)) pool += 10
  if (/ /.test(passphrase)) pool += 1
  if (/[^a-zA-Z0-9 ]/.test(passphrase)) pool += 33
  return Math.max(pool, 1)
}

/**
 * Length that counts: a character that repeats the one before, or continues a run
 * ("abc", "321"), adds almost nothing.
 */
function effectiveLength(passphrase: string): number {
  const chars = [...passphrase]
  let length = 0
  for (let i = 0; i < chars.length; i++) {
    const here = chars[i]!.codePointAt(0)!
    const before = i > 0 ? chars[i - 1]!.codePointAt(0)! : undefined
    const repeatsOrRuns = before !== undefined && Math.abs(here - before) <= 1
    length += repeatsOrRuns ? 0.25 : 1
  }
  return length
}

export function estimateStrength(passphrase: string): Strength {
  const length = [...passphrase].length
  if (length === 0) return { level: 'empty', score: 0, advice: null }
  if (length < PASSPHRASE_MIN_LENGTH) {
    return { level: 'tooShort', score: 1, advice: 'passphrase.strength.adviceLonger' }
  }
  if (isCommon(passphrase)) {
    return { level: 'weak', score: 2, advice: 'passphrase.strength.adviceCommon' }
  }
  if (isRepetition(passphrase)) {
    return { level: 'weak', score: 2, advice: 'passphrase.strength.adviceRepeated' }
  }
  const effective = effectiveLength(passphrase)
  const bits = effective * Math.log2(poolSize(passphrase))
  const runny = effective < length * 0.7
  if (bits < 50) {
    return {
      level: 'weak',
      score: 2,
      advice: runny ? 'passphrase.strength.adviceRepeated' : 'passphrase.strength.adviceLonger'
    }
  }
  if (bits < 72) {
    return {
      level: 'fair',
      score: 3,
      advice: runny ? 'passphrase.strength.adviceRepeated' : 'passphrase.strength.adviceLonger'
    }
  }
  return { level: 'strong', score: 4, advice: 'passphrase.strength.adviceStrong' }
}

export interface NewPassphraseProblems {
  passphrase?: { key: MessageKey; params?: Record<string, number> }
  confirmation?: { key: MessageKey }
}

/** What stops this pair from being used as a new passphrase; empty when it is fine. */
export function newPassphraseProblems(
  passphrase: string,
  confirmation: string
): NewPassphraseProblems {
  const problems: NewPassphraseProblems = {}
  const length = [...passphrase].length
  if (length === 0) problems.passphrase = { key: 'passphrase.required' }
  else if (passphrase.length < PASSPHRASE_MIN_LENGTH) {
    problems.passphrase = {
      key: 'passphrase.tooShort',
      params: { min: PASSPHRASE_MIN_LENGTH, length }
    }
  } else if (passphrase.length > PASSPHRASE_MAX_LENGTH) {
    problems.passphrase = { key: 'passphrase.tooLong', params: { max: PASSPHRASE_MAX_LENGTH } }
  }
  if (confirmation.length === 0) {
    if (length > 0) problems.confirmation = { key: 'passphrase.confirmRequired' }
  } else if (confirmation !== passphrase) {
    problems.confirmation = { key: 'passphrase.mismatch' }
  }
  return problems
}

export function hasProblems(problems: NewPassphraseProblems): boolean {
  return problems.passphrase !== undefined || problems.confirmation !== undefined
}
