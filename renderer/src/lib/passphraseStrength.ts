/**
 * How hard a new passphrase is to guess, for live feedback while a person chooses one. The
 * estimate is zxcvbn's (@zxcvbn-ts, with its common and English dictionaries): it knows the
 * passwords, names, words, dates and keyboard patterns people really use, which a count of
 * letters and symbols cannot ("Jennifer1985!!" looks varied and is guessed early).
 *
 * The dictionaries are about 1.6 MB of JavaScript, so they load on their own, in the
 * background, the first time a screen asks for them (loadStrengthEstimator); they ship inside
 * the app and nothing is fetched from anywhere.
 *
 * No i18n here: feedback is zxcvbn's stable keys, which the meter turns into our own words
 * (passphrase.feedback in the message catalogue). That also keeps this file plain TypeScript
 * that the unit tests can import.
 */
import type { MatchExtended, ZxcvbnResult } from '@zxcvbn-ts/core'
import { PASSPHRASE_MIN_LENGTH } from '../../../electron/shared/limits.ts'

export type StrengthLevel = 'empty' | 'tooShort' | 'checking' | 'weak' | 'fair' | 'strong'

/** zxcvbn's warning keys; every one has a message in passphrase.feedback.warnings. */
export const FEEDBACK_WARNINGS = [
  'straightRow',
  'keyPattern',
  'simpleRepeat',
  'extendedRepeat',
  'sequences',
  'recentYears',
  'dates',
  'topTen',
  'topHundred',
  'common',
  'similarToCommon',
  'wordByItself',
  'namesByThemselves',
  'commonNames',
  'userInputs',
  'pwned'
] as const
export type FeedbackWarning = (typeof FEEDBACK_WARNINGS)[number]

/** zxcvbn's suggestion keys; every one has a message in passphrase.feedback.suggestions. */
export const FEEDBACK_SUGGESTIONS = [
  'l33t',
  'reverseWords',
  'allUppercase',
  'capitalization',
  'dates',
  'recentYears',
  'associatedYears',
  'sequences',
  'repeated',
  'longerKeyboardPattern',
  'anotherWord',
  'useWords',
  'noNeed',
  'pwned'
] as const
export type FeedbackSuggestion = (typeof FEEDBACK_SUGGESTIONS)[number]

export interface Strength {
  level: StrengthLevel
  /** 0 (nothing) to 4 (strong), for the meter. */
  score: 0 | 1 | 2 | 3 | 4
  /** What makes it easy to guess, when something does. */
  warning: FeedbackWarning | null
  suggestions: FeedbackSuggestion[]
}

export const STRENGTH_MAX_SCORE = 4

/**
 * Estimated guesses (log10) an attacker needs. The vault's key file can be attacked offline,
 * but each guess costs an Argon2id derivation (64 MiB, 3 passes): a well-equipped attacker
 * manages perhaps 10^4 guesses a second. 10^10 guesses is then under two weeks: weak. 10^12 is
 * about three years: strong. In between: fair.
 */
const FAIR_FROM_LOG10 = 10
const STRONG_FROM_LOG10 = 12

/** Words anyone who knows the person uses Lantern would try first. */
const APP_WORDS = [
  'lantern',
  'cancer',
  'leukemia',
  'leukaemia',
  'lymphoma',
  'tumour',
  'tumor',
  'chemo',
  'chemotherapy',
  'oncology',
  'hospital'
]

/** What is known before the dictionaries are loaded: only the length rule. */
export function strengthBeforeLoading(passphrase: string): Strength {
  return lengthOnly(passphrase) ?? { level: 'checking', score: 0, warning: null, suggestions: [] }
}

function lengthOnly(passphrase: string): Strength | null {
  const length = [...passphrase].length
  if (length === 0) return { level: 'empty', score: 0, warning: null, suggestions: [] }
  if (length < PASSPHRASE_MIN_LENGTH) {
    return { level: 'tooShort', score: 1, warning: null, suggestions: [] }
  }
  return null
}

/** The rating for a passphrase that meets the length rule, from zxcvbn's analysis of it. */
export function strengthFrom(
  result: Pick<ZxcvbnResult, 'guessesLog10' | 'feedback' | 'sequence'>
): Strength {
  const level =
    result.guessesLog10 >= STRONG_FROM_LOG10
      ? 'strong'
      : result.guessesLog10 >= FAIR_FROM_LOG10
        ? 'fair'
        : 'weak'
  const score = level === 'strong' ? 4 : level === 'fair' ? 3 : 2
  if (level === 'strong') return { level, score, warning: null, suggestions: [] }
  const given = {
    warning: knownWarning(result.feedback.warning),
    suggestions: result.feedback.suggestions.flatMap(knownSuggestion)
  }
  // zxcvbn explains only what it scores lowest; past that, Lantern still asks for more and
  // says why from the same analysis.
  const feedback =
    given.warning || given.suggestions.length > 0 ? given : feedbackFromMatches(result.sequence)
  return { level, score, ...feedback }
}

function knownWarning(key: string | null): FeedbackWarning | null {
  return FEEDBACK_WARNINGS.find((known) => known === key) ?? null
}

function knownSuggestion(key: string): FeedbackSuggestion[] {
  return FEEDBACK_SUGGESTIONS.filter((known) => known === key)
}

/** The guessable parts zxcvbn found, described the way its own feedback would. */
function feedbackFromMatches(
  sequence: readonly MatchExtended[]
): Pick<Strength, 'warning' | 'suggestions'> {
  const guessable = sequence.filter((m) => m.pattern !== 'bruteforce' && m.pattern !== 'separator')
  const suggestions = new Set<FeedbackSuggestion>(['anotherWord'])
  let warning: FeedbackWarning | null = null
  let longest = 0
  const seenWords = new Set<string>()
  for (const match of guessable) {
    const described = describeMatch(match)
    for (const suggestion of described.suggestions) suggestions.add(suggestion)
    if (described.warning && match.token.length > longest) {
      warning = described.warning
      longest = match.token.length
    }
    if (match.pattern === 'dictionary') {
      const word = match.token.toLowerCase()
      if (seenWords.has(word)) suggestions.add('repeated')
      seenWords.add(word)
    }
  }
  return { warning, suggestions: [...suggestions] }
}

function describeMatch(match: MatchExtended): {
  warning: FeedbackWarning | null
  suggestions: FeedbackSuggestion[]
} {
  switch (match.pattern) {
    case 'dictionary': {
      const name = String(match.dictionaryName ?? '')
      const suggestions: FeedbackSuggestion[] = []
      if (match.l33t) suggestions.push('l33t')
      if (match.reversed) suggestions.push('reverseWords')
      const warning: FeedbackWarning | null = name.startsWith('passwords')
        ? 'similarToCommon'
        : name.startsWith('firstnames') || name.startsWith('lastnames')
          ? 'commonNames'
          : name === 'userInputs'
            ? 'userInputs'
            : null
      return { warning, suggestions }
    }
    case 'date':
      return { warning: 'dates', suggestions: ['dates'] }
    case 'regex':
      return match.regexName === 'recentYear'
        ? { warning: 'recentYears', suggestions: ['recentYears', 'associatedYears'] }
        : { warning: null, suggestions: [] }
    case 'repeat':
      return {
        warning: String(match.baseToken).length === 1 ? 'simpleRepeat' : 'extendedRepeat',
        suggestions: ['repeated']
      }
    case 'sequence':
      return { warning: 'sequences', suggestions: ['sequences'] }
    case 'spatial':
      return {
        warning: match.turns === 1 ? 'straightRow' : 'keyPattern',
        suggestions: ['longerKeyboardPattern']
      }
    default:
      return { warning: null, suggestions: [] }
  }
}

export type StrengthEstimator = (passphrase: string) => Strength

let loading: Promise<StrengthEstimator> | null = null

/**
 * The estimator, once zxcvbn and its dictionaries have loaded (once per app run). A separate
 * chunk: the first screen does not wait for 1.6 MB it may never need.
 */
export function loadStrengthEstimator(): Promise<StrengthEstimator> {
  loading ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en')
  ]).then(
    ([core, common, english]) => {
      const zxcvbn = new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...english.dictionary },
        graphs: common.adjacencyGraphs
      })
      return (passphrase) =>
        lengthOnly(passphrase) ?? strengthFrom(zxcvbn.check(passphrase, APP_WORDS))
    },
    (error: unknown) => {
      loading = null
      throw error
    }
  )
  return loading
}
