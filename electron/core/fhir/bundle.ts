/**
 * One person's record as a FHIR R4 document: a Bundle of type `document` shaped as an
 * International Patient Summary, with mCODE profiles for the cancer parts and the
 * PanCareSurPass patterns for cumulative doses and the care plan.
 *
 * Pure: the caller passes the record, the summary and the care plan the core computed; nothing
 * here reads the vault or the network. The same input always gives the same bundle, byte for
 * byte: every id is a name-based UUID from the person and the entry, and the only things that
 * change from one export to the next are `exportedAt` and what is derived from it (the
 * document's date, timestamp and default identifier).
 */
import type { Bundle, Provenance, Resource } from '@medplum/fhirtypes'
import type { SOURCES } from '../../shared/record.ts'
import {
  LANTERN_EXTENSION,
  LANTERN_IDENTIFIER,
  PROFILE,
  SOURCE_WORDS,
  el,
  nameUuid,
  narrative,
  ref,
  type Ref
} from './common.ts'
import { carePlanResource, careTeamResources } from './careplan.ts'
import { compositionResource } from './composition.ts'
import { conditionResources } from './conditions.ts'
import { ExportContext, type FhirExportInput } from './context.ts'
import { medicationResources } from './medications.ts'
import { measurementResources } from './observations.ts'
import { allergyResources, lanternDevice, patientResource } from './patient.ts'
import { procedureResources } from './procedures.ts'

export type { FhirDrug, FhirExportInput } from './context.ts'

type Source = (typeof SOURCES)[number]

/** Where a resource came from, read back from the extension every builder writes. */
function sourceOf(resource: Resource): { source: Source; updatedAt: string | null } | null {
  const extensions = 'extension' in resource ? (resource.extension ?? []) : []
  for (const e of extensions) {
    if (e.url === LANTERN_EXTENSION.computed) return { source: 'computed', updatedAt: null }
    if (e.url === LANTERN_EXTENSION.entry) {
      const field = (name: string) => e.extension?.find((x) => x.url === name)
      return {
        source: field('source')!.valueCode as Source,
        updatedAt: field('updatedAt')?.valueInstant ?? null
      }
    }
  }
  return null
}

/**
 * One Provenance per source (typed by the family, copied from a clinic letter, computed by
 * Lantern), targeting every resource that came from it. Each resource also carries its own
 * source in the entry extension, which is what an import reads.
 */
function provenanceResources(ctx: ExportContext): Provenance[] {
  const groups = new Map<Source, { targets: Ref[]; latest: string | null }>()
  for (const { resource } of ctx.items) {
    const found = sourceOf(resource)
    if (!found) continue
    let group = groups.get(found.source)
    if (!group) groups.set(found.source, (group = { targets: [], latest: null }))
    group.targets.push(ref(resource))
    if (found.updatedAt && (!group.latest || found.updatedAt > group.latest)) {
      group.latest = found.updatedAt
    }
  }
  const order: Source[] = ['typed', 'clinic-letter', 'computed']
  return order
    .filter((source) => groups.has(source))
    .map((source) => {
      const { targets, latest } = groups.get(source)!
      const byLantern = source === 'computed'
      return ctx.add<Provenance>({
        resourceType: 'Provenance',
        id: ctx.ids(`computed/provenance#${source}`).id,
        text: narrative(el('p', `${SOURCE_WORDS[source]}: ${targets.length} resources.`)),
        target: targets,
        // When the last of these was recorded (the export itself, for what Lantern computed).
        recorded: latest ?? ctx.input.exportedAt,
        activity: { text: SOURCE_WORDS[source] },
        agent: [
          {
            type: { text: 'Author' },
            who: byLantern
              ? ref(ctx.device, 'Lantern')
              : ref(ctx.patient, 'The person or their family')
          }
        ],
        ...(source === 'clinic-letter'
          ? { entity: [{ role: 'source' as const, what: { display: 'A letter from the clinic' } }] }
          : {})
      } satisfies Provenance)
    })
}

/** Drops properties left undefined by the builders, as JSON would. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

/**
 * The file export.fhir saves: the bundle as compact UTF-8 JSON. Indented, a long record's file
 * was nearly twice the size (7.1 MB against 3.8 MB for 2,000 doses); the systems that read
 * FHIR do not need the indentation.
 */
export function fhirFile(bundle: Bundle): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(bundle))
}

export function fhirBundle(input: FhirExportInput): Bundle {
  if (!INSTANT.test(input.exportedAt)) {
    throw new Error(`exportedAt must be an ISO instant with a time zone, not ${input.exportedAt}`)
  }
  const profileId = input.profile.id
  const key = (k: string) => ({ id: nameUuid(`${profileId}/${k}`) })
  const ctx = new ExportContext(
    input,
    patientResource({ ids: key }, input.profile),
    lanternDevice(key('device'))
  )
  ctx.add(ctx.patient)
  ctx.add(ctx.device)
  const documentId = input.documentId ?? nameUuid(`${profileId}/document/${input.exportedAt}`)

  const allergies = allergyResources(ctx)
  const conditions = conditionResources(ctx)
  const reasons = conditions.diagnoses.map((d) => ref(d))
  const procedures = procedureResources(ctx, reasons)
  const vitalSigns = measurementResources(ctx)
  const medications = medicationResources(ctx, reasons)
  const careTeam = careTeamResources(ctx)
  const carePlan = carePlanResource(ctx, {
    addresses: reasons,
    careTeam,
    doxorubicinEquivalent: medications.doxorubicinEquivalent,
    supportingInfo: [...procedures.radiation, ...procedures.transplants].map((p) => ref(p))
  })
  const provenance = provenanceResources(ctx)

  const isOngoing = (r: Resource) =>
    r.resourceType === 'Condition' && r.clinicalStatus?.coding?.[0]?.code !== 'resolved'
  const gvhd = ctx.items
    .map((i) => i.resource)
    .filter((r) => r.resourceType === 'Condition' && r.identifier?.[0]?.value?.includes('#gvhd/'))
  const composition = compositionResource(
    ctx,
    {
      problems: [
        ...conditions.diagnoses,
        ...conditions.metastases,
        ...conditions.relapses,
        ...conditions.complications.filter(isOngoing),
        ...gvhd.filter(isOngoing)
      ],
      pastProblems: [
        ...conditions.complications.filter((c) => !isOngoing(c)),
        ...gvhd.filter((c) => !isOngoing(c))
      ],
      allergies,
      medications: medications.statements,
      procedures: [
        ...procedures.phases,
        ...procedures.radiation,
        ...procedures.transplants,
        ...procedures.procedures,
        ...procedures.supportiveCare
      ],
      vitalSigns,
      planOfCare: careTeam ? [carePlan, careTeam] : [carePlan],
      provenance
    },
    documentId
  )

  return plain({
    resourceType: 'Bundle',
    id: nameUuid(`${profileId}/bundle/${documentId}`),
    meta: { profile: [PROFILE.ipsBundle] },
    identifier: { system: LANTERN_IDENTIFIER.document, value: documentId },
    type: 'document',
    timestamp: input.exportedAt,
    entry: [
      { fullUrl: `urn:uuid:${composition.id}`, resource: composition },
      ...ctx.items.map((item) => ({ fullUrl: item.fullUrl, resource: item.resource }))
    ]
  } satisfies Bundle)
}
