import type { ApiError } from '../api/client.ts'

/** Failures after which the secret was right but the vault still cannot be opened. */
export type VaultProblemKind = 'damaged' | 'newer'

export function vaultProblemOf(error: ApiError): VaultProblemKind | null {
  if (error.code === 'VAULT_DAMAGED') return 'damaged'
  if (error.code === 'VAULT_FROM_NEWER_VERSION') return 'newer'
  return null
}
