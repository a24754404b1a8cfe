/**
 * The vault's state, asked the moment this module is evaluated. main.ts imports it before
 * anything else, so the question travels to the core while the rest of the app's code is still
 * being evaluated, and the answer is usually back by the time the app mounts: the first screen
 * is then drawn once, as the right screen, instead of "starting" first and then again.
 *
 * Only main.ts may import this (a test importing a store must not send a request; a lint rule in
 * eslint.config.mjs refuses it elsewhere); everything else asks through the session store.
 */
import type { VaultStatus } from '@shared/contract.ts'
import { call } from './client.ts'

export const vaultStatusAtLoad: Promise<VaultStatus> = call('vault.status')
// Whoever takes the answer handles a failure; until then it is not an unhandled rejection.
vaultStatusAtLoad.catch(() => undefined)
