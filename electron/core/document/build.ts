/**
 * Builds the document for doctors (electron/shared/document.ts) from the treatment summary and
 * the care plan the core already computed: no number is worked out again here, each is only
 * put into words, and only with electron/shared/format.ts, the functions the Summary screen
 * uses, so paper and screen print the same string for the same dose.
 *
 * The words are the screens' own (renderer/src/i18n/person.ts `summary`, careplan.ts) until the
 * Summary screen renders this model itself; the labels of stored values come from
 * electron/shared/labels.ts, which the screens read too.
 */
import {
  BODY_SYSTEMS,
  CARE_PLAN_DISCLAIMER,
  type CarePlan,
  type Citation,
  type PlanItem
} from '../../shared/careplan.ts'
import type {
  Block,
  ClinicalDocument,
  DocumentSection,
  KeyValue,
  Subsection,
  TableColumn,
  TableRow
} from '../../shared/document.ts'
import {
  formatAmount,
  formatDate,
  formatDateRange,
  formatNumber,
  formatUnit
} from '../../shared/format.ts'
import {
  bodySystemLabels,
  dueStateLabels,
  labelMessages,
  nextDueLabels,
  responsibleLabels
} from '../../shared/labels.ts'
import {
  centralLineLabels,
  shuntLabels,
  spleenLabels,
  temperatureUnitLabels
} from '../../shared/alertLabels.ts'
import type { Question } from '../../shared/library.ts'
import type { Entry } from '../../shared/record.ts'
import type {
  Exposure,
  NamedDoxorubicinEquivalentPart,
  TreatmentSummary
} from '../../shared/summary.ts'

export interface DocumentInput {
  summary: TreatmentSummary
  plan: CarePlan
  questions: Question[]
  /** The day the document is made (YYYY-MM-DD). */
  preparedOn: string
}

// ---- Words ----

const TITLE = 'Treatment summary and survivorship care plan'

/** Printed on every page; the full statement opens the care plan. */
export const FOOTER_PREPARED =
  'Prepared by the family with Lantern; not checked by a clinician unless signed below.'
export const FOOTER_NOT_ADVICE =
  'Not medical advice: the follow-up listed here comes from published guidelines, and the care team decides what is needed and when.'

/** Radiation a doctor must know about first: it reaches the heart, lungs or brain. */
const CHEST_OR_HEAD_FIELDS = new Set([
  'cranial',
  'craniospinal',
  'total-body',
  'chest',
  'breast-or-chest-wall'
])

type LabelGroup = keyof typeof labelMessages

/** The words for a stored value; a value from a newer Lantern shows as stored. */
export function label(group: LabelGroup, value: string | null | undefined): string {
  if (!value) return ''
  return (labelMessages[group] as Record<string, string>)[value] ?? value
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole
  )
}

function plural(count: number, one: string, other: string): string {
  return fill(count === 1 ? one : other, { count })
}

/** "Daunorubicin": a generic name at the start of a cell, as the screen writes it. */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('en') + text.slice(1)
}

function perM2Unit(baseUnit: string): string {
  return formatUnit(`${baseUnit}/m2`)
}

export function gy(dose: number): string {
  return `${formatAmount(dose)} Gy`
}

// ---- Small builders that leave empty parts out ----

function keyValues(items: (KeyValue | null | false | undefined)[]): Block[] {
  const kept = items.filter((kv): kv is KeyValue => !!kv && kv.value.trim() !== '')
  return kept.length > 0 ? [{ kind: 'keyValues', items: kept }] : []
}

function kv(key: string, value: string | null | undefined): KeyValue | null {
  return value ? { key, value } : null
}

function list(items: string[]): Block[] {
  const kept = items.filter((i) => i.trim() !== '')
  return kept.length > 0 ? [{ kind: 'list', items: kept }] : []
}

function paragraph(text: string, emphasis?: 'strong' | 'muted'): Block[] {
  if (!text) return []
  return [emphasis ? { kind: 'paragraph', text, emphasis } : { kind: 'paragraph', text }]
}

interface Column extends TableColumn {
  /** Left out when no row has anything in it. */
  optional?: boolean
}

function table(
  caption: string,
  columns: Column[],
  rows: TableRow[],
  notes: (string | null | false)[] = []
): Block[] {
  if (rows.length === 0) return []
  const keep = columns.map(
    (c, i) => !c.optional || rows.some((r) => (r.cells[i] ?? '').trim() !== '')
  )
  return [
    {
      kind: 'table',
      caption,
      columns: columns
        .filter((_, i) => keep[i])
        .map(({ label, align, weight, titled }) =>
          titled ? { label, align, weight, titled } : { label, align, weight }
        ),
      rows: rows.map((r) => {
        const cells = r.cells.filter((_, i) => keep[i])
        return r.marks && r.marks.length > 0 ? { cells, marks: r.marks } : { cells }
      }),
      notes: notes.filter((n): n is string => !!n)
    }
  ]
}

function subsection(title: string, blocks: Block[]): Subsection[] {
  return blocks.length > 0 ? [{ kind: 'subsection', title, blocks }] : []
}

function sectionOf(id: string, title: string, blocks: (Block | Subsection)[]): DocumentSection[] {
  return blocks.length > 0 ? [{ id, title, blocks }] : []
}

const left = (label: string, weight: number, optional = false): Column => ({
  label,
  align: 'left',
  weight,
  optional
})
const right = (label: string, weight: number, optional = false): Column => ({
  label,
  align: 'right',
  weight,
  optional
})

// ---- Important to know first ----

function transplantLine(t: Entry<'transplant'>): string {
  const type = label('transplantTypes', t.type)
  return t.transplantedOn
    ? `${type}, ${formatDate(t.transplantedOn)}`
    : `${type} (date not recorded)`
}

export function radiationArea(course: Entry<'radiation'>): string {
  return course.field === 'other' && course.fieldOther
    ? course.fieldOther
    : label('radiationFields', course.field)
}

function problemLine(problem: Entry<'complication'>): string {
  return [
    problem.name,
    problem.grade != null ? `grade ${problem.grade}` : '',
    problem.startedOn ? `since ${formatDate(problem.startedOn)}` : ''
  ]
    .filter(Boolean)
    .join(' · ')
}

function anthracyclineTotal(summary: TreatmentSummary): string {
  const a = summary.anthracycline
  if (!a) return ''
  const total = `${formatAmount(a.total)} ${perM2Unit('mg')}`
  const table = `factors from the table ${a.table.id}, ${a.table.version}`
  const higher = a.incomplete
    ? '; not every dose could be converted, so the real total is higher'
    : ''
  return `${total} (${table})${higher}`
}

/** The fever threshold as the family entered it from their care team; '' when they have not. */
export function feverThresholdText(summary: TreatmentSummary): string {
  const fever = summary.importantFirst.feverThreshold
  return fever ? `${formatNumber(fever.value)} ${temperatureUnitLabels[fever.unit]}` : ''
}

/**
 * What a doctor must see on page 1. Allergies, a central line or shunt in place, the spleen and
 * blood groups before and after a transplant join this list when the record holds them.
 */
export function importantFirst(summary: TreatmentSummary): KeyValue[] {
  const first = summary.importantFirst
  const coordinator = summary.careTeam.find((m) => m.coordinatesFollowUp)
  const radiation = summary.radiation
    .filter((r) => CHEST_OR_HEAD_FIELDS.has(r.field))
    .map((r) =>
      [radiationArea(r), r.totalDoseGy != null ? gy(r.totalDoseGy) : ''].filter(Boolean).join(', ')
    )
  // Unanswered is said as such: a doctor must not read "no allergies" into a blank.
  const allergies =
    first.allergyAnswer === 'listed'
      ? first.allergies
          .map((a) => (a.reaction ? `${a.substance} (${a.reaction})` : a.substance))
          .join('; ')
      : first.allergyAnswer === 'none-known'
        ? 'No known allergies'
        : 'Not recorded'
  const withNotes = (words: string, ...notes: (string | null)[]) =>
    [words, ...notes.filter((n): n is string => !!n)].join(', ')
  const line = first.centralLine.state
    ? first.centralLine.state === 'in-place'
      ? withNotes(
          centralLineLabels['in-place'],
          first.centralLine.notes,
          first.centralLine.placedOn ? `placed ${formatDate(first.centralLine.placedOn)}` : null
        )
      : centralLineLabels.none
    : 'Not recorded'
  const bloodGroups = (t: TreatmentSummary['importantFirst']['transplants'][number]) =>
    t.bloodGroupBefore || t.bloodGroupAfter
      ? `; blood group ${t.bloodGroupBefore ?? 'not recorded'} before, ${t.bloodGroupAfter ?? 'not recorded'} after`
      : ''
  const items: (KeyValue | null)[] = [
    kv('Allergies', allergies),
    kv('Central line', line),
    first.shunt.state === 'in-place'
      ? kv('Shunt', withNotes(shuntLabels['in-place'], first.shunt.notes))
      : null,
    kv('Spleen', first.spleen ? spleenLabels[first.spleen] : 'Not recorded'),
    ...summary.transplants.map((t) => {
      const groups = first.transplants.find((g) => g.transplantId === t.id)
      return kv('Stem cell transplant', transplantLine(t) + (groups ? bloodGroups(groups) : ''))
    }),
    kv('Anthracyclines, as doxorubicin', anthracyclineTotal(summary)),
    kv('Radiation to the chest or head', radiation.join('; ')),
    kv('Ongoing problems', summary.ongoingProblems.map(problemLine).join('; ')),
    kv('Ongoing therapy', summary.profile.ongoingTherapy),
    kv(
      'Coordinates follow-up',
      coordinator ? [coordinator.name, coordinator.phone].filter(Boolean).join(', ') : null
    ),
    kv('Care team, 24 hours', first.teamPhone24h),
    kv(
      'Fever threshold',
      feverThresholdText(summary) && `${feverThresholdText(summary)}, from the care team`
    )
  ]
  return items.filter((i): i is KeyValue => i !== null && i.value.trim() !== '')
}

// ---- Diagnoses ----

export function diagnosisName(d: Entry<'diagnosis'>): string {
  return d.condition === 'other' && d.conditionOther
    ? d.conditionOther
    : label('conditions', d.condition)
}

function receptors(d: Entry<'diagnosis'>): string {
  if (!d.erStatus && !d.prStatus && !d.her2Status) return ''
  const s = (v?: string | null) => label('receptorStatuses', v ?? 'unknown').toLowerCase()
  return `ER ${s(d.erStatus)}, PR ${s(d.prStatus)}, HER2 ${s(d.her2Status)}`
}

export function relapseSites(r: Entry<'relapse'>): string {
  return [
    ...r.sites.filter((s) => s !== 'other' || !r.siteOther).map((s) => label('relapseSites', s)),
    ...(r.siteOther ? [r.siteOther] : [])
  ].join(', ')
}

function diagnosesSection(summary: TreatmentSummary): DocumentSection[] {
  const k = summary.keyDates
  // Five short facts side by side: one row of a table, not five lines.
  const facts: [string, string][] = (
    [
      ['Sex', label('sexes', summary.profile.sex)],
      ['Diagnosed', formatDate(k.diagnosedOn)],
      ['Treatment started', formatDate(k.treatmentStartedOn)],
      ['Last dose', formatDate(k.lastDoseOn)],
      ['Treatment completed', formatDate(k.treatmentCompletedOn)]
    ] satisfies [string, string][]
  ).filter(([, value]) => value.trim() !== '')
  const overview = table(
    'Key dates',
    facts.map(([key]) => left(key, 1)),
    facts.length > 0 ? [{ cells: facts.map(([, value]) => value) }] : []
  )
  const each = summary.diagnoses.flatMap(({ diagnosis: d, ageAtDiagnosis, relapses }) => {
    const diagnosed = d.diagnosedOn
      ? ageAtDiagnosis === null
        ? `Diagnosed ${formatDate(d.diagnosedOn)}`
        : `Diagnosed ${formatDate(d.diagnosedOn)}, at age ${ageAtDiagnosis}`
      : ''
    const blocks: Block[] = [
      ...paragraph(diagnosed),
      ...keyValues([
        kv('Risk group', d.riskGroup),
        kv('Immunophenotype', d.immunophenotype),
        kv(
          'Findings',
          d.findings.map((f) => `${f.finding} (${label('findingKinds', f.kind)})`).join('; ')
        ),
        kv('CNS status', d.cnsStatus),
        kv('Receptors', receptors(d)),
        kv('Stage', d.stage),
        kv(
          'Side',
          d.laterality && d.laterality !== 'not-applicable'
            ? label('lateralities', d.laterality)
            : null
        ),
        kv('Spread to', d.metastasisSites.join(', ')),
        kv('Where', d.institution)
      ])
    ]
    for (const r of relapses) {
      blocks.push(
        ...paragraph(
          r.relapsedOn ? `Relapse ${formatDate(r.relapsedOn)}` : 'Relapse (date not recorded)',
          'strong'
        ),
        ...keyValues([kv('Sites', relapseSites(r)), kv('Treatment after', r.treatmentAfter)])
      )
    }
    return subsection(diagnosisName(d), blocks)
  })
  return sectionOf('diagnoses', 'Diagnosis', [...overview, ...each])
}

// ---- Treatment ----

/** Intrathecal doses are set by age, not body size: a per-m² figure would mislead. */
function showPerM2(e: Exposure): boolean {
  return e.route !== 'intrathecal'
}

function notConverted(e: Exposure): number {
  return showPerM2(e) ? Math.max(e.unconvertedAbsolute, e.unconvertedPerM2) : e.unconvertedAbsolute
}

/** Which height and weight converted the doses: the screen's words, inside a note's sentence. */
function measurementNote(e: Exposure): string {
  const used = e.measurementsUsed
  if (!showPerM2(e) || used.length === 0) return ''
  if (used.length === 1) {
    const { heightFrom, weightFrom } = used[0]!
    if (heightFrom && weightFrom && heightFrom !== weightFrom) {
      return `converted with the height of ${formatDate(heightFrom)} and the weight of ${formatDate(weightFrom)}`
    }
    return `converted with the measurement of ${formatDate(weightFrom ?? heightFrom)}`
  }
  const dates = used.flatMap((m) => [m.heightFrom, m.weightFrom]).filter((d) => d !== null)
  dates.sort()
  return `converted with the measurements of ${formatDate(dates[0]!)} to ${formatDate(dates.at(-1)!)}`
}

export const MARK_ESTIMATED = 'estimated'
export const MARK_INCOMPLETE = 'incomplete'
const MARK_UNUSUAL = 'unusual dose confirmed'

/**
 * An agent's cumulative doses as every variant prints them (the Summary screen's strings): per
 * m² ('' for intrathecal doses, set by age) and in total.
 */
export function doseTexts(e: Exposure): { perM2: string; total: string } {
  return {
    perM2: showPerM2(e) ? `${formatAmount(e.perM2Total)} ${perM2Unit(e.baseUnit)}` : '',
    total: `${formatAmount(e.absoluteTotal)} ${e.baseUnit}`
  }
}

function agentsTable(summary: TreatmentSummary): Block[] {
  const rowNotes: string[] = []
  const rows = summary.exposures.map((e): TableRow => {
    const agent = capitalise(e.drugName)
    const route = capitalise(label('routesShort', e.route))
    const name = `${agent}, ${label('routesShort', e.route)}`
    const marks: string[] = []
    const details: string[] = []
    if (e.estimatedDoses > 0) {
      marks.push(MARK_ESTIMATED)
      details.push(
        plural(
          e.estimatedDoses,
          'includes {count} estimated dose',
          'includes {count} estimated doses'
        )
      )
    }
    const missing = notConverted(e)
    if (missing > 0) {
      marks.push(MARK_INCOMPLETE)
      details.push(
        plural(
          missing,
          '{count} dose not converted: no height or weight recorded near that date',
          '{count} doses not converted: no height or weight recorded near that date'
        )
      )
    }
    if (e.confirmedUnusual.length > 0) {
      marks.push(MARK_UNUSUAL)
      for (const u of e.confirmedUnusual) {
        details.push(
          `includes ${formatAmount(u.dose)} ${formatUnit(u.unit)} on ${formatDate(u.date)}: unusual, confirmed as right`
        )
      }
    }
    const measured = measurementNote(e)
    if (measured) details.push(measured)
    if (details.length > 0) rowNotes.push(`${name}: ${details.join('; ')}.`)
    return {
      cells: [
        agent,
        label('drugClasses', e.drugClass),
        route,
        doseTexts(e).perM2,
        doseTexts(e).total,
        String(e.doses),
        formatDate(e.firstDate),
        formatDate(e.lastDate)
      ],
      marks
    }
  })
  const used = new Set(rows.flatMap((r) => r.marks ?? []))
  return table(
    'Cumulative dose of each medicine, by route, in order of first dose',
    [
      left('Agent', 3),
      left('Class', 2.5),
      left('Route', 1.5),
      right('Cumulative dose per m²', 2, true),
      right('Cumulative dose', 2),
      right('Doses', 1),
      left('First', 1.6),
      left('Last', 1.6)
    ],
    rows,
    [
      used.has(MARK_ESTIMATED) &&
        `“${MARK_ESTIMATED}”: some doses in the total are the family’s best estimate, not from a clinic record.`,
      used.has(MARK_INCOMPLETE) &&
        `“${MARK_INCOMPLETE}”: some doses could not be converted, because no height or weight was recorded near their date, so the real total is higher.`,
      used.has(MARK_UNUSUAL) &&
        `“${MARK_UNUSUAL}”: a dose outside the usual range was checked and confirmed as right by the family.`,
      summary.exposures.some((e) => e.route === 'intrathecal') &&
        'Intrathecal doses are set by age, not body size, so only their total is shown.',
      ...rowNotes
    ]
  )
}

function doxorubicinTable(summary: TreatmentSummary): Block[] {
  const a = summary.anthracycline
  if (!a || a.parts.length === 0) return []
  const parts: NamedDoxorubicinEquivalentPart[] = a.parts
  const mgM2 = perM2Unit('mg')
  const rows: TableRow[] = parts.map((part) => ({
    cells: [
      capitalise(part.drugName),
      `${formatAmount(part.perM2)} ${mgM2}`,
      part.factor !== null ? `× ${formatAmount(part.factor)}` : 'no factor in the table',
      part.equivalent !== null ? `${formatAmount(part.equivalent)} ${mgM2}` : ''
    ]
  }))
  rows.push({ cells: ['Total, as doxorubicin', '', '', `${formatAmount(a.total)} ${mgM2}`] })
  return table(
    'Anthracyclines converted to doxorubicin-equivalent doses',
    [
      left('Agent', 3),
      right('Cumulative dose', 2),
      right('Factor', 1.5),
      right('Doxorubicin equivalent', 2)
    ],
    rows,
    [
      `Factors from the table ${a.table.id}, ${a.table.version}. The care plan uses the same table.`,
      ...parts.map(
        (part) => part.factorSource && `${capitalise(part.drugName)} factor: ${part.factorSource}`
      ),
      a.incomplete &&
        'Not every dose could be converted (a height, a weight or a factor is missing), so the real total is higher.'
    ]
  )
}

function gvhdLine(g: Entry<'transplant'>['gvhd'][number]): string {
  const organs = g.organs
    .map((organ) =>
      organ === 'other' && g.organsOther ? g.organsOther : label('gvhdOrgans', organ)
    )
    .join(', ')
  return [
    label('gvhdKinds', g.kind),
    organs,
    g.grade ? `grade ${g.grade}` : '',
    g.startedOn ? `since ${formatDate(g.startedOn)}` : '',
    label('gvhdStatuses', g.status)
  ]
    .filter(Boolean)
    .join(', ')
}

function transplantBlocks(t: Entry<'transplant'>): Block[] {
  const gvhd = [
    ...t.gvhd.map(gvhdLine),
    ...(t.noChronicGvhd ? ['No chronic GVHD after this transplant'] : [])
  ]
  return [
    ...paragraph(transplantLine(t), 'strong'),
    ...keyValues([
      kv('Donor', t.donor),
      kv('Source of cells', label('cellSources', t.cellSource)),
      kv('Conditioning', t.conditioning),
      kv('Graft-versus-host disease', gvhd.length > 0 ? gvhd.join('; ') : 'None recorded'),
      kv('Where', t.institution)
    ])
  ]
}

function treatmentSection(summary: TreatmentSummary): DocumentSection[] {
  const phases = table(
    'Treatment phases and lines of therapy, in order',
    [left('Phase', 3), left('Dates', 3), left('Protocol or trial', 4, true)],
    summary.phases.map((p) => ({
      cells: [
        p.name || label('phaseKinds', p.kind),
        formatDateRange(p.startedOn, p.endedOn),
        p.protocol ?? ''
      ]
    }))
  )
  const medicines: Block[] = [
    ...(summary.bodySizeMissing
      ? paragraph(
          'Some doses could not be added up because no height or weight was recorded near their date.',
          'muted'
        )
      : []),
    ...agentsTable(summary),
    ...(summary.intrathecalInjections > 0
      ? paragraph(
          `Intrathecal injections: ${summary.intrathecalInjections}. Lumbar punctures with medicine given into the spinal fluid.`
        )
      : [])
  ]
  const radiation = table(
    'Radiation courses',
    [
      left('Area treated', 3),
      right('Total dose', 1.5, true),
      right('Fractions', 1.2, true),
      left('Dates', 3, true)
    ],
    summary.radiation.map((r) => ({
      cells: [
        r.transplantId ? `${radiationArea(r)} (part of transplant conditioning)` : radiationArea(r),
        r.totalDoseGy != null ? gy(r.totalDoseGy) : '',
        r.fractions != null ? String(r.fractions) : '',
        formatDateRange(r.startedOn, r.endedOn)
      ]
    }))
  )
  const procedures = list(
    summary.procedures.map((p) =>
      [p.name, p.performedOn ? formatDate(p.performedOn) : ''].filter(Boolean).join(' · ')
    )
  )
  const supportive = list(
    summary.supportiveCare.map((s) =>
      [
        label('supportiveCareKinds', s.kind),
        s.count != null ? plural(s.count, '{count} time', '{count} times') : '',
        formatDateRange(s.startedOn, s.endedOn),
        s.details ?? ''
      ]
        .filter(Boolean)
        .join(' · ')
    )
  )
  const complications = table(
    'Side effects and complications, ongoing and resolved',
    [left('Complication', 4), right('Grade', 1, true), left('Dates', 3, true), left('Status', 1.5)],
    summary.complications.map((c) => ({
      cells: [
        c.name,
        c.grade != null ? String(c.grade) : '',
        formatDateRange(c.startedOn, c.endedOn),
        label('complicationStatuses', c.status)
      ]
    }))
  )
  return sectionOf('treatment', 'Treatment', [
    ...subsection('Treatment phases', phases),
    ...subsection('Medicines and cumulative doses', medicines),
    ...subsection('Anthracyclines as doxorubicin equivalent', doxorubicinTable(summary)),
    ...subsection('Radiation', radiation),
    ...subsection('Stem cell transplant', summary.transplants.flatMap(transplantBlocks)),
    ...subsection('Surgery and procedures', procedures),
    ...subsection('Supportive care and transfusions', supportive),
    ...subsection('Side effects and complications', complications)
  ])
}

// ---- Care team ----

function careTeamSection(summary: TreatmentSummary): DocumentSection[] {
  const coordinates = 'coordinates follow-up'
  const rows = summary.careTeam.map((m): TableRow => ({
    cells: [m.name, m.role ?? '', m.institution ?? '', m.phone ?? '', m.email ?? ''],
    ...(m.coordinatesFollowUp ? { marks: [coordinates] } : {})
  }))
  return sectionOf(
    'care-team',
    'Care team',
    table(
      'The care team, with who coordinates follow-up first',
      [
        left('Name', 3),
        left('Role', 3, true),
        left('Where', 3, true),
        left('Phone', 2, true),
        left('Email', 3, true)
      ],
      rows,
      [
        summary.careTeam.some((m) => m.coordinatesFollowUp) &&
          `“${coordinates}”: the person to call first about follow-up.`
      ]
    )
  )
}

// ---- Care plan and references ----

/**
 * Numbers each cited document in order of first use: the reference list names each once, with
 * its organisation, version and address; an item cites the number with the section it uses.
 */
class References {
  private readonly numbers = new Map<string, number>()
  readonly items: { number: number; text: string }[] = []

  numberOf(c: Citation): number {
    const key = [c.organisation, c.document, c.version, c.url].join('\u0000')
    let number = this.numbers.get(key)
    if (number === undefined) {
      number = this.items.length + 1
      this.numbers.set(key, number)
      this.items.push({ number, text: documentText(c) })
    }
    return number
  }

  /** "[3, Recommendation 15]": the document's number and the part of it the item relies on. */
  cite(c: Citation): string {
    const number = this.numberOf(c)
    return c.section ? `[${number}, ${c.section}]` : `[${number}]`
  }
}

function documentText(c: Citation): string {
  return `${c.organisation}: ${c.document}. Version: ${c.version}. Address: ${c.url}`
}

/**
 * The screen's "No record of this being done. It was due from …, before Lantern listed it." in
 * a narrow table column: the date first, and what a doctor needs to know about it.
 */
const NO_RECORD_ON_PAPER = 'Due from {date}; no record of it being done.'

export function nextDueText(item: PlanItem): string {
  const date = formatDate(item.nextDue)
  const w = nextDueLabels
  switch (item.dueState) {
    case 'overdue':
      return date ? fill(w.overdue, { date }) : dueStateLabels.overdue
    case 'no-record':
      if (!date) return dueStateLabels['no-record']
      return fill(item.completions.length > 0 ? w.noRecordSince : NO_RECORD_ON_PAPER, { date })
    case 'due-soon':
      return date ? fill(w.dueSoon, { date }) : dueStateLabels['due-soon']
    case 'scheduled':
      return date ? fill(w.scheduled, { date }) : dueStateLabels.scheduled
    case 'snoozed': {
      const until = formatDate(item.snoozedUntil ?? item.nextDue)
      if (!until) return dueStateLabels.snoozed
      return date && item.snoozedUntil && item.nextDue && item.nextDue < item.snoozedUntil
        ? fill(w.snoozedWasDue, { date: until, due: date })
        : fill(w.snoozed, { date: until })
    }
    case 'complete':
      return w.complete
    case 'needs-date':
      return w.needsDate
    case 'no-schedule':
      return date ? fill(w.scheduled, { date }) : w.noSchedule
  }
}

function hasNextDue(item: PlanItem): boolean {
  if (item.kind === 'ask' && item.nextDue === null) return false
  return !(item.dueState === 'no-schedule' && item.nextDue === null)
}

function frequencyText(item: PlanItem): string {
  if (item.kind === 'ask') return nextDueLabels.askNoSchedule
  if (item.frequency) return item.frequency
  return hasNextDue(item) ? 'No set schedule' : nextDueLabels.topicNoSchedule
}

/** When the next date counts from a check done on an unknown day, the screen says so. */
function undatedBasis(item: PlanItem): string {
  const last = item.completions[0]
  if (!last || last.dateKnown || item.nextDue === null) return ''
  return fill(nextDueLabels.fromUndated, { date: formatDate(last.notedOn) })
}

function lastDoneText(item: PlanItem): string {
  const done = item.completions[0]
  if (!done) return ''
  return done.dateKnown
    ? `Last done ${formatDate(done.doneOn)}.`
    : `Last done on a day not known (noted ${formatDate(done.notedOn)}).`
}

const MARK_UNCONFIRMED = 'unconfirmed'
/** nextDueLabels.topicNoSchedule, inside a sentence. */
const TOPIC_NO_SCHEDULE = 'no set schedule: bring it up at a follow-up visit.'

/**
 * The title, then what it looks for, each starting a line; a topic says what it covers, since
 * it has no check to name.
 */
function itemCell(item: PlanItem, withWhat: boolean): string {
  return [
    item.title,
    item.concern ? `Looks for: ${item.concern}` : '',
    withWhat ? item.what : '',
    item.missing.length > 0 ? `Lantern needs: ${item.missing.join('; ')}` : ''
  ]
    .filter(Boolean)
    .join('\n')
}

/**
 * The exposures that put the item in the plan, one a line. A line another line already says
 * in full ("Doxorubicin 75 mg/m² at age 4." beside the anthracycline total that names it) is
 * printed once: two rules matched the same treatment.
 */
function whyCell(item: PlanItem): string {
  const bare = (line: string) => line.trim().replace(/\.$/, '')
  const lines = [...new Set(item.why.map((l) => l.trim()).filter(Boolean))]
  return lines
    .filter(
      (line, i) =>
        !lines.some(
          (other, j) => j !== i && other.includes(bare(line)) && other.length > line.length
        )
    )
    .join('\n')
}

function sourcesCell(item: PlanItem, refs: References): string {
  return item.citations.map((c) => refs.cite(c)).join('; ')
}

function marked(item: PlanItem, cells: string[]): TableRow {
  return item.status === 'UNCONFIRMED' ? { cells, marks: [MARK_UNCONFIRMED] } : { cells }
}

function checkRow(item: PlanItem, refs: References): TableRow {
  return marked(item, [
    itemCell(item, false),
    whyCell(item),
    frequencyText(item),
    [nextDueText(item), undatedBasis(item), lastDoneText(item)].filter(Boolean).join(' '),
    responsibleLabels[item.responsible],
    sourcesCell(item, refs)
  ])
}

/**
 * A topic in one cell: its title, what it covers, why it is in this plan and, when the source
 * gives one, how often; most have no schedule, which the table's note says once.
 */
function topicRow(item: PlanItem, refs: References): TableRow {
  const often = item.kind === 'ask' || item.frequency ? frequencyText(item) : ''
  return marked(item, [
    [
      itemCell(item, true),
      `Why: ${whyCell(item).split('\n').join(' ')}`,
      often ? `How often: ${often}` : ''
    ]
      .filter(Boolean)
      .join('\n'),
    responsibleLabels[item.responsible],
    sourcesCell(item, refs)
  ])
}

const titled = (label: string, weight: number): Column => ({ ...left(label, weight), titled: true })

/** The checks with a schedule: the rows a doctor acts on, with when each is next due. */
function checksTable(system: string, items: PlanItem[], refs: References): Block[] {
  return table(
    `${system}: checks with a schedule`,
    [
      titled('Check and what it looks for', 2.2),
      left('Why (this person’s treatment)', 2.2),
      left('How often', 1.5),
      left('Next due', 1.2),
      left('Who', 0.8),
      left('Sources', 3.2)
    ],
    items.map((i) => checkRow(i, refs)),
    planMarkNotes(items)
  )
}

/** Subjects to cover with no date to keep: the same facts, without a next-due column. */
function topicsTable(caption: string, heading: string, items: PlanItem[], refs: References) {
  return table(
    caption,
    [titled(heading, 5), left('Who', 0.8), left('Sources', 2.2)],
    items.map((i) => topicRow(i, refs)),
    planMarkNotes(items)
  )
}

function planMarkNotes(items: PlanItem[]): (string | false)[] {
  return [
    items.some((i) => i.status === 'UNCONFIRMED') &&
      `“${MARK_UNCONFIRMED}”: Lantern’s team could not confirm the schedule in the source, so no schedule is shown. Ask the care team whether this applies.`
  ]
}

/** Rules that may apply but are unconfirmed or lack information: topics, not checks. */
function isTopicToAsk(item: PlanItem): boolean {
  return item.kind === 'ask' || item.kind === 'needs-data'
}

function carePlanSection(plan: CarePlan, refs: References): DocumentSection[] {
  // Dismissed items are not printed: the family decided, with a reason, that they do not apply.
  const active = plan.items.filter((i) => !i.dismissed)
  if (active.length === 0) return []
  const groups = BODY_SYSTEMS.flatMap((system) => {
    const items = active.filter(
      (i) => !isTopicToAsk(i) && (BODY_SYSTEMS.includes(i.system) ? i.system : 'other') === system
    )
    const name = bodySystemLabels[system]
    return subsection(name, [
      ...checksTable(
        name,
        items.filter((i) => hasNextDue(i)),
        refs
      ),
      ...topicsTable(
        `${name}: topics without a set date`,
        'Topic and what it covers',
        items.filter((i) => !hasNextDue(i)),
        refs
      )
    ])
  })
  const ask = active.filter(isTopicToAsk)
  const anthracycline = plan.anthracycline
  return sectionOf('care-plan', 'Survivorship care plan', [
    ...paragraph(CARE_PLAN_DISCLAIMER, 'strong'),
    ...paragraph(
      `Worked out on ${formatDate(plan.asOf)} from the treatment record, with Lantern’s rules version ${plan.rulesVersion}, checked against their sources on ${formatDate(plan.rulesCheckedOn)}.`,
      'muted'
    ),
    ...(anthracycline
      ? paragraph(
          `Anthracycline total used for this plan: ${formatAmount(anthracycline.doxorubicinEquivalentMgM2)} ${perM2Unit('mg')}, counted as doxorubicin (table ${anthracycline.table.id}, ${anthracycline.table.version}).`,
          'muted'
        )
      : []),
    ...plan.notes.flatMap((n) => paragraph(n, 'muted')),
    // Said once here rather than under every topics table.
    ...(active.some((i) => !isTopicToAsk(i) && !hasNextDue(i) && !i.frequency)
      ? paragraph(`A topic with no “How often” has ${TOPIC_NO_SCHEDULE}`, 'muted')
      : []),
    ...groups,
    ...subsection(
      'Topics to ask about',
      ask.length > 0
        ? [
            ...paragraph(
              'These may apply but have no confirmed schedule, or need information the record lacks: raise them with the care team.',
              'muted'
            ),
            ...topicsTable('Topics to ask the care team about', 'Topic and what to ask', ask, refs)
          ]
        : []
    )
  ])
}

// ---- Questions, review, references ----

function reviewSection(plan: CarePlan): DocumentSection[] {
  return sectionOf('review', 'Reviewed with a clinician', [
    ...list(
      plan.reviews.map((r) =>
        [`Reviewed with ${r.reviewedWith} on ${formatDate(r.reviewedOn)}`, r.note ?? '']
          .filter(Boolean)
          .join(' · ')
      )
    ),
    {
      kind: 'signature',
      lines: [
        'Reviewed with ______________________________ on ________________',
        'Signature ______________________________',
        'Name and role, in capitals ______________________________'
      ]
    }
  ])
}

/**
 * The full document: page 1's alerts, the diagnoses, the treatment, the care team, the care
 * plan, the person's questions, a line to sign, and the sources the plan cites, each once.
 */
export function buildClinicalDocument(input: DocumentInput): ClinicalDocument {
  const { summary, plan, questions } = input
  const refs = new References()
  const sections: DocumentSection[] = [
    ...sectionOf('important', 'Important to know first', keyValues(importantFirst(summary))),
    ...diagnosesSection(summary),
    ...treatmentSection(summary),
    ...careTeamSection(summary),
    // Numbers the citations as the plan is read: before the reference list is made.
    ...carePlanSection(plan, refs),
    ...sectionOf('questions', 'Questions for the care team', list(questions.map((q) => q.text))),
    ...reviewSection(plan),
    ...sectionOf(
      'references',
      'References',
      refs.items.length > 0 ? [{ kind: 'references', items: refs.items }] : []
    )
  ]
  return {
    variant: 'full',
    title: TITLE,
    person: {
      name: summary.profile.displayName,
      dateOfBirth: formatDate(summary.profile.dateOfBirth) || 'Not recorded'
    },
    preparedOn: formatDate(input.preparedOn),
    runningFooter: [FOOTER_PREPARED, FOOTER_NOT_ADVICE],
    sections
  }
}
