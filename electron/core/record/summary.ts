/**
 * Builds the treatment summary from the record: one read of each kind of entry, then pure
 * computation (doses.ts). Nothing here is stored; the summary is always the record's own.
 */
import type { Profile } from '../../shared/contract.ts'
import type { Entry } from '../../shared/record.ts'
import type { ImportantFirst, TreatmentSummary } from '../../shared/summary.ts'
import type { Db } from '../vault/database.ts'
import { ageInYears } from './dates.ts'
import {
  type Administration,
  cumulativeDoses,
  intrathecalInjections,
  unitQuantity
} from './doses.ts'
import { listEntries } from './entries.ts'
import { anthracyclineDoxEquivalent, type EquivalenceFactors } from './equivalents.ts'
import { getProfile } from './profiles.ts'
import type { DrugLookup } from './references.ts'

function earliest(dates: (string | null | undefined)[]): string | null {
  const known = dates.filter((d): d is string => typeof d === 'string').sort()
  return known[0] ?? null
}

/** The doses the person confirmed as unusual, each with its first date, in date order. */
function confirmedUnusualDoses(administrations: Entry<'administration'>[]) {
  return administrations
    .filter((a) => a.confirmedUnusual)
    .map((a) => ({
      ...a,
      date: a.schedule.kind === 'once' ? a.schedule.date : a.schedule.start
    }))
    .sort((x, y) => x.date.localeCompare(y.date))
}

/** The page-1 alerts, from the person's details and their transplants. */
export function importantFirst(
  profile: Profile,
  transplants: Entry<'transplant'>[]
): ImportantFirst {
  return {
    allergies: profile.allergies,
    allergyAnswer:
      profile.allergies.length > 0
        ? 'listed'
        : profile.noKnownAllergies
          ? 'none-known'
          : 'not-recorded',
    centralLine: {
      state: profile.centralLine,
      notes: profile.centralLineNotes,
      placedOn: profile.centralLinePlacedOn
    },
    shunt: { state: profile.shunt, notes: profile.shuntNotes },
    spleen: profile.spleen,
    transplants: transplants.map((t) => ({
      transplantId: t.id,
      type: t.type,
      transplantedOn: t.transplantedOn ?? null,
      bloodGroupBefore: t.bloodGroupBefore ?? null,
      bloodGroupAfter: t.bloodGroupAfter ?? null
    })),
    teamPhone24h: profile.teamPhone24h,
    feverThreshold: profile.feverThreshold
  }
}

/**
 * @param anthracyclineTable the equivalence table the care plan uses (content/careplan), so the
 *   summary's doxorubicin-equivalent total is the plan's
 */
export function treatmentSummary(
  db: Db,
  profileId: string,
  drugs: DrugLookup,
  anthracyclineTable: EquivalenceFactors
): TreatmentSummary {
  const profile = getProfile(db, profileId)
  const diagnoses = listEntries(db, 'diagnosis', profileId)
  const relapses = listEntries(db, 'relapse', profileId)
  const phases = listEntries(db, 'phase', profileId)
  const given = listEntries(db, 'administration', profileId)
  const administrations = given as Administration[]
  const measurements = listEntries(db, 'measurement', profileId)
  const complications = listEntries(db, 'complication', profileId)

  const cumulative = cumulativeDoses(administrations, measurements)
  const confirmed = confirmedUnusualDoses(given)
  const exposures = cumulative.map((c) => {
    const drug = drugs.byId(c.drugId)
    return {
      ...c,
      drugName: drug?.genericName ?? c.drugId,
      drugClass: drug?.class ?? 'other',
      confirmedUnusual: confirmed
        .filter((a) => a.drugId === c.drugId && a.route === c.route)
        .filter((a) => unitQuantity(a.unit) === c.quantity)
        .map(({ id, dose, unit, date }) => ({ administrationId: id, dose, unit, date }))
    }
  })
  const classOf = (id: string) => drugs.byId(id)?.class ?? 'other'
  const anthracycline = anthracyclineDoxEquivalent(cumulative, anthracyclineTable, classOf)
  const lastDoses = cumulative.map((c) => c.lastDate).sort()
  const transplants = listEntries(db, 'transplant', profileId)

  return {
    profile,
    importantFirst: importantFirst(profile, transplants),
    diagnoses: diagnoses.map((diagnosis) => ({
      diagnosis,
      ageAtDiagnosis:
        profile.dateOfBirth && diagnosis.diagnosedOn
          ? ageInYears(profile.dateOfBirth, diagnosis.diagnosedOn)
          : null,
      relapses: relapses.filter((r) => r.diagnosisId === diagnosis.id)
    })),
    keyDates: {
      diagnosedOn: earliest(diagnoses.map((d) => d.diagnosedOn)),
      treatmentStartedOn: earliest([
        ...phases.map((p) => p.startedOn),
        ...cumulative.map((c) => c.firstDate)
      ]),
      lastDoseOn: lastDoses[lastDoses.length - 1] ?? null,
      treatmentCompletedOn: profile.treatmentCompletedOn
    },
    phases,
    exposures,
    anthracycline: anthracycline && {
      ...anthracycline,
      parts: anthracycline.parts.map((p) => ({
        ...p,
        drugName: drugs.byId(p.drugId)?.genericName ?? p.drugId
      }))
    },
    intrathecalInjections: intrathecalInjections(administrations),
    radiation: listEntries(db, 'radiation', profileId),
    transplants,
    procedures: listEntries(db, 'procedure', profileId),
    supportiveCare: listEntries(db, 'supportiveCare', profileId),
    ongoingProblems: complications.filter((c) => c.status === 'ongoing'),
    complications,
    careTeam: listEntries(db, 'careTeamMember', profileId),
    bodySizeMissing: cumulative.some((c) => c.unconvertedAbsolute + c.unconvertedPerM2 > 0)
  }
}
