/**
 * One compact, readable line (and a quieter second line) for each kind of entry, as the
 * record's lists show them. `name` is the short name used in button labels and in "Deleted …".
 */
import type { DrugSummary } from '@shared/contract.ts'
import type { Entry, EntryKind } from '@shared/record.ts'
import { t } from '../../i18n/index.ts'
import { formatDate, formatDose, formatNumber, formatRange, label } from './format.ts'

export interface Description {
  title: string
  detail: string
  name: string
}

export interface Lookups {
  drug: (id: string) => DrugSummary | undefined
}

function join(parts: (string | null | undefined | false)[]): string {
  return parts.filter(Boolean).join(' · ')
}

function provenanceNote(entry: Entry<EntryKind>): string {
  return join([
    entry.source === 'clinic-letter' && t('record.provenance.fromLetter'),
    entry.checkedBy && t('record.provenance.checked', { name: entry.checkedBy })
  ])
}

type GvhdEpisode = Pick<Entry<'transplant'>['gvhd'][number], 'organs' | 'organsOther'>

function organWord(episode: GvhdEpisode, organ: string): string {
  return organ === 'other' && episode.organsOther ? episode.organsOther : label('gvhdOrgans', organ)
}

/** The organs of one GVHD episode in words; "other" reads as what the family wrote for it. */
export function gvhdOrgansText(episode: GvhdEpisode): string {
  return episode.organs.map((organ) => organWord(episode, organ)).join(', ')
}

/** "2 GVHD episodes: Skin, Lungs", each organ named once. */
function gvhdCountText(episodes: readonly GvhdEpisode[]): string {
  const count = episodes.length
  const words = new Set(episodes.flatMap((e) => e.organs.map((organ) => organWord(e, organ))))
  return words.size > 0
    ? t('record.transplant.gvhdCountOrgans', { count, organs: [...words].join(', ') })
    : t('record.transplant.gvhdCount', { count })
}

export function describeEntry(
  kind: EntryKind,
  entry: Entry<EntryKind>,
  lookups: Lookups
): Description {
  const d = describe(kind, entry, lookups)
  const note = provenanceNote(entry)
  return { ...d, detail: join([d.detail, note]) }
}

function describe(kind: EntryKind, entry: Entry<EntryKind>, lookups: Lookups): Description {
  switch (kind) {
    case 'measurement': {
      const m = entry as Entry<'measurement'>
      const what = join([
        m.heightCm != null && `${formatNumber(m.heightCm)} ${t('record.measurement.cm')}`,
        m.weightKg != null && `${formatNumber(m.weightKg)} ${t('record.measurement.kg')}`
      ])
      const date = formatDate(m.measuredOn)
      return { title: what, detail: date, name: t('record.measurement.summary', { what, date }) }
    }
    case 'diagnosis': {
      const d = entry as Entry<'diagnosis'>
      const name =
        d.condition === 'other' ? (d.conditionOther ?? '') : label('conditions', d.condition)
      return {
        title: name,
        detail: join([
          d.diagnosedOn &&
            t('record.diagnosis.diagnosedOnShort', { date: formatDate(d.diagnosedOn) }),
          d.riskGroup,
          d.immunophenotype,
          ...d.findings.map((f) => f.finding),
          d.cnsStatus,
          d.stage,
          d.institution
        ]),
        name
      }
    }
    case 'relapse': {
      const r = entry as Entry<'relapse'>
      const name = t('record.relapse.summary', {
        date: formatDate(r.relapsedOn) || t('record.unknownDate')
      })
      return {
        title: name,
        detail: join([
          r.sites
            .map((s) => (s === 'other' && r.siteOther ? r.siteOther : label('relapseSites', s)))
            .join(', '),
          r.treatmentAfter
        ]),
        name
      }
    }
    case 'phase': {
      const p = entry as Entry<'phase'>
      const name = p.name
        ? `${label('phaseKinds', p.kind)}: ${p.name}`
        : label('phaseKinds', p.kind)
      return {
        title: name,
        detail: join([formatRange(p.startedOn, p.endedOn), p.protocol, p.institution]),
        name
      }
    }
    case 'administration': {
      const a = entry as Entry<'administration'>
      const drug = lookups.drug(a.drugId)
      const name = drug?.genericName ?? a.drugId
      return {
        title: name,
        detail: join([
          formatDose(a),
          a.estimated && t('record.administration.estimatedShort'),
          a.confirmedUnusual && t('record.administration.confirmedUnusualShort')
        ]),
        name
      }
    }
    case 'radiation': {
      const r = entry as Entry<'radiation'>
      const name = r.field === 'other' ? (r.fieldOther ?? '') : label('radiationFields', r.field)
      const dose =
        r.totalDoseGy != null && r.fractions != null
          ? t('record.radiation.summary', {
              dose: formatNumber(r.totalDoseGy),
              fractions: r.fractions
            })
          : r.totalDoseGy != null
            ? `${formatNumber(r.totalDoseGy)} Gy`
            : ''
      return {
        title: name,
        detail: join([dose, formatRange(r.startedOn, r.endedOn), r.institution]),
        name
      }
    }
    case 'transplant': {
      const x = entry as Entry<'transplant'>
      const name = label('transplantTypes', x.type)
      return {
        title: name,
        detail: join([
          x.transplantedOn && formatDate(x.transplantedOn),
          x.donor,
          x.cellSource && label('cellSources', x.cellSource),
          x.gvhd.length > 0 && gvhdCountText(x.gvhd),
          x.noChronicGvhd && t('record.transplant.noChronicGvhdShort')
        ]),
        name
      }
    }
    case 'procedure': {
      const p = entry as Entry<'procedure'>
      return {
        title: p.name,
        detail: join([label('procedureKinds', p.kind), p.performedOn && formatDate(p.performedOn)]),
        name: p.name
      }
    }
    case 'supportiveCare': {
      const s = entry as Entry<'supportiveCare'>
      const name = label('supportiveCareKinds', s.kind)
      return {
        title: name,
        detail: join([
          s.count != null && t('record.supportiveCare.countShort', { count: s.count }),
          formatRange(s.startedOn, s.endedOn),
          s.details
        ]),
        name
      }
    }
    case 'complication': {
      const c = entry as Entry<'complication'>
      return {
        title: c.name,
        detail: join([
          c.grade != null && t('record.complication.gradeShort', { grade: c.grade }),
          formatRange(c.startedOn, c.endedOn),
          label('complicationStatuses', c.status)
        ]),
        name: c.name
      }
    }
    case 'careTeamMember': {
      const c = entry as Entry<'careTeamMember'>
      return {
        title: c.name,
        detail: join([
          c.role,
          c.institution,
          c.phone,
          c.email,
          c.coordinatesFollowUp && t('record.careTeam.coordinator')
        ]),
        name: c.name
      }
    }
  }
}
