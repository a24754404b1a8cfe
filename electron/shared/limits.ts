/**
 * Input limits, shared by the contract's schemas and the forms that explain them. Kept apart
 * from contract.ts, which needs zod, so the renderer can show a rule without bundling zod.
 * Generous for real use, small enough that no input can exhaust memory.
 */
export const PASSPHRASE_MIN_LENGTH = 10
export const PASSPHRASE_MAX_LENGTH = 1024
export const NAME_MAX_LENGTH = 200
export const AUTO_LOCK_MINUTES = { min: 1, max: 240, default: 10 } as const
