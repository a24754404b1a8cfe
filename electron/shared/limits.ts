/**
 * Input limits, shared by the contract's schemas and the forms that explain them. Kept apart
 * from contract.ts, which needs zod, so the renderer can show a rule without bundling zod.
 * Generous for real use, small enough that no input can exhaust memory.
 */
export const PASSPHRASE_MIN_LENGTH = 10
export const PASSPHRASE_MAX_LENGTH = 1024
export const NAME_MAX_LENGTH = 200
export const AUTO_LOCK_MINUTES = { min: 1, max: 240, default: 10 } as const
export const TEXT_MAX_LENGTH = 200
export const NOTE_MAX_LENGTH = 4000

/** Units a dose can be recorded in. Stored in this ASCII form; shown with a superscript ². */
export const DOSE_UNITS = [
  'mg/m2',
  'mg/kg',
  'mg',
  'g/m2',
  'g',
  'mcg/m2',
  'mcg/kg',
  'mcg',
  'IU/m2',
  'IU/kg',
  'IU',
  'units/m2',
  'units/kg',
  'units',
  'cells/kg',
  'cells'
] as const
export type DoseUnit = (typeof DOSE_UNITS)[number]

/**
 * Typo guards, not clinical limits: each is well above the largest single dose in that unit in
 * any protocol we know of (for instance 8 g/m² high-dose methotrexate, 60 mg/kg conditioning
 * cyclophosphamide, 25 000 IU/m² Erwinia asparaginase), so only a slip of the keyboard or a
 * wrong unit exceeds it.
 */
export const MAX_SINGLE_DOSE: Record<DoseUnit, number> = {
  'mg/m2': 20_000,
  'mg/kg': 200,
  mg: 50_000,
  'g/m2': 20,
  g: 50,
  'mcg/m2': 50_000,
  'mcg/kg': 10_000,
  mcg: 100_000,
  'IU/m2': 100_000,
  'IU/kg': 100_000,
  IU: 1_000_000,
  'units/m2': 100_000,
  'units/kg': 100_000,
  units: 1_000_000,
  'cells/kg': 1e10,
  cells: 1e12
}
