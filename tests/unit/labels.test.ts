/**
 * One catalogue of words per list of stored values: "cns" must not read "Central nervous system"
 * on one screen and "Brain and spinal fluid (CNS)" on another. These tests look through every
 * message catalogue for anything that labels one of the contract's lists of values.
 */
import { describe, expect, it } from 'vitest'
import { BODY_SYSTEMS, RESPONSIBLE } from '../../electron/shared/careplan.ts'
import {
  CELL_SOURCES,
  COMPLICATION_STATUSES,
  CONDITIONS,
  DRUG_CLASSES,
  FINDING_KINDS,
  GVHD_KINDS,
  GVHD_ORGANS,
  GVHD_STATUSES,
  INTENTS,
  LATERALITIES,
  PHASE_KINDS,
  PROCEDURE_KINDS,
  RADIATION_FIELDS,
  RECEPTOR_STATUSES,
  RELAPSE_SITES,
  ROUTES,
  SEXES,
  SUPPORTIVE_CARE_KINDS,
  TRANSPLANT_TYPES
} from '../../electron/shared/record.ts'
import { en } from '../../renderer/src/i18n/en.ts'
import { labelMessages } from '../../renderer/src/i18n/labels.ts'
import { label, options } from '../../renderer/src/lib/format.ts'

/** Every list of values a person can see, by the name of its catalogue in i18n/labels.ts. */
const LISTS: Record<string, readonly string[]> = {
  sexes: SEXES,
  conditions: CONDITIONS,
  receptorStatuses: RECEPTOR_STATUSES,
  findingKinds: FINDING_KINDS,
  lateralities: LATERALITIES,
  relapseSites: RELAPSE_SITES,
  phaseKinds: PHASE_KINDS,
  intents: INTENTS,
  routes: ROUTES,
  drugClasses: DRUG_CLASSES,
  radiationFields: RADIATION_FIELDS,
  transplantTypes: TRANSPLANT_TYPES,
  cellSources: CELL_SOURCES,
  gvhdKinds: GVHD_KINDS,
  gvhdStatuses: GVHD_STATUSES,
  gvhdOrgans: GVHD_ORGANS,
  procedureKinds: PROCEDURE_KINDS,
  supportiveCareKinds: SUPPORTIVE_CARE_KINDS,
  complicationStatuses: COMPLICATION_STATUSES
}

/** Lists of the care plan, labelled in its own catalogue (and nowhere else). */
const CARE_PLAN_LISTS: Record<string, readonly string[]> = {
  systems: BODY_SYSTEMS,
  responsible: RESPONSIBLE
}

/** A second form of a list's words, on purpose: short, for inside a line of text. */
const SHORT_FORMS = new Set(['labels.routesShort'])

interface Found {
  path: string
  labels: Record<string, string>
}

/**
 * Every object in the messages whose keys are values of `values` (at least two of them, and
 * nothing else): a catalogue of words for that list, wherever it sits.
 */
function catalogues(values: readonly string[]): Found[] {
  const found: Found[] = []
  const known = new Set(values)
  const walk = (node: unknown, path: string[]): void => {
    if (typeof node !== 'object' || node === null) return
    const entries = Object.entries(node as Record<string, unknown>)
    const keys = entries.map(([key]) => key)
    const isCatalogue =
      keys.length >= 2 &&
      keys.every((key) => known.has(key)) &&
      entries.every(([, value]) => typeof value === 'string')
    if (isCatalogue) {
      found.push({ path: path.join('.'), labels: Object.fromEntries(entries) as never })
      return
    }
    for (const [key, value] of entries) walk(value, [...path, key])
  }
  walk(en, [])
  return found
}

describe('the words for stored values', () => {
  const all = { ...LISTS, ...CARE_PLAN_LISTS }

  it.each(Object.keys(all))('no two catalogues label %s differently', (name) => {
    const found = catalogues(all[name]!).filter((c) => !SHORT_FORMS.has(c.path))
    const disagreements: string[] = []
    for (const value of all[name]!) {
      const words = new Map<string, string[]>()
      for (const c of found) {
        const text = c.labels[value]
        if (text !== undefined) words.set(text, [...(words.get(text) ?? []), c.path])
      }
      if (words.size > 1) {
        disagreements.push(
          `${value}: ${[...words].map(([text, paths]) => `"${text}" (${paths.join(', ')})`).join(' vs ')}`
        )
      }
    }
    expect(disagreements).toEqual([])
  })

  it.each(Object.keys(LISTS))(
    '%s has one catalogue, in labels, with words for every value',
    (name) => {
      const found = catalogues(LISTS[name]!).filter((c) => !SHORT_FORMS.has(c.path))
      expect(found.map((c) => c.path)).toEqual([`labels.${name}`])
      expect(Object.keys(found[0]!.labels).sort()).toEqual([...LISTS[name]!].sort())
    }
  )

  it.each(Object.keys(CARE_PLAN_LISTS))('the care plan’s %s have one catalogue', (name) => {
    const found = catalogues(CARE_PLAN_LISTS[name]!)
    expect(found.map((c) => c.path)).toEqual([`careplan.${name}`])
    expect(Object.keys(found[0]!.labels).sort()).toEqual([...CARE_PLAN_LISTS[name]!].sort())
  })

  it('has no catalogue for a list the contract does not have, and short routes for every route', () => {
    expect(Object.keys(labelMessages).sort()).toEqual([...Object.keys(LISTS), 'routesShort'].sort())
    expect(Object.keys(labelMessages.routesShort).sort()).toEqual([...ROUTES].sort())
  })

  it('reads every screen’s words from that one catalogue', () => {
    expect(label('relapseSites', 'cns')).toBe('Brain and spinal fluid (CNS)')
    expect(label('routesShort', 'oral')).toBe('by mouth')
    expect(label('sexes', null)).toBe('')
    // A value from a newer Lantern with no words yet shows as stored, never as a message key.
    expect(label('conditions', 'something-new')).toBe('something-new')
    expect(options('gvhdKinds', GVHD_KINDS)).toEqual([
      { value: 'acute', label: 'Acute' },
      { value: 'chronic', label: 'Chronic' }
    ])
  })
})
