/**
 * The export's input, and the context its builders share while one bundle is made: the
 * resources made so far, in bundle order, and the lookups that link them.
 */
import type { Device, Patient, Reference, Resource } from '@medplum/fhirtypes'
import type { CarePlan } from '../../shared/careplan.ts'
import type { PlanKept } from '../careplan/planState.ts'
import type { Profile } from '../../shared/contract.ts'
import type { RecordEntries } from '../../shared/record.ts'
import type { TreatmentSummary } from '../../shared/summary.ts'
import { idsFor, ref } from './common.ts'

/** A drug as the catalog describes it: codes only where the catalog confirms them. */
export interface FhirDrug {
  genericName: string
  codes?: {
    readonly rxnorm?: { readonly code: string }
    readonly atc?: { readonly code: string }
  }
}

export interface FhirExportInput {
  /** The person. */
  profile: Profile
  /** Every entry of their record, as listAllEntries returns them (care team included). */
  entries: RecordEntries
  /** The treatment summary the core computed: every total in the bundle comes from here. */
  summary: TreatmentSummary
  /** The care plan the core computed for this record. */
  carePlan: CarePlan
  /** What the plan does not show of the person's doings with it (planKept), for an import. */
  planKept: PlanKept
  /** The drug catalog (shippedDrugCatalog() fits). */
  drugs: { byId(id: string): FhirDrug | undefined }
  /** When the export is made (an ISO instant): the document's date and timestamp. */
  exportedAt: string
  /** The document's identifier; by default a UUID from the person and `exportedAt`. */
  documentId?: string
}

export interface BundleItem {
  fullUrl: string
  resource: Resource
}

export class ExportContext {
  readonly items: BundleItem[] = []
  /** The resource made from each record entry (the first, when an entry gives several). */
  readonly byEntry = new Map<string, Resource>()
  readonly patient: Patient
  readonly device: Device

  readonly input: FhirExportInput

  constructor(input: FhirExportInput, patient: Patient, device: Device) {
    this.input = input
    this.patient = patient
    this.device = device
  }

  get profileId(): string {
    return this.input.profile.id
  }

  /** The date of the export, for "has this ended yet". */
  get exportDate(): string {
    return this.input.exportedAt.slice(0, 10)
  }

  /** Ids for a resource, from a key unique within this person's export. */
  ids(key: string): { id: string; fullUrl: string } {
    return idsFor(`${this.profileId}/${key}`)
  }

  add<T extends Resource>(resource: T, entryId?: string): T {
    this.items.push({ fullUrl: `urn:uuid:${resource.id}`, resource })
    if (entryId !== undefined && !this.byEntry.has(entryId)) this.byEntry.set(entryId, resource)
    return resource
  }

  /** The reference to the resource made from an entry, if there is one. */
  entryRef(entryId: string | null | undefined, display?: string): Reference<never> | undefined {
    if (!entryId) return undefined
    const resource = this.byEntry.get(entryId)
    return resource ? ref(resource, display) : undefined
  }

  get subject(): Reference<never> {
    return ref(this.patient)
  }
}
