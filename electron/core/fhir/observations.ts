/**
 * Body measurements as vital-sign Observations: height (LOINC 8302-2) and weight (29463-7) as
 * the family recorded them, and body surface area (8277-6, mCODE) worked out from a height and a
 * weight measured the same day, with the core's own Mosteller formula.
 */
import type { Observation } from '@medplum/fhirtypes'
import { mostellerBsa } from '../record/bodySize.ts'
import {
  PROFILE,
  SYSTEM,
  computedExtension,
  computedIdentifier,
  el,
  entryExtension,
  narrative,
  notesOf,
  partIdentifier,
  ref,
  ucum
} from './common.ts'
import type { ExportContext } from './context.ts'

/** The codes the vital-sign profiles fix (FHIR R4 bodyheight and bodyweight, mCODE BSA). */
export const VITAL_SIGN_CODES = {
  height: { system: SYSTEM.loinc, code: '8302-2', display: 'Body height' },
  weight: { system: SYSTEM.loinc, code: '29463-7', display: 'Body weight' },
  bsa: { system: SYSTEM.loinc, code: '8277-6', display: 'Body surface area' }
} as const

const VITAL_SIGNS = {
  coding: [{ system: SYSTEM.observationCategory, code: 'vital-signs', display: 'Vital Signs' }]
}

/** Body surface area is shown to two decimals (m²), as dose calculations are usually written. */
function roundBsa(m2: number): number {
  return Math.round(m2 * 100) / 100
}

export function measurementResources(ctx: ExportContext): Observation[] {
  const out: Observation[] = []
  for (const m of ctx.input.entries.measurement) {
    const made: Observation[] = []
    const vital = (
      part: 'heightCm' | 'weightKg',
      code: (typeof VITAL_SIGN_CODES)['height' | 'weight'],
      profile: string,
      value: number,
      unit: string
    ): Observation => ({
      resourceType: 'Observation',
      id: ctx.ids(`entry/${m.id}#${part}`).id,
      meta: { profile: [profile] },
      extension: [entryExtension('measurement', m, [], part)],
      identifier: [partIdentifier(m.id, part)],
      status: 'final',
      category: [VITAL_SIGNS],
      code: { coding: [code], text: code.display },
      subject: ctx.subject,
      effectiveDateTime: m.measuredOn,
      valueQuantity: ucum(value, unit),
      note: notesOf(m)
    })
    if (m.heightCm != null) {
      made.push(vital('heightCm', VITAL_SIGN_CODES.height, PROFILE.bodyHeight, m.heightCm, 'cm'))
    }
    if (m.weightKg != null) {
      made.push(vital('weightKg', VITAL_SIGN_CODES.weight, PROFILE.bodyWeight, m.weightKg, 'kg'))
    }
    if (m.heightCm != null && m.weightKg != null) {
      const bsa = roundBsa(mostellerBsa(m.heightCm, m.weightKg))
      made.push({
        resourceType: 'Observation',
        id: ctx.ids(`computed/bsa#${m.id}`).id,
        meta: { profile: [PROFILE.mcodeBodySurfaceArea] },
        text: narrative(
          el(
            'p',
            `Body surface area ${bsa} m² on ${m.measuredOn}, worked out by Lantern from the height and weight measured that day (Mosteller formula).`
          )
        ),
        extension: [computedExtension('bodySurfaceArea')],
        identifier: [computedIdentifier('bodySurfaceArea', m.id)],
        status: 'final',
        category: [VITAL_SIGNS],
        code: { coding: [VITAL_SIGN_CODES.bsa], text: VITAL_SIGN_CODES.bsa.display },
        subject: ctx.subject,
        effectiveDateTime: m.measuredOn,
        valueQuantity: ucum(bsa, 'm2', 'm²'),
        method: { text: 'Mosteller formula: square root of (height in cm × weight in kg / 3600)' },
        derivedFrom: made.map((o) => ref(o))
      })
    }
    for (const o of made) out.push(ctx.add(o, m.id))
  }
  return out
}
