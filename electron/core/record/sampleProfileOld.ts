/**
 * The sample profile: a fictional child's complete record that a new user can load from
 * Settings, to see what a filled-in record and its summary look like, and delete again.
 *
 * Alex does not exist. The story follows a typical published pattern for standard-risk B-cell
 * ALL in a young child (a COG-style protocol: induction, consolidation, interim maintenance,
 * delayed intensification, maintenance), then a late isolated CNS relapse treated with
 * re-induction, cranial radiation and a matched-sibling bone marrow transplant. Doses are the
 * usual per-m² protocol doses; intrathecal doses are the age-based flat doses for a child aged
 * 3 to 8. It is a demonstration, not a treatment guide, and every entry says so.
 *
 * Every entry goes through the same schema, reference and unusual-dose checks as typed input,
 * and the whole profile is written in one transaction: it appears complete or not at all.
 */
import type { Profile } from '../../shared/contract.ts'
import type { DoseUnit } from '../../shared/limits.ts'
import {
  ENTRY_SCHEMAS,
  type Entry,
  type EntryInput,
  type EntryKind,
  type ROUTES,
  personSchema
} from '../../shared/record.ts'
import type { Db } from '../vault/database.ts'
import { addDays } from './dates.ts'
import { saveEntry } from './entries.ts'
import { createProfile, getProfile, updatePerson } from './profiles.ts'
import { checkReferences, type DrugLookup } from './references.ts'
import { settleUnusualDose } from './unusualDose.ts'

/** The name says what it is wherever it is shown: a list, a summary, a printed page. */
export const SAMPLE_PROFILE_NAME = 'Sample: Alex (fictional)'

const FICTIONAL = 'Fictional sample data.'
const note = (detail?: string) => (detail ? `${FICTIONAL} ${detail}` : FICTIONAL)

const HOSPITAL = "Riverside Children's Hospital (fictional)"
const FRONTLINE_PROTOCOL = 'Fictional COG-style standard-risk B-ALL protocol (sample data)'
const RELAPSE_PROTOCOL = 'Fictional relapse and transplant plan (sample data)'

// ---- Key dates ----

/** Aged 4 years 4 months at diagnosis. */
const BORN = '2016-10-12'
const DIAGNOSED = '2021-03-01'
const INDUCTION = '2021-03-02'
const CONSOLIDATION = '2021-04-06'
const INTERIM_MAINTENANCE = '2021-05-04'
const DELAYED_INTENSIFICATION = '2021-06-29'
const MAINTENANCE = '2021-08-24'
/** Two years from the first day of interim maintenance, as recent COG protocols count it. */
const MAINTENANCE_END = '2023-05-03'
/** Six months after the end of treatment, 32 months after diagnosis. */
const RELAPSED = '2023-11-13'
const REINDUCTION = '2023-11-14'
const CRANIAL_RADIATION = '2024-01-08'
const CONDITIONING = '2024-02-13'
const TRANSPLANTED = '2024-02-20'
/** Ciclosporin stopped, six months after the transplant. */
const TREATMENT_COMPLETED = '2024-08-20'

/** Day n of a phase, counting its first day as day 1, as protocols do. */
const day = (start: string, n: number) => addDays(start, n - 1)
/** Day n relative to a transplant (day 0), negative before it. */
const transplantDay = (n: number) => addDays(TRANSPLANTED, n)

// ---- Schedules ----

type Schedule = EntryInput<'administration'>['schedule']

const once = (date: string): Schedule => ({ kind: 'once', date })
const every = (start: string, intervalDays: number, count: number): Schedule => ({
  kind: 'repeat',
  start,
  intervalDays,
  count
})
const daily = (start: string, count: number) => every(start, 1, count)
const weekly = (start: string, count: number) => every(start, 7, count)
const until = (start: string, intervalDays: number, end: string): Schedule => ({
  kind: 'repeat',
  start,
  intervalDays,
  end
})
const earlier = (a: string, b: string) => (a < b ? a : b)

// ---- Writing entries ----

type SampleInput<K extends EntryKind> = Omit<EntryInput<K>, 'profileId'>
type Add = <K extends EntryKind>(kind: K, input: SampleInput<K>) => Entry<K>

interface Links {
  phaseId?: string
  transplantId?: string
  estimated?: boolean
  notes?: string
}

/** One drug given by one schedule; the dose is per the unit, as a clinic letter writes it. */
function giver(add: Add) {
  return (
    drugId: string,
    route: (typeof ROUTES)[number],
    dose: number,
    unit: DoseUnit,
    schedule: Schedule,
    links: Links = {}
  ) =>
    add('administration', {
      drugId,
      route,
      dose,
      unit,
      schedule,
      phaseId: links.phaseId ?? null,
      transplantId: links.transplantId ?? null,
      estimated: links.estimated ?? false,
      notes: note(links.notes)
    })
}

type Give = ReturnType<typeof giver>

/** Intrathecal doses are flat by age, not per m²: these are the doses from 3 to 8 years. */
const INTRATHECAL_MG = { methotrexate: 12, cytarabine: 70 } as const

/** A lumbar puncture with chemotherapy, on the days of the schedule. */
function intrathecal(
  give: Give,
  drugId: keyof typeof INTRATHECAL_MG,
  schedule: Schedule,
  phaseId: string,
  detail: string
) {
  return give(drugId, 'intrathecal', INTRATHECAL_MG[drugId], 'mg', schedule, {
    phaseId,
    notes: `Age-based intrathecal dose (lumbar puncture). ${detail}`
  })
}

/**
 * Loads the fictional sample profile, in one transaction: if any entry fails its checks,
 * nothing is left behind. Loading again adds another, independent sample profile.
 */
export function loadSampleProfile(db: Db, drugs: DrugLookup): Profile {
  return db.transaction(() => {
    const profile = createProfile(db, SAMPLE_PROFILE_NAME)
    db.prepare('UPDATE profiles SET is_sample = 1 WHERE id = ?').run(profile.id)
    updatePerson(
      db,
      personSchema.parse({
        profileId: profile.id,
        dateOfBirth: BORN,
        sex: 'female',
        treatmentCompletedOn: TREATMENT_COMPLETED,
        ongoingTherapy: null,
        allergies: [{ substance: 'Co-trimoxazole', reaction: 'Rash (fictional)' }],
        noKnownAllergies: false,
        // The tunnelled line came out at the end of treatment (see the procedures below).
        centralLine: 'none',
        spleen: 'working'
        // No 24-hour number or fever threshold: those are the family's, from their own care
        // team, and a sample must not suggest one.
      })
    )

    const add: Add = (kind, input) => {
      // Parsed exactly as typed input is: defaults filled in, every rule applied.
      const entry = ENTRY_SCHEMAS[kind].parse({
        source: 'typed',
        notes: FICTIONAL,
        ...input,
        profileId: profile.id
      }) as Record<string, unknown>
      checkReferences(db, kind, entry, drugs)
      // The sample's doses are usual ones: an unusual dose would stop the load, as it should.
      return saveEntry(db, kind, settleUnusualDose(db, kind, entry, drugs))
    }

    addPeople(add)
    addMeasurements(add)
    const diagnosis = addDiagnosis(add)
    addFrontlineTreatment(add)
    addRelapseAndTransplant(add, diagnosis.id)
    addSupportiveCareAndComplications(add)

    return getProfile(db, profile.id)
  })()
}

// ---- The story ----

function addPeople(add: Add): void {
  add('careTeamMember', {
    name: 'Dr Avery Sample (fictional)',
    role: 'Paediatric oncologist',
    institution: HOSPITAL,
    phone: '555-0100',
    email: 'avery.sample@example.org',
    coordinatesFollowUp: true
  })
  add('careTeamMember', {
    name: 'Jamie Example (fictional)',
    role: 'Paediatric oncology nurse specialist',
    institution: HOSPITAL,
    phone: '555-0101',
    email: 'jamie.example@example.org'
  })
  add('careTeamMember', {
    name: 'Dr Quinn Demo (fictional)',
    role: 'Bone marrow transplant physician',
    institution: HOSPITAL,
    phone: '555-0102',
    email: 'quinn.demo@example.org'
  })
  add('careTeamMember', {
    name: 'Dr Robin Placeholder (fictional)',
    role: 'General practitioner (GP)',
    institution: 'Maple Street Family Practice (fictional)',
    phone: '555-0103',
    email: 'robin.placeholder@example.org'
  })
}

/**
 * Every two to three months. Weight rises on steroids in induction and falls after the
 * transplant; growth slows on treatment and catches up in the months off it.
 */
const MEASUREMENTS: [date: string, heightCm: number, weightKg: number][] = [
  ['2021-03-01', 104.0, 16.6],
  ['2021-05-04', 104.6, 17.9],
  ['2021-06-29', 105.3, 17.6],
  ['2021-08-24', 106.0, 17.4],
  ['2021-11-16', 107.1, 17.9],
  ['2022-02-08', 108.2, 18.5],
  ['2022-05-03', 109.3, 19.0],
  ['2022-07-26', 110.4, 19.5],
  ['2022-10-18', 111.5, 20.1],
  ['2023-01-10', 112.6, 20.7],
  ['2023-04-04', 113.6, 21.3],
  ['2023-07-04', 114.7, 21.9],
  ['2023-09-26', 116.3, 22.7],
  ['2023-11-13', 117.2, 22.6],
  ['2024-01-08', 117.5, 21.8],
  ['2024-02-12', 117.7, 21.5],
  ['2024-04-16', 117.9, 20.2],
  ['2024-07-16', 118.6, 20.9],
  ['2024-10-15', 119.5, 21.9]
]

function addMeasurements(add: Add): void {
  for (const [measuredOn, heightCm, weightKg] of MEASUREMENTS) {
    add('measurement', { measuredOn, heightCm, weightKg })
  }
}

function addDiagnosis(add: Add): Entry<'diagnosis'> {
  return add('diagnosis', {
    condition: 'b-cell-all',
    diagnosedOn: DIAGNOSED,
    institution: HOSPITAL,
    riskGroup: 'Standard risk (NCI standard risk, MRD negative at end of induction)',
    immunophenotype: 'precursor B-cell',
    findings: [
      { kind: 'cytogenetic', finding: 'ETV6::RUNX1 fusion, t(12;21)(p13;q22)' },
      { kind: 'molecular', finding: 'BCR::ABL1 not detected' }
    ],
    cnsStatus: 'CNS1',
    notes: note('Found after weeks of tiredness, bruising and leg pain.')
  })
}

function addPhase(
  add: Add,
  kind: EntryInput<'phase'>['kind'],
  name: string,
  startedOn: string,
  endedOn: string,
  protocol = FRONTLINE_PROTOCOL
): string {
  return add('phase', {
    kind,
    name,
    startedOn,
    endedOn,
    protocol,
    institution: HOSPITAL,
    intent: 'curative'
  }).id
}

function addFrontlineTreatment(add: Add): void {
  const give = giver(add)

  // Induction, days 1–29: three drugs and intrathecal therapy.
  let phaseId = addPhase(add, 'induction', 'Induction', INDUCTION, day(INDUCTION, 29))
  intrathecal(give, 'cytarabine', once(day(INDUCTION, 1)), phaseId, 'At diagnosis.')
  give('vincristine', 'iv', 1.5, 'mg/m2', weekly(day(INDUCTION, 1), 4), { phaseId })
  give('dexamethasone', 'oral', 6, 'mg/m2', daily(day(INDUCTION, 1), 28), {
    phaseId,
    notes: 'Daily dose, given in two halves.'
  })
  give('pegaspargase', 'iv', 2500, 'IU/m2', once(day(INDUCTION, 4)), { phaseId })
  intrathecal(give, 'methotrexate', every(day(INDUCTION, 8), 21, 2), phaseId, 'Days 8 and 29.')

  // Consolidation, 4 weeks.
  phaseId = addPhase(add, 'consolidation', 'Consolidation', CONSOLIDATION, day(CONSOLIDATION, 28))
  give('vincristine', 'iv', 1.5, 'mg/m2', once(day(CONSOLIDATION, 1)), { phaseId })
  give('mercaptopurine', 'oral', 75, 'mg/m2', daily(day(CONSOLIDATION, 1), 28), { phaseId })
  intrathecal(give, 'methotrexate', weekly(day(CONSOLIDATION, 1), 3), phaseId, 'Days 1, 8, 15.')

  // Interim maintenance, 8 weeks: escalating IV methotrexate without rescue, every 10 days.
  phaseId = addPhase(
    add,
    'interim-maintenance',
    'Interim maintenance (escalating methotrexate)',
    INTERIM_MAINTENANCE,
    day(INTERIM_MAINTENANCE, 56)
  )
  give('vincristine', 'iv', 1.5, 'mg/m2', every(day(INTERIM_MAINTENANCE, 1), 10, 5), { phaseId })
  for (const [i, dose] of [100, 150, 200, 250, 300].entries()) {
    give('methotrexate', 'iv', dose, 'mg/m2', once(day(INTERIM_MAINTENANCE, 1 + 10 * i)), {
      phaseId,
      notes: 'Escalating dose, raised by 50 mg/m² each time the blood counts allowed.'
    })
  }
  intrathecal(give, 'methotrexate', once(day(INTERIM_MAINTENANCE, 31)), phaseId, 'Day 31.')

  // Delayed intensification, 8 weeks.
  const di = DELAYED_INTENSIFICATION
  phaseId = addPhase(add, 'delayed-intensification', 'Delayed intensification', di, day(di, 56))
  give('dexamethasone', 'oral', 10, 'mg/m2', daily(day(di, 1), 7), { phaseId, notes: 'Days 1–7.' })
  give('dexamethasone', 'oral', 10, 'mg/m2', daily(day(di, 15), 7), {
    phaseId,
    notes: 'Days 15–21.'
  })
  give('vincristine', 'iv', 1.5, 'mg/m2', weekly(day(di, 1), 3), { phaseId })
  give('doxorubicin', 'iv', 25, 'mg/m2', weekly(day(di, 1), 3), { phaseId })
  give('pegaspargase', 'iv', 2500, 'IU/m2', once(day(di, 4)), { phaseId })
  give('cyclophosphamide', 'iv', 1000, 'mg/m2', once(day(di, 29)), { phaseId })
  give('cytarabine', 'subcutaneous', 75, 'mg/m2', daily(day(di, 29), 4), {
    phaseId,
    notes: 'Days 29–32.'
  })
  give('cytarabine', 'subcutaneous', 75, 'mg/m2', daily(day(di, 36), 4), {
    phaseId,
    notes: 'Days 36–39.'
  })
  give('thioguanine', 'oral', 60, 'mg/m2', daily(day(di, 29), 14), { phaseId })
  intrathecal(give, 'methotrexate', every(day(di, 1), 28, 2), phaseId, 'Days 1 and 29.')

  // Maintenance in 12-week cycles until two years after interim maintenance began. Daily
  // mercaptopurine and weekly methotrexate are adjusted to the blood counts, so the record
  // keeps the protocol dose and marks it estimated.
  phaseId = addPhase(add, 'maintenance', 'Maintenance', MAINTENANCE, MAINTENANCE_END)
  give('mercaptopurine', 'oral', 75, 'mg/m2', until(MAINTENANCE, 1, MAINTENANCE_END), {
    phaseId,
    estimated: true,
    notes: 'Protocol dose; the actual dose was adjusted to blood counts.'
  })
  give('vincristine', 'iv', 1.5, 'mg/m2', until(MAINTENANCE, 84, MAINTENANCE_END), {
    phaseId,
    notes: 'Day 1 of every 12-week cycle.'
  })
  intrathecal(
    give,
    'methotrexate',
    until(MAINTENANCE, 84, MAINTENANCE_END),
    phaseId,
    'Day 1 of every 12-week cycle.'
  )
  for (let cycle = 1; day(MAINTENANCE, 1 + 84 * (cycle - 1)) <= MAINTENANCE_END; cycle++) {
    const start = day(MAINTENANCE, 1 + 84 * (cycle - 1))
    give('dexamethasone', 'oral', 6, 'mg/m2', daily(start, 5), {
      phaseId,
      notes: `Five-day pulse, cycle ${cycle}.`
    })
    // Weekly from day 8 to day 78; none on day 1, when it is given intrathecally.
    give(
      'methotrexate',
      'oral',
      20,
      'mg/m2',
      until(day(start, 8), 7, earlier(day(start, 78), MAINTENANCE_END)),
      {
        phaseId,
        estimated: true,
        notes: `Weekly, cycle ${cycle}. Protocol dose; the actual dose was adjusted to blood counts.`
      }
    )
  }
}

function addRelapseAndTransplant(add: Add, diagnosisId: string): void {
  const give = giver(add)

  add('relapse', {
    diagnosisId,
    relapsedOn: RELAPSED,
    sites: ['cns'],
    treatmentAfter:
      'Re-induction with weekly intrathecal methotrexate and cytarabine, cranial radiation ' +
      '18 Gy in 10 fractions, then an allogeneic bone marrow transplant from a matched ' +
      'sibling, because leukaemia was still detectable in the marrow (MRD) after re-induction.',
    notes: note(
      'Headaches and morning vomiting six months after finishing treatment; blasts in the spinal fluid (CNS3).'
    )
  })

  const r = REINDUCTION
  let phaseId = addPhase(
    add,
    'induction',
    'Re-induction after CNS relapse',
    r,
    day(r, 28),
    RELAPSE_PROTOCOL
  )
  give('vincristine', 'iv', 1.5, 'mg/m2', weekly(day(r, 1), 4), { phaseId })
  give('dexamethasone', 'oral', 10, 'mg/m2', daily(day(r, 1), 14), { phaseId })
  give('daunorubicin', 'iv', 25, 'mg/m2', weekly(day(r, 1), 4), { phaseId })
  give('pegaspargase', 'iv', 2500, 'IU/m2', every(day(r, 4), 14, 2), { phaseId })
  // Double intrathecal therapy: both drugs in one lumbar puncture, weekly until the fluid cleared.
  intrathecal(give, 'methotrexate', weekly(day(r, 1), 4), phaseId, 'With cytarabine.')
  intrathecal(give, 'cytarabine', weekly(day(r, 1), 4), phaseId, 'With methotrexate.')

  add('radiation', {
    field: 'cranial',
    totalDoseGy: 18,
    fractions: 10,
    startedOn: CRANIAL_RADIATION,
    endedOn: addDays(CRANIAL_RADIATION, 11),
    institution: HOSPITAL,
    notes: note('Weekdays over two weeks.')
  })

  const transplantId = add('transplant', {
    type: 'allogeneic',
    donor: 'Matched sibling (older brother, fictional)',
    cellSource: 'bone-marrow',
    transplantedOn: TRANSPLANTED,
    institution: HOSPITAL,
    conditioning:
      'Total body irradiation 12 Gy in 6 fractions (days −7 to −5) and cyclophosphamide ' +
      '60 mg/kg on days −3 and −2. GVHD prophylaxis: ciclosporin for six months (not in ' +
      "Lantern's drug list, so noted here) and short-course methotrexate.",
    gvhd: [
      {
        kind: 'acute',
        organs: ['skin'],
        grade: 'II',
        startedOn: transplantDay(19),
        status: 'resolved'
      }
    ],
    // The family's own answer: the skin GVHD was acute, and no chronic GVHD followed.
    noChronicGvhd: true,
    // A donor of another ABO group: the blood group changes after the transplant.
    bloodGroupBefore: 'A+',
    bloodGroupAfter: 'O+',
    notes: note('Skin GVHD settled with steroid cream and a short course of oral steroids.')
  }).id

  phaseId = addPhase(
    add,
    'conditioning',
    'Transplant conditioning',
    CONDITIONING,
    transplantDay(-1),
    RELAPSE_PROTOCOL
  )
  add('radiation', {
    transplantId,
    field: 'total-body',
    totalDoseGy: 12,
    fractions: 6,
    startedOn: transplantDay(-7),
    endedOn: transplantDay(-5),
    institution: HOSPITAL,
    notes: note('Two fractions a day for three days.')
  })
  give('cyclophosphamide', 'iv', 60, 'mg/kg', every(transplantDay(-3), 1, 2), {
    phaseId,
    transplantId
  })
  give('methotrexate', 'iv', 15, 'mg/m2', once(transplantDay(1)), {
    transplantId,
    notes: 'GVHD prophylaxis, day +1.'
  })
  give('methotrexate', 'iv', 10, 'mg/m2', every(transplantDay(3), 3, 2), {
    transplantId,
    notes: 'GVHD prophylaxis, days +3 and +6.'
  })
}

function addSupportiveCareAndComplications(add: Add): void {
  add('procedure', { kind: 'surgery', name: 'Implanted port inserted', performedOn: INDUCTION })
  add('procedure', {
    kind: 'procedure',
    name: 'Bone marrow aspirate (end of induction, MRD negative)',
    performedOn: day(INDUCTION, 29)
  })
  add('procedure', { kind: 'surgery', name: 'Implanted port removed', performedOn: '2023-07-18' })
  add('procedure', {
    kind: 'surgery',
    name: 'Tunnelled central line inserted',
    performedOn: REINDUCTION
  })
  add('procedure', {
    kind: 'procedure',
    name: 'Bone marrow aspirate (end of re-induction, MRD 0.08%)',
    performedOn: day(REINDUCTION, 28)
  })
  add('procedure', {
    kind: 'procedure',
    name: 'Tunnelled central line removed',
    performedOn: '2024-07-16'
  })

  add('supportiveCare', {
    kind: 'central-line',
    startedOn: INDUCTION,
    endedOn: '2023-07-18',
    details: 'Implanted port.'
  })
  add('supportiveCare', {
    kind: 'central-line',
    startedOn: REINDUCTION,
    endedOn: '2024-07-16',
    details: 'Tunnelled double-lumen central line.'
  })
  add('supportiveCare', {
    kind: 'red-cell-transfusions',
    count: 14,
    startedOn: DIAGNOSED,
    endedOn: '2024-03-08',
    details: 'Mostly during induction, delayed intensification and after the transplant.'
  })
  add('supportiveCare', {
    kind: 'platelet-transfusions',
    count: 21,
    startedOn: DIAGNOSED,
    endedOn: '2024-03-06',
    details: 'Mostly during induction and after the transplant.'
  })

  add('complication', {
    name: 'Peripheral neuropathy from vincristine (jaw pain, foot drop)',
    grade: 2,
    startedOn: day(INDUCTION, 22),
    endedOn: '2021-10-05',
    status: 'resolved',
    notes: note('Improved with physiotherapy and ankle splints.')
  })
  add('complication', {
    name: 'Febrile neutropenia',
    grade: 3,
    startedOn: day(DELAYED_INTENSIFICATION, 36),
    endedOn: day(DELAYED_INTENSIFICATION, 41),
    status: 'resolved',
    notes: note('Five days of IV antibiotics in hospital; no organism grown.')
  })
  add('complication', {
    name: 'Osteonecrosis of both hips',
    grade: 2,
    startedOn: '2022-09-13',
    status: 'ongoing',
    notes: note('Linked to dexamethasone. Hip pain on walking; followed by orthopaedics.')
  })
}
