import type { ErrorCode } from '@shared/contract.ts'
import type { ApiError } from '../api/client.ts'
import { t, type MessageKey } from './index.ts'

/** The general message for each error code; screens use their own where they can say more. */
export const ERROR_MESSAGES: Record<ErrorCode, MessageKey> = {
  INVALID_INPUT: 'errors.INVALID_INPUT',
  UNKNOWN_METHOD: 'errors.UNKNOWN_METHOD',
  FORBIDDEN_SENDER: 'errors.FORBIDDEN_SENDER',
  NO_VAULT: 'errors.NO_VAULT',
  VAULT_EXISTS: 'errors.VAULT_EXISTS',
  VAULT_LOCKED: 'errors.VAULT_LOCKED',
  WRONG_PASSPHRASE: 'errors.WRONG_PASSPHRASE',
  WRONG_RECOVERY_CODE: 'errors.WRONG_RECOVERY_CODE',
  VAULT_DAMAGED: 'errors.VAULT_DAMAGED',
  VAULT_FROM_NEWER_VERSION: 'errors.VAULT_FROM_NEWER_VERSION',
  BACKUP_FILE_DAMAGED: 'errors.BACKUP_FILE_DAMAGED',
  NOT_A_BACKUP_FILE: 'errors.NOT_A_BACKUP_FILE',
  NOT_FOUND: 'errors.NOT_FOUND',
  DOSE_NEEDS_CONFIRMATION: 'errors.DOSE_NEEDS_CONFIRMATION',
  INTERNAL: 'errors.INTERNAL'
}

export function errorMessage(error: ApiError): string {
  return t(ERROR_MESSAGES[error.code] ?? 'errors.INTERNAL')
}
