/**
 * The rules for a new passphrase, checked as the person types and before any request. How
 * strong it is lives in passphraseStrength.ts.
 */
import { PASSPHRASE_MAX_LENGTH, PASSPHRASE_MIN_LENGTH } from '@shared/limits.ts'
import { t, type MessageKey } from '../i18n/index.ts'

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

/** The same problems as messages by field ('passphrase', 'confirmation'), for a form to show. */
export function newPassphraseErrors(passphrase: string, confirmation: string) {
  const problems = newPassphraseProblems(passphrase, confirmation)
  const errors: Record<string, string> = {}
  if (problems.passphrase)
    errors.passphrase = t(problems.passphrase.key, problems.passphrase.params)
  if (problems.confirmation) errors.confirmation = t(problems.confirmation.key)
  return errors
}
