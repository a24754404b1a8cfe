/**
 * The drug catalog: every anti-cancer agent the treatment record can name, with its class,
 * routes, the dose units a clinic letter uses for it, the published sources that name it, and
 * (where a source gives one) its usual single-dose range per unit, with its citation.
 *
 * The catalog is public data shipped in content/drugs/catalog.json. Every drug cites at least
 * one source; codes (RxNorm, ATC) appear only where a source confirmed them. This module
 * validates the file strictly, including its cross-references, and hands out a frozen catalog
 * with lookups. It never guesses: a catalog that fails any check is refused whole.
 */
import { readFileSync } from 'node:fs'
import { DOSE_UNITS } from '../../shared/limits.ts'
import { DRUG_CLASSES, ROUTES } from '../../shared/record.ts'
import { z } from 'zod'
import { sameKindOfUnit } from './unusualDose.ts'

export { DRUG_CLASSES }
export type DrugClass = (typeof DRUG_CLASSES)[number]

// Routes and units are the record's own, so a catalog drug and a recorded dose always agree.
export { DOSE_UNITS, type DoseUnit } from '../../shared/limits.ts'
export { ROUTES } from '../../shared/record.ts'
export type Route = (typeof ROUTES)[number]

/** Classes whose drugs must never list the intrathecal route: intrathecal vincristine is fatal. */
const NEVER_INTRATHECAL: readonly DrugClass[] = ['vinca-alkaloid']

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const name = z.string().trim().min(1, 'Names must not be empty.').max(120)
const sourceId = z.string().regex(kebab, 'Source ids are kebab-case.')

const sourceSchema = z
  .strictObject({
    organisation: z.string().trim().min(1, 'Name the organisation.').max(200),
    title: z.string().trim().min(1, 'Give the title.').max(300),
    /** The publisher's own edition or commit, where it has one. */
    version: z.string().trim().min(1).max(300).optional(),
    /** The date the publisher gives for the page (day or month), where it gives one. */
    updated: z
      .string()
      .regex(/^\d{4}-\d{2}(?:-\d{2})?$/, 'Use YYYY-MM-DD or YYYY-MM.')
      .optional(),
    /** The date the facts were taken. */
    accessed: z.iso.date('Use an ISO date (YYYY-MM-DD).'),
    url: z.url({ protocol: /^https$/, error: 'Use an https URL.' }).max(500)
  })
  .readonly()

const codeSchema = (pattern: RegExp, what: string) =>
  z
    .strictObject({
      code: z.string().regex(pattern, `Not a valid ${what} code.`),
      source: sourceId
    })
    .readonly()

/**
 * A usual single-dose range in one unit, read from a cited source (a drug label, NCI drug
 * information or a published protocol). Doses outside it are confirmed, not refused: see
 * unusualDose.ts. A drug with no sourced range has none.
 */
const usualDoseSchema = z
  .strictObject({
    unit: z.enum(DOSE_UNITS, {
      error: (issue) => `Unknown dose unit ${JSON.stringify(issue.input)}.`
    }),
    min: z.number().positive('A usual dose is more than zero.'),
    max: z.number().positive('A usual dose is more than zero.'),
    /** The routes the range is for; every route of the drug when absent. */
    routes: z
      .array(z.enum(ROUTES, { error: (issue) => `Unknown route ${JSON.stringify(issue.input)}.` }))
      .min(1, 'List at least one route, or leave the routes out.')
      .readonly()
      .optional(),
    source: sourceId,
    section: z.string().trim().min(1, 'Say where in the source.').max(200),
    /** How the range was read from the source, in Lantern's own words. */
    basis: z.string().trim().min(1, 'Say how the range was read from the source.').max(500)
  })
  .readonly()

const drugSchema = z
  .strictObject({
    id: z.string().regex(kebab, 'Drug ids are the kebab-case generic name.'),
    genericName: name,
    otherNames: z.array(name).readonly(),
    brandNames: z.array(name).readonly(),
    class: z.enum(DRUG_CLASSES, {
      error: (issue) => `Unknown drug class ${JSON.stringify(issue.input)}.`
    }),
    subclass: z.string().regex(kebab, 'Subclasses are kebab-case.').optional(),
    routes: z
      .array(z.enum(ROUTES, { error: (issue) => `Unknown route ${JSON.stringify(issue.input)}.` }))
      .min(1, 'List at least one route.')
      .readonly(),
    doseUnits: z
      .array(
        z.enum(DOSE_UNITS, {
          error: (issue) => `Unknown dose unit ${JSON.stringify(issue.input)}.`
        })
      )
      .min(1, 'List at least one dose unit.')
      .readonly(),
    codes: z
      .strictObject({
        rxnorm: codeSchema(/^[0-9]{1,9}$/, 'RxNorm').optional(),
        atc: codeSchema(/^[A-Z][0-9]{2}[A-Z]{2}[0-9]{2}$/, 'ATC').optional()
      })
      .readonly()
      .optional(),
    sources: z
      .array(
        z
          .strictObject({
            source: sourceId,
            section: z.string().trim().min(1, 'Say where in the source.').max(200)
          })
          .readonly()
      )
      .min(1, 'Every drug needs at least one source.')
      .readonly(),
    usualDoses: z.array(usualDoseSchema).readonly().optional()
  })
  .readonly()

const catalogSchema = z
  .strictObject({
    version: z.iso.date('The catalog version is an ISO date.'),
    sources: z.record(sourceId, sourceSchema).readonly(),
    drugs: z.array(drugSchema).min(1, 'The catalog lists no drugs.').readonly()
  })
  .superRefine((catalog, ctx) => {
    const fail = (path: PropertyKey[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message })
    const known = new Set(Object.keys(catalog.sources))
    const cited = new Set<string>()
    const ids = new Set<string>()
    const nameOwner = new Map<string, string>()

    catalog.drugs.forEach((drug, i) => {
      const at = (...rest: PropertyKey[]) => ['drugs', i, ...rest]
      if (ids.has(drug.id)) fail(at('id'), `Drug id "${drug.id}" appears more than once.`)
      ids.add(drug.id)

      const expectedId = normaliseName(drug.genericName).replaceAll(' ', '-')
      if (drug.id !== expectedId) {
        fail(at('id'), `Drug id "${drug.id}" should be "${expectedId}", its generic name.`)
      }

      for (const n of [drug.genericName, ...drug.otherNames, ...drug.brandNames]) {
        const key = normaliseName(n)
        const owner = nameOwner.get(key)
        if (owner === drug.id) {
          fail(at(), `Drug "${drug.id}" lists the name "${n}" twice.`)
        } else if (owner !== undefined) {
          fail(at(), `The name "${n}" belongs to both "${owner}" and "${drug.id}".`)
        } else {
          nameOwner.set(key, drug.id)
        }
      }

      if (new Set(drug.routes).size !== drug.routes.length) {
        fail(at('routes'), `Drug "${drug.id}" lists a route twice.`)
      }
      if (new Set(drug.doseUnits).size !== drug.doseUnits.length) {
        fail(at('doseUnits'), `Drug "${drug.id}" lists a dose unit twice.`)
      }
      if (NEVER_INTRATHECAL.includes(drug.class) && drug.routes.includes('intrathecal')) {
        fail(
          at('routes'),
          `Drug "${drug.id}" is a ${drug.class} and must never list the intrathecal route.`
        )
      }

      const places = new Set<string>()
      drug.sources.forEach(({ source, section }, j) => {
        cited.add(source)
        if (!known.has(source)) {
          fail(at('sources', j, 'source'), `Drug "${drug.id}" cites unknown source "${source}".`)
        }
        const place = `${source}\u0000${section}`
        if (places.has(place)) {
          fail(at('sources', j), `Drug "${drug.id}" cites "${source}" / "${section}" twice.`)
        }
        places.add(place)
      })

      drug.usualDoses?.forEach((range, j) => {
        const here = (...rest: PropertyKey[]) => at('usualDoses', j, ...rest)
        cited.add(range.source)
        if (!known.has(range.source)) {
          fail(
            here('source'),
            `Drug "${drug.id}": a usual dose cites unknown source "${range.source}".`
          )
        }
        if (range.min > range.max) {
          fail(
            here('min'),
            `Drug "${drug.id}": a usual dose range runs from ${range.min} down to ${range.max}.`
          )
        }
        if (!drug.doseUnits.some((unit) => sameKindOfUnit(unit, range.unit))) {
          fail(here('unit'), `Drug "${drug.id}" is not recorded in any unit like ${range.unit}.`)
        }
        for (const route of range.routes ?? []) {
          if (!drug.routes.includes(route)) {
            fail(here('routes'), `Drug "${drug.id}" is not given by the route "${route}".`)
          }
        }
        // Two ranges that could both apply to one dose would make the check ambiguous.
        drug.usualDoses?.slice(0, j).forEach((earlier) => {
          const sharedRoute =
            !range.routes ||
            !earlier.routes ||
            range.routes.some((r) => earlier.routes!.includes(r))
          if (sameKindOfUnit(earlier.unit, range.unit) && sharedRoute) {
            fail(
              here(),
              `Drug "${drug.id}" has two usual dose ranges for ${range.unit} by one route.`
            )
          }
        })
      })

      for (const system of ['rxnorm', 'atc'] as const) {
        const code = drug.codes?.[system]
        if (!code) continue
        cited.add(code.source)
        if (!known.has(code.source)) {
          fail(
            at('codes', system, 'source'),
            `Drug "${drug.id}": its ${system} code cites unknown source "${code.source}".`
          )
        }
      }
    })

    for (const id of known) {
      if (!cited.has(id)) fail(['sources', id], `Source "${id}" is not cited by any drug.`)
    }
  })
  .readonly()

type CatalogData = z.output<typeof catalogSchema>
export type Drug = CatalogData['drugs'][number]
export type DrugSource = CatalogData['sources'][string]
export type DrugCode = NonNullable<NonNullable<Drug['codes']>['atc']>

export interface DrugCatalog {
  readonly version: string
  readonly sources: CatalogData['sources']
  readonly drugs: CatalogData['drugs']
  /** The drug with this id, or undefined. */
  byId(id: string): Drug | undefined
  /**
   * Drugs whose generic, other or brand name matches the text, ignoring case, accents and
   * punctuation. Exact names come first, then names that start with the text, then names with
   * a word that starts with it, then names that merely contain it; ties in generic-name order.
   */
  search(text: string): readonly Drug[]
}

export class DrugCatalogError extends Error {
  readonly issues: readonly string[]
  constructor(issues: string[]) {
    super(`The drug catalog is invalid:\n- ${issues.join('\n- ')}`)
    this.name = 'DrugCatalogError'
    this.issues = Object.freeze([...issues])
  }
}

/** Lower case, no accents, and any run of other characters as one space: "6-MP" -> "6 mp". */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/**
 * Reads, validates and freezes a catalog file (to check an edited catalog; the app itself uses
 * shippedDrugCatalog()). Throws DrugCatalogError on any problem.
 */
export function loadDrugCatalog(file: string | URL): DrugCatalog {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new DrugCatalogError([`Cannot read ${String(file)}: ${(error as Error).message}`])
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new DrugCatalogError([`Not valid JSON: ${(error as Error).message}`])
  }
  return parseDrugCatalog(json)
}

/** Validates already-parsed JSON (e.g. bundled into the app) and returns the frozen catalog. */
export function parseDrugCatalog(json: unknown): DrugCatalog {
  const result = catalogSchema.safeParse(json)
  if (!result.success) {
    throw new DrugCatalogError(
      result.error.issues.map((issue) =>
        issue.path.length ? `${formatPath(issue.path)}: ${issue.message}` : issue.message
      )
    )
  }
  const data = result.data
  const byId = new Map(data.drugs.map((drug) => [drug.id, drug]))
  const index = data.drugs.map((drug) => ({
    drug,
    names: [drug.genericName, ...drug.otherNames, ...drug.brandNames].map((n) => {
      const spaced = normaliseName(n)
      return { spaced, compact: spaced.replaceAll(' ', '') }
    })
  }))

  return Object.freeze({
    version: data.version,
    sources: data.sources,
    drugs: data.drugs,
    byId: (id: string) => byId.get(id),
    search(text: string): readonly Drug[] {
      const query = normaliseName(text)
      if (!query) return Object.freeze([])
      const compact = query.replaceAll(' ', '')
      const ranked: { drug: Drug; rank: number }[] = []
      for (const { drug, names } of index) {
        let rank = Infinity
        for (const n of names) rank = Math.min(rank, matchRank(n, query, compact))
        if (rank !== Infinity) ranked.push({ drug, rank })
      }
      ranked.sort(
        (a, b) => a.rank - b.rank || a.drug.genericName.localeCompare(b.drug.genericName, 'en')
      )
      return Object.freeze(ranked.map((r) => r.drug))
    }
  })
}

function matchRank(name: { spaced: string; compact: string }, query: string, compact: string) {
  if (name.spaced === query || name.compact === compact) return 0
  if (name.spaced.startsWith(query) || name.compact.startsWith(compact)) return 1
  if (` ${name.spaced}`.includes(` ${query}`)) return 2
  if (name.compact.includes(compact)) return 3
  return Infinity
}

function formatPath(path: PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`
    )
    .join('')
}
