import { NAME_MAX_LENGTH } from '@shared/limits.ts'
import type { MessageKey } from '../i18n/index.ts'

/** The same rule the core applies to a person's name, checked first so the message is ours. */
export function nameProblem(
  name: string
): { key: MessageKey; params?: Record<string, number> } | null {
  const trimmed = name.trim()
  if (trimmed.length === 0) return { key: 'people.nameRequired' }
  if (trimmed.length > NAME_MAX_LENGTH) {
    return { key: 'people.nameTooLong', params: { max: NAME_MAX_LENGTH } }
  }
  return null
}
