/**
 * The words for the record's stored values live in electron/shared/labels.ts, so the core's
 * document for doctors says every value as the screens do. Re-exported here for the screens.
 */
export { labelMessages } from '@shared/labels.ts'
