/**
 * The person: Patient (IPS and mCODE), their allergies (IPS AllergyIntolerance), and the Device
 * that stands for Lantern as the author of what it computed.
 */
import type {
  AllergyIntolerance,
  Device,
  Element,
  Extension,
  HumanName,
  Patient
} from '@medplum/fhirtypes'
import type { Profile } from '../../shared/contract.ts'
import { labelMessages } from '../../shared/labels.ts'
import {
  DATA_ABSENT_UNKNOWN,
  HL7_EXTENSION,
  LANTERN_EXTENSION,
  LANTERN_IDENTIFIER,
  PROFILE,
  SYSTEM,
  boolOf,
  codeOf,
  dateOf,
  el,
  narrative,
  partIdentifier,
  stringOf,
  sub,
  ucum
} from './common.ts'
import type { ExportContext } from './context.ts'

/** A name part Lantern has no field for ("the source system wasn't capable of supporting this element"). */
const NAME_PART_UNSUPPORTED: Extension = {
  url: HL7_EXTENSION.dataAbsentReason,
  valueCode: 'unsupported'
}

/** The name as typed, its family and given parts absent (`_family`, `_given`: FHIR JSON's primitive extensions). */
function personName(text: string): HumanName {
  const name: HumanName & { _family: Element; _given: Element[] } = {
    text,
    _family: { extension: [NAME_PART_UNSUPPORTED] },
    _given: [{ extension: [NAME_PART_UNSUPPORTED] }]
  }
  return name
}

/** FHIR's administrative gender for each of Lantern's answers; the answer itself is kept too. */
export const GENDER: Record<NonNullable<Profile['sex']>, Patient['gender']> = {
  female: 'female',
  male: 'male',
  intersex: 'other',
  'not-stated': 'unknown'
}

/** UCUM codes for the fever threshold's units. */
export const TEMPERATURE_UCUM = { C: 'Cel', F: '[degF]' } as const

export function lanternDevice(ids: { id: string }): Device {
  return {
    resourceType: 'Device',
    id: ids.id,
    deviceName: [{ name: 'Lantern', type: 'user-friendly-name' }],
    type: { text: 'Personal health record application' },
    text: narrative(
      el('p', 'Lantern, the application that holds this record and made this document.')
    )
  }
}

function importantFirstLines(profile: Profile): string[] {
  const lines: string[] = []
  if (profile.centralLine === 'in-place') {
    lines.push(
      `Central line in place${profile.centralLineNotes ? `: ${profile.centralLineNotes}` : ''}${
        profile.centralLinePlacedOn ? ` (placed ${profile.centralLinePlacedOn})` : ''
      }.`
    )
  } else if (profile.centralLine === 'none') lines.push('No central line.')
  if (profile.shunt === 'in-place') {
    lines.push(`Shunt in place${profile.shuntNotes ? `: ${profile.shuntNotes}` : ''}.`)
  } else if (profile.shunt === 'none') lines.push('No shunt.')
  if (profile.spleen === 'removed') lines.push('Spleen removed.')
  else if (profile.spleen === 'not-working')
    lines.push('Spleen not working, as the care team said.')
  else if (profile.spleen === 'working') lines.push('Spleen working.')
  if (profile.feverThreshold) {
    lines.push(
      `Fever threshold given by the care team: ${profile.feverThreshold.value} °${profile.feverThreshold.unit}.`
    )
  }
  if (profile.teamPhone24h) lines.push(`Care team's 24-hour number: ${profile.teamPhone24h}.`)
  return lines
}

export function patientResource(
  ctx: { ids(key: string): { id: string } },
  profile: Profile
): Patient {
  const fever = profile.feverThreshold
  const person = {
    url: LANTERN_EXTENSION.person,
    extension: [
      ...sub('sex', codeOf(profile.sex)),
      ...sub('treatmentCompletedOn', dateOf(profile.treatmentCompletedOn)),
      ...sub('ongoingTherapy', stringOf(profile.ongoingTherapy)),
      ...sub('noKnownAllergies', boolOf(profile.noKnownAllergies)),
      ...sub('centralLine', codeOf(profile.centralLine)),
      ...sub('centralLineNotes', stringOf(profile.centralLineNotes)),
      ...sub('centralLinePlacedOn', dateOf(profile.centralLinePlacedOn)),
      ...sub('shunt', codeOf(profile.shunt)),
      ...sub('shuntNotes', stringOf(profile.shuntNotes)),
      ...sub('spleen', codeOf(profile.spleen)),
      ...sub('teamPhone24h', stringOf(profile.teamPhone24h)),
      ...(fever
        ? [
            {
              url: 'feverThreshold',
              valueQuantity: ucum(fever.value, TEMPERATURE_UCUM[fever.unit], `°${fever.unit}`)
            }
          ]
        : []),
      ...sub('isSample', boolOf(profile.isSample)),
      ...sub('createdAt', { instant: profile.createdAt }),
      ...sub('updatedAt', { instant: profile.updatedAt })
    ]
  }
  const telecom: Patient['telecom'] = [
    ...(profile.phone
      ? [{ system: 'phone' as const, value: profile.phone, use: 'home' as const }]
      : []),
    ...(profile.email
      ? [{ system: 'email' as const, value: profile.email, use: 'home' as const }]
      : [])
  ]
  const first = importantFirstLines(profile)
  return {
    resourceType: 'Patient',
    id: ctx.ids('patient').id,
    meta: { profile: [PROFILE.ipsPatient, PROFILE.mcodePatient, PROFILE.pcspPatient] },
    text: narrative(
      el('p', `${profile.displayName}`),
      el(
        'p',
        `Born: ${profile.dateOfBirth ?? 'not recorded'}. Sex: ${
          profile.sex ? labelMessages.sexes[profile.sex] : 'not recorded'
        }.`
      ),
      profile.treatmentCompletedOn &&
        el('p', `Treatment completed on ${profile.treatmentCompletedOn}.`),
      profile.ongoingTherapy && el('p', `Ongoing therapy: ${profile.ongoingTherapy}.`),
      first.length > 0 && el('ul', ...first.map((line) => el('li', line)))
    ),
    extension: [person],
    identifier: [{ system: LANTERN_IDENTIFIER.profile, value: profile.id }],
    // Lantern keeps one name as the person typed it, never split into given and family names:
    // those two say so with a data-absent reason of their own, since PanCareSurPass's Patient
    // requires both (and mCODE's us-core-6 then forbids the reason on the name as a whole).
    name: [personName(profile.displayName)],
    gender: profile.sex ? GENDER[profile.sex] : 'unknown',
    ...(profile.dateOfBirth
      ? { birthDate: profile.dateOfBirth }
      : { _birthDate: { extension: [DATA_ABSENT_UNKNOWN] } }),
    ...(telecom.length > 0 ? { telecom } : {})
  } as Patient
}

/** One AllergyIntolerance per allergy the family listed, in their order. */
export function allergyResources(ctx: ExportContext): AllergyIntolerance[] {
  const profile = ctx.input.profile
  return profile.allergies.map((allergy, index) => {
    const part = `allergies/${index}`
    return ctx.add({
      resourceType: 'AllergyIntolerance',
      id: ctx.ids(`person#${part}`).id,
      meta: { profile: [PROFILE.ipsAllergy] },
      text: narrative(
        el('p', `Allergy or intolerance: ${allergy.substance}.`),
        allergy.reaction && el('p', `Reaction: ${allergy.reaction}.`),
        el('p', 'Source: listed by the person or their family.')
      ),
      identifier: [partIdentifier(profile.id, part)],
      // Listed as a current allergy: the record holds no end to it.
      clinicalStatus: {
        coding: [{ system: SYSTEM.allergyClinical, code: 'active' }]
      },
      code: { text: allergy.substance },
      patient: ctx.subject,
      ...(allergy.reaction ? { reaction: [{ manifestation: [{ text: allergy.reaction }] }] } : {})
    })
  })
}
