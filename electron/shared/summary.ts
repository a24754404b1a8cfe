/**
 * The treatment summary: the page a new doctor reads in a minute. Computed by the core from
 * the record; these are the shapes the renderer (and later the PDF export) receive.
 */
import type { Profile } from './contract.ts'
import type { DoseUnit } from './limits.ts'
import type { Allergy, Entry, FeverThreshold } from './record.ts'

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
  /**
   * The measurements the conversions used, each distinct pair of dates once, earliest first,
   * with how many doses it converted: what "converted with the measurement of 1 June 2021" says.
   */
  measurementsUsed: MeasurementUsed[]
}

/** The height and weight one or more doses were converted with (null: not needed or missing). */
export interface MeasurementUsed {
  heightFrom: string | null
  weightFrom: string | null
  doses: number
}

/** One drug's part of a doxorubicin-equivalent total. */
export interface DoxorubicinEquivalentPart {
  drugId: string
  /** Systemic mg/m² over the doses that could be converted. */
  perM2: number
  /** From the table; null when the table has no factor for this drug. */
  factor: number | null
  /** Where the factor comes from, in words (source, section, and any note); null without one. */
  factorSource: string | null
  /** perM2 × factor, or null without a factor. */
  equivalent: number | null
  firstDate: string
  lastDate: string
  /** Doses left out of perM2 because the height or weight they needed is missing. */
  unconvertedDoses: number
}

/**
 * Anthracyclines as doxorubicin-equivalent mg/m², from a versioned equivalence table: the one
 * number the summary, the care plan and the PDF all show (record/equivalents.ts).
 */
export interface DoxorubicinEquivalent {
  /** mg/m² doxorubicin-equivalent over the parts that have a factor. */
  total: number
  parts: DoxorubicinEquivalentPart[]
  table: { id: string; version: string }
  /** Drugs the table has no factor for: not in the total. */
  unknownFactor: string[]
  /** Doses not in the total for lack of a height or weight. */
  unconvertedDoses: number
  /** The real total is higher: a factor or a body size is missing. */
  incomplete: boolean
}

/** A part with the drug's name, as the summary shows it. */
export interface NamedDoxorubicinEquivalentPart extends DoxorubicinEquivalentPart {
  drugName: string
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

/**
 * What a doctor in an emergency must know first (page 1 of the document, the wallet card), as
 * the family recorded it. Null and 'not-recorded' mean nobody answered: never "none".
 */
export interface ImportantFirst {
  allergies: Allergy[]
  /** 'none-known' only when the family ticked "no known allergies". */
  allergyAnswer: 'listed' | 'none-known' | 'not-recorded'
  centralLine: {
    state: Profile['centralLine']
    notes: string | null
    placedOn: string | null
  }
  shunt: { state: Profile['shunt']; notes: string | null }
  spleen: Profile['spleen']
  /** Each transplant with its blood groups (null where not recorded), earliest first. */
  transplants: {
    transplantId: string
    type: Entry<'transplant'>['type']
    transplantedOn: string | null
    bloodGroupBefore: string | null
    bloodGroupAfter: string | null
  }[]
  teamPhone24h: string | null
  /** As the care team gave it; Lantern never supplies one. */
  feverThreshold: FeverThreshold | null
}

export interface TreatmentSummary {
  profile: Profile
  importantFirst: ImportantFirst
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
  /**
   * Anthracyclines as doxorubicin equivalents, from the care plan's table; null when none were
   * given. Other classes get no total: their drugs differ in strength and no confirmed
   * equivalence is shipped, so each drug's own total (in exposures) is the honest number.
   */
  anthracycline: (DoxorubicinEquivalent & { parts: NamedDoxorubicinEquivalentPart[] }) | null
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
