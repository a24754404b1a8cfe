/**
 * The treatment summary: the page a new doctor reads in a minute. Computed by the core from
 * the record; these are the shapes the renderer (and later the PDF export) receive.
 */
import type { Profile } from './contract.ts'
import type { DoseUnit } from './limits.ts'
import type { Entry } from './record.ts'

/** What a unit measures; doses of different kinds are never added together. */
export type Quantity = 'mass' | 'IU' | 'units' | 'cells'

export interface CumulativeDose {
  drugId: string
  route: string
  quantity: Quantity
  /** mg, IU, units or cells */
  baseUnit: string
  doses: number
  firstDate: string
  lastDate: string
  /** Sum over the doses that could be converted; see the `unconverted…` counts. */
  absoluteTotal: number
  perM2Total: number
  /** Doses left out of absoluteTotal because the height or weight they needed is missing. */
  unconvertedAbsolute: number
  /** Doses left out of perM2Total for the same reason. */
  unconvertedPerM2: number
  estimatedDoses: number
}

export interface ClassTotal {
  drugClass: string
  quantity: Quantity
  baseUnit: string
  drugIds: string[]
  absoluteTotal: number
  perM2Total: number
  unconvertedAbsolute: number
  unconvertedPerM2: number
}

/** A dose the person confirmed when Lantern asked them to check it (see unusualDose.ts). */
export interface ConfirmedUnusualDose {
  administrationId: string
  dose: number
  unit: DoseUnit
  /** The date given, or the first date of a repeating schedule. */
  date: string
}

export interface Exposure extends CumulativeDose {
  drugName: string
  drugClass: string
  /** The entries in this total whose dose was confirmed as unusual, by date. */
  confirmedUnusual: ConfirmedUnusualDose[]
}

export interface DiagnosisSummary {
  diagnosis: Entry<'diagnosis'>
  ageAtDiagnosis: number | null
  relapses: Entry<'relapse'>[]
}

export interface TreatmentSummary {
  profile: Profile
  diagnoses: DiagnosisSummary[]
  keyDates: {
    diagnosedOn: string | null
    treatmentStartedOn: string | null
    lastDoseOn: string | null
    treatmentCompletedOn: string | null
  }
  phases: Entry<'phase'>[]
  /** Per drug and route, in order of first dose. */
  exposures: Exposure[]
  classTotals: ClassTotal[]
  intrathecalInjections: number
  radiation: Entry<'radiation'>[]
  transplants: Entry<'transplant'>[]
  procedures: Entry<'procedure'>[]
  supportiveCare: Entry<'supportiveCare'>[]
  /** Complications still ongoing: what a new doctor must know first. */
  ongoingProblems: Entry<'complication'>[]
  complications: Entry<'complication'>[]
  /** The follow-up coordinator first. */
  careTeam: Entry<'careTeamMember'>[]
  /** True when some doses could not be converted because a height or weight is missing. */
  bodySizeMissing: boolean
}
