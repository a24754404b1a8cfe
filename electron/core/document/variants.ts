/**
 * The two short variants of the document for doctors, from the same summary and plan as the
 * full one (build.ts) and with its strings: the one-page summary, for an emergency department
 * or a new family doctor, and the wallet card.
 *
 * Fitting one page: only the writer knows how tall a block is on A4 or Letter, so the builder
 * does not guess. It marks which sections may give way and in which order (DocumentSection
 * `fit`); the writer lays the page out, and while it would need a second page it shortens or
 * leaves out the next section in that order, then adds `leftOut` naming what went. Free text is
 * clipped here, so one long note cannot push the alerts off the page.
 */
import type { CarePlan, PlanItem } from '../../shared/careplan.ts'
import type {
  Block,
  ClinicalDocument,
  DocumentSection,
  DocumentVariant,
  KeyValue,
  TableRow
} from '../../shared/document.ts'
import { formatDate } from '../../shared/format.ts'
import type { TreatmentSummary } from '../../shared/summary.ts'
import {
  buildClinicalDocument,
  capitalise,
  diagnosisName,
  doseTexts,
  feverThresholdText,
  FOOTER_NOT_ADVICE,
  FOOTER_PREPARED,
  gy,
  importantFirst,
  label,
  MARK_ESTIMATED,
  MARK_INCOMPLETE,
  nextDueText,
  radiationArea,
  relapseSites,
  type DocumentInput
} from './build.ts'

/** Any variant: the one the export dialog chose. */
export function buildDocument(input: DocumentInput, variant: DocumentVariant): ClinicalDocument {
  switch (variant) {
    case 'full':
      return buildClinicalDocument(input)
    case 'one-page':
      return buildOnePageDocument(input)
    case 'card':
      return buildCardDocument(input)
  }
}

// ---- One-page summary ----

const ONE_PAGE_TITLE = 'Treatment summary on one page'
/** A value longer than this is cut, with this ending: the full summary has it whole. */
const CLIP_AT = 280
const CLIPPED = '… (continued in the full summary)'
const SOONEST = 3
/** Care team members listed with their numbers; the rest are counted. */
const MAX_PHONES = 6
/** importantFirst's key for chest or head radiation: said with dates in the radiation table. */
const RADIATION_ALERT = 'Radiation to the chest or head'
const COORDINATOR_ALERT = 'Coordinates follow-up'

function clip(text: string): string {
  if (text.length <= CLIP_AT) return text
  const cut = text.slice(0, CLIP_AT - CLIPPED.length)
  const space = cut.lastIndexOf(' ')
  return `${(space > CLIP_AT / 2 ? cut.slice(0, space) : cut).trimEnd()}${CLIPPED}`
}

function keyValue(key: string, value: string): KeyValue | null {
  return value.trim() ? { key, value: clip(value) } : null
}

function present<T>(items: (T | null)[]): T[] {
  return items.filter((i): i is T => i !== null)
}

/** Each diagnosis in bold with its date and age, then its risk group and relapses. */
function diagnosisBlocks(summary: TreatmentSummary): Block[] {
  const blocks: Block[] = summary.diagnoses.flatMap(
    ({ diagnosis: d, ageAtDiagnosis, relapses }) => {
      const when = d.diagnosedOn
        ? ageAtDiagnosis === null
          ? `diagnosed ${formatDate(d.diagnosedOn)}`
          : `diagnosed ${formatDate(d.diagnosedOn)}, at age ${ageAtDiagnosis}`
        : 'date of diagnosis not recorded'
      const items = present([
        keyValue('Risk group', d.riskGroup ?? ''),
        ...relapses.map((r) =>
          keyValue(
            r.relapsedOn ? `Relapse ${formatDate(r.relapsedOn)}` : 'Relapse (date not recorded)',
            relapseSites(r) || 'Sites not recorded'
          )
        )
      ])
      return [
        { kind: 'paragraph', text: clip(`${diagnosisName(d)}, ${when}`), emphasis: 'strong' },
        ...(items.length > 0 ? [{ kind: 'keyValues', items } satisfies Block] : [])
      ]
    }
  )
  if (blocks.length === 0) blocks.push({ kind: 'paragraph', text: 'Not recorded' })
  const completed = formatDate(summary.keyDates.treatmentCompletedOn)
  if (completed) {
    // Joins the last diagnosis's list rather than starting a block of its own.
    const item = { key: 'Treatment completed', value: completed }
    const last = blocks[blocks.length - 1]
    if (last?.kind === 'keyValues') last.items.push(item)
    else blocks.push({ kind: 'keyValues', items: [item] })
  }
  return blocks
}

function tableBlock(
  caption: string,
  columns: [label: string, align: 'left' | 'right', weight: number][],
  rows: TableRow[],
  notes: string[] = []
): Block[] {
  if (rows.length === 0) return []
  return [
    {
      kind: 'table',
      caption,
      columns: columns.map(([label, align, weight]) => ({ label, align, weight })),
      rows: rows.map((r) => ({ ...r, cells: r.cells.map(clip) })),
      notes
    }
  ]
}

function exposureBlocks(summary: TreatmentSummary): Block[] {
  const marks = new Set<string>()
  const rows = summary.exposures.map((e): TableRow => {
    const rowMarks = [
      ...(e.estimatedDoses > 0 ? [MARK_ESTIMATED] : []),
      ...(e.unconvertedAbsolute > 0 || e.unconvertedPerM2 > 0 ? [MARK_INCOMPLETE] : [])
    ]
    rowMarks.forEach((m) => marks.add(m))
    const dose = doseTexts(e)
    return {
      cells: [
        capitalise(e.drugName),
        capitalise(label('routesShort', e.route)),
        dose.perM2,
        dose.total
      ],
      ...(rowMarks.length > 0 ? { marks: rowMarks } : {})
    }
  })
  return tableBlock(
    'Cumulative dose of each medicine, by route, in order of first dose',
    [
      ['Agent', 'left', 3],
      ['Route', 'left', 1.4],
      ['Cumulative dose per m²', 'right', 2],
      ['Cumulative dose', 'right', 2]
    ],
    rows,
    [
      ...(marks.has(MARK_ESTIMATED)
        ? [`“${MARK_ESTIMATED}”: includes doses the family estimated.`]
        : []),
      ...(marks.has(MARK_INCOMPLETE)
        ? [`“${MARK_INCOMPLETE}”: some doses could not be converted; the real total is higher.`]
        : [])
    ]
  )
}

function radiationBlocks(summary: TreatmentSummary): Block[] {
  return tableBlock(
    'Radiation courses',
    [
      ['Area treated', 'left', 3],
      ['Total dose', 'right', 1.3],
      ['Dates', 'left', 2.5]
    ],
    summary.radiation.map((r) => ({
      cells: [
        r.transplantId ? `${radiationArea(r)} (transplant conditioning)` : radiationArea(r),
        r.totalDoseGy != null ? gy(r.totalDoseGy) : '',
        [formatDate(r.startedOn), formatDate(r.endedOn)].filter(Boolean).join(' to ')
      ]
    }))
  )
}

/** The follow-up items due soonest: dated, not dismissed, earliest first. */
export function soonestItems(plan: CarePlan, count = SOONEST): PlanItem[] {
  return plan.items
    .filter((i) => !i.dismissed && i.nextDue !== null)
    .sort((a, b) => a.nextDue!.localeCompare(b.nextDue!) || a.title.localeCompare(b.title))
    .slice(0, count)
}

function followUpBlocks(plan: CarePlan): Block[] {
  return tableBlock(
    'The follow-up items due soonest',
    [
      ['Follow-up', 'left', 2.6],
      ['Next due', 'left', 2.4]
    ],
    soonestItems(plan).map((i) => ({ cells: [i.title, nextDueText(i)] }))
  )
}

/**
 * Who to call, one a line, the follow-up coordinator first (the summary's order): in the alerts
 * in place of the coordinator's line, so the numbers stay whatever else gives way.
 */
function careTeamPhones(summary: TreatmentSummary): KeyValue | null {
  const lines = summary.careTeam
    .filter((m) => m.phone || m.coordinatesFollowUp)
    .map((m) =>
      clip(
        `${[m.name, m.role].filter(Boolean).join(', ')}${m.coordinatesFollowUp ? ' (coordinates follow-up)' : ''}: ${m.phone ?? 'no phone recorded'}`
      )
    )
  if (lines.length > MAX_PHONES) {
    lines.splice(
      MAX_PHONES - 1,
      Infinity,
      `${lines.length - MAX_PHONES + 1} more: see the full summary`
    )
  }
  return lines.length > 0 ? { key: 'Care team phone numbers', value: lines.join('\n') } : null
}

function section(
  id: string,
  title: string,
  blocks: Block[],
  fit?: DocumentSection['fit']
): DocumentSection[] {
  if (blocks.length === 0) return []
  return [fit ? { id, title, blocks, fit } : { id, title, blocks }]
}

/**
 * The one-page summary. Allergies, a transplant with its blood groups and ongoing problems are
 * in the alerts (importantFirst), as on the full document's page 1, so they are not said twice;
 * so are the care team's phone numbers. Radiation is in its own table, with dates. When the page
 * is full, the follow-up items go first (the soonest one last), then medicines beyond the first five, each said in the
 * closing line or the table's last row; the diagnosis, the alerts and radiation always stay.
 */
export function buildOnePageDocument(input: DocumentInput): ClinicalDocument {
  const { summary, plan } = input
  const preparedOn = formatDate(input.preparedOn)
  // Radiation has its own table here, with every course's dose and dates; the care team's
  // numbers include the coordinator's, so that line goes.
  const phones = careTeamPhones(summary)
  const alerts = present(
    importantFirst(summary)
      .filter((i) => summary.radiation.length === 0 || i.key !== RADIATION_ALERT)
      .filter((i) => !phones || i.key !== COORDINATOR_ALERT)
      .map((i) => keyValue(i.key, i.value))
  )
  // Last, after the 24-hour number and the fever threshold: the first call in an emergency.
  if (phones) alerts.push(phones)
  const sections: DocumentSection[] = [
    ...section('diagnoses', 'Diagnosis', diagnosisBlocks(summary)),
    ...section('important', 'Important to know first', [{ kind: 'keyValues', items: alerts }]),
    ...section('medicines', 'Medicines and cumulative doses', exposureBlocks(summary), {
      rank: 2,
      rows: { min: 5, more: '{count} more medicines: see the full summary' }
    }),
    ...section('radiation', 'Radiation', radiationBlocks(summary)),
    ...section('follow-up', 'Follow-up due soonest', followUpBlocks(plan), {
      rank: 1,
      rows: { min: 1, more: 'Next: see the full summary' }
    }),
    {
      // No heading: one closing line.
      id: 'continued',
      title: '',
      blocks: [
        {
          kind: 'paragraph',
          text: `Continued in the full summary prepared ${preparedOn}, with every dose, date and source.`,
          emphasis: 'muted'
        }
      ]
    }
  ]
  return {
    variant: 'one-page',
    title: ONE_PAGE_TITLE,
    person: person(summary),
    preparedOn,
    runningFooter: [FOOTER_PREPARED, FOOTER_NOT_ADVICE],
    sections,
    leftOut: 'Left out of this page for room, and in the full summary: {parts}.'
  }
}

function person(summary: TreatmentSummary): ClinicalDocument['person'] {
  return {
    name: summary.profile.displayName,
    dateOfBirth: formatDate(summary.profile.dateOfBirth) || 'Not recorded'
  }
}

// ---- Wallet card ----

const CARD_TITLE = 'Wallet card'
const WRITE_IT_HERE = 'Ask your care team and write it here'
export const CARD_INSTRUCTIONS =
  'Print at 100% (actual size); cut along the dashed lines; fold along the dotted line, so each side of the card faces out.'

function yesNo(value: boolean | null): string {
  return value === null ? 'Not recorded' : value ? 'Yes' : 'No'
}

/**
 * The wallet card: the front says who and what (name, date of birth, diagnosis), the back what
 * matters in an emergency, as the family recorded it. The 24-hour number and the fever threshold
 * are the family's, from their care team; where they have not entered them, the card leaves a
 * line to write on and says where to get them. Lantern never supplies either.
 */
export function buildCardDocument(input: DocumentInput): ClinicalDocument {
  const { summary } = input
  const first = summary.importantFirst
  const who = person(summary)
  const diagnoses = summary.diagnoses.map(({ diagnosis: d }) =>
    d.diagnosedOn ? `${diagnosisName(d)}\ndiagnosed ${formatDate(d.diagnosedOn)}` : diagnosisName(d)
  )
  const transplant =
    summary.transplants.length > 0
      ? `Yes: ${summary.transplants
          .map((t) =>
            [label('transplantTypes', t.type).toLocaleLowerCase('en'), formatDate(t.transplantedOn)]
              .filter(Boolean)
              .join(', ')
          )
          .join('; ')}`
      : 'None recorded'
  const spleen = first.spleen === null ? null : first.spleen !== 'working'
  const phone = first.teamPhone24h
  const fever = feverThresholdText(summary)
  const writeIn = (key: string, value: string): KeyValue =>
    value ? { key, value } : { key, value: WRITE_IT_HERE, writeIn: true }
  return {
    variant: 'card',
    title: CARD_TITLE,
    person: who,
    preparedOn: formatDate(input.preparedOn),
    runningFooter: [FOOTER_PREPARED],
    sections: [
      {
        id: 'instructions',
        title: CARD_TITLE,
        blocks: [{ kind: 'paragraph', text: CARD_INSTRUCTIONS }]
      },
      {
        id: 'card-front',
        title: 'Treated for cancer: medical information',
        blocks: [
          {
            kind: 'keyValues',
            items: [
              { key: 'Name', value: who.name },
              { key: 'Date of birth', value: who.dateOfBirth },
              { key: 'Diagnosis', value: diagnoses.join('\n') || 'Not recorded' }
            ]
          }
        ]
      },
      {
        id: 'card-back',
        title: 'In an emergency',
        blocks: [
          {
            kind: 'keyValues',
            items: [
              {
                key: 'Central line',
                value: first.centralLine.state
                  ? yesNo(first.centralLine.state === 'in-place')
                  : yesNo(null)
              },
              { key: 'Transplant', value: transplant },
              { key: 'No working spleen', value: yesNo(spleen) },
              writeIn('Care team, 24 hours', phone ?? ''),
              writeIn('Fever threshold (from the care team)', fever)
            ]
          }
        ]
      }
    ]
  }
}
