/**
 * Storage for every kind of record entry. One description per kind says which field lives in
 * which column; the same few functions then list, save and delete any kind, with bound
 * parameters only (table and column names come from the descriptions below, never from input).
 */
import { randomUUID } from 'node:crypto'
import { ENTRY_KINDS, type Entry, type EntryKind, type RecordEntries } from '../../shared/record.ts'
import { CoreError } from '../errors.ts'
import type { Db } from '../vault/database.ts'
import { cachedStatement } from '../vault/statements.ts'

type ColumnType = 'text' | 'real' | 'int' | 'bool' | 'json'
type Column = readonly [field: string, column: string, type: ColumnType]

interface TableSpec {
  table: string
  columns: readonly Column[]
  orderBy: string
  /** Columns computed from the entry, for sorting and indexes. */
  derived?: (entry: Record<string, unknown>) => Record<string, unknown>
}

const COMMON: readonly Column[] = [
  ['id', 'id', 'text'],
  ['profileId', 'profile_id', 'text'],
  ['source', 'source', 'text'],
  ['checkedBy', 'checked_by', 'text'],
  ['checkedOn', 'checked_on', 'text'],
  ['notes', 'notes', 'text'],
  ['createdAt', 'created_at', 'text'],
  ['updatedAt', 'updated_at', 'text']
]

const SPECS: Record<EntryKind, TableSpec> = {
  measurement: {
    table: 'measurements',
    columns: [
      ['measuredOn', 'measured_on', 'text'],
      ['heightCm', 'height_cm', 'real'],
      ['weightKg', 'weight_kg', 'real']
    ],
    orderBy: 'measured_on'
  },
  diagnosis: {
    table: 'diagnoses',
    columns: [
      ['condition', 'condition', 'text'],
      ['conditionOther', 'condition_other', 'text'],
      ['diagnosedOn', 'diagnosed_on', 'text'],
      ['institution', 'institution', 'text'],
      ['laterality', 'laterality', 'text'],
      ['riskGroup', 'risk_group', 'text'],
      ['immunophenotype', 'immunophenotype', 'text'],
      ['findings', 'findings', 'json'],
      ['cnsStatus', 'cns_status', 'text'],
      ['erStatus', 'er_status', 'text'],
      ['prStatus', 'pr_status', 'text'],
      ['her2Status', 'her2_status', 'text'],
      ['stage', 'stage', 'text'],
      ['metastasisSites', 'metastasis_sites', 'json']
    ],
    orderBy: 'diagnosed_on'
  },
  relapse: {
    table: 'relapses',
    columns: [
      ['diagnosisId', 'diagnosis_id', 'text'],
      ['relapsedOn', 'relapsed_on', 'text'],
      ['sites', 'sites', 'json'],
      ['siteOther', 'site_other', 'text'],
      ['treatmentAfter', 'treatment_after', 'text']
    ],
    orderBy: 'relapsed_on'
  },
  careTeamMember: {
    table: 'care_team',
    columns: [
      ['name', 'name', 'text'],
      ['role', 'role', 'text'],
      ['institution', 'institution', 'text'],
      ['phone', 'phone', 'text'],
      ['email', 'email', 'text'],
      ['coordinatesFollowUp', 'coordinates_follow_up', 'bool']
    ],
    orderBy: 'coordinates_follow_up DESC, name'
  },
  phase: {
    table: 'treatment_phases',
    columns: [
      ['kind', 'kind', 'text'],
      ['name', 'name', 'text'],
      ['startedOn', 'started_on', 'text'],
      ['endedOn', 'ended_on', 'text'],
      ['protocol', 'protocol', 'text'],
      ['institution', 'institution', 'text'],
      ['intent', 'intent', 'text']
    ],
    orderBy: 'started_on'
  },
  administration: {
    table: 'drug_administrations',
    columns: [
      ['phaseId', 'phase_id', 'text'],
      ['transplantId', 'transplant_id', 'text'],
      ['drugId', 'drug_id', 'text'],
      ['route', 'route', 'text'],
      ['dose', 'dose', 'real'],
      ['unit', 'dose_unit', 'text'],
      ['schedule', 'schedule', 'json'],
      ['estimated', 'estimated', 'bool'],
      ['confirmedUnusual', 'confirmed_unusual', 'bool']
    ],
    orderBy: 'first_on',
    derived: (entry) => {
      const schedule = entry.schedule as { kind: string; date?: string; start?: string }
      return { first_on: schedule.kind === 'once' ? schedule.date : schedule.start }
    }
  },
  radiation: {
    table: 'radiation_courses',
    columns: [
      ['transplantId', 'transplant_id', 'text'],
      ['field', 'field', 'text'],
      ['fieldOther', 'field_other', 'text'],
      ['totalDoseGy', 'total_dose_gy', 'real'],
      ['fractions', 'fractions', 'int'],
      ['startedOn', 'started_on', 'text'],
      ['endedOn', 'ended_on', 'text'],
      ['institution', 'institution', 'text']
    ],
    orderBy: 'started_on'
  },
  transplant: {
    table: 'transplants',
    columns: [
      ['type', 'type', 'text'],
      ['donor', 'donor', 'text'],
      ['cellSource', 'cell_source', 'text'],
      ['transplantedOn', 'transplanted_on', 'text'],
      ['institution', 'institution', 'text'],
      ['conditioning', 'conditioning', 'text'],
      ['gvhd', 'gvhd', 'json'],
      ['noChronicGvhd', 'no_chronic_gvhd', 'bool'],
      ['bloodGroupBefore', 'blood_group_before', 'text'],
      ['bloodGroupAfter', 'blood_group_after', 'text']
    ],
    orderBy: 'transplanted_on'
  },
  procedure: {
    table: 'procedures',
    columns: [
      ['kind', 'kind', 'text'],
      ['name', 'name', 'text'],
      ['performedOn', 'performed_on', 'text']
    ],
    orderBy: 'performed_on'
  },
  supportiveCare: {
    table: 'supportive_care',
    columns: [
      ['kind', 'kind', 'text'],
      ['count', 'count', 'int'],
      ['startedOn', 'started_on', 'text'],
      ['endedOn', 'ended_on', 'text'],
      ['details', 'details', 'text']
    ],
    orderBy: 'started_on'
  },
  complication: {
    table: 'complications',
    columns: [
      ['name', 'name', 'text'],
      ['grade', 'grade', 'int'],
      ['startedOn', 'started_on', 'text'],
      ['endedOn', 'ended_on', 'text'],
      ['status', 'status', 'text']
    ],
    orderBy: 'started_on'
  }
}

function toColumn(value: unknown, type: ColumnType): unknown {
  if (value === undefined || value === null) return type === 'json' ? '[]' : null
  if (type === 'json') return JSON.stringify(value)
  if (type === 'bool') return value ? 1 : 0
  return value
}

function fromColumn(value: unknown, type: ColumnType): unknown {
  if (type === 'json') return JSON.parse(value as string)
  if (type === 'bool') return value === 1
  return value
}

/** Each kind's columns with the common ones first, worked out once rather than per row read. */
const ROW_COLUMNS = new Map<EntryKind, readonly Column[]>(
  ENTRY_KINDS.map((kind) => [kind, [...COMMON, ...SPECS[kind].columns]])
)

function rowToEntry<K extends EntryKind>(kind: K, row: Record<string, unknown>): Entry<K> {
  const entry: Record<string, unknown> = {}
  for (const [field, column, type] of ROW_COLUMNS.get(kind)!) {
    entry[field] = fromColumn(row[column], type)
  }
  return entry as Entry<K>
}

export function listEntries<K extends EntryKind>(db: Db, kind: K, profileId: string): Entry<K>[] {
  const spec = SPECS[kind]
  // NULL dates sort last, then by creation, so the order is stable and matches how people add things.
  const rows = db
    .prepare(
      `SELECT * FROM ${spec.table} WHERE profile_id = ? ORDER BY ${spec.orderBy} IS NULL, ${spec.orderBy}, created_at, rowid`
    )
    .all(profileId) as Record<string, unknown>[]
  return rows.map((row) => rowToEntry(kind, row))
}

/** Every entry of one person's record, by kind, each list in listEntries' order. */
export function listAllEntries(db: Db, profileId: string): RecordEntries {
  // One read transaction: the eleven lists come from the same state of the record.
  return db.transaction(() => ({
    measurement: listEntries(db, 'measurement', profileId),
    diagnosis: listEntries(db, 'diagnosis', profileId),
    relapse: listEntries(db, 'relapse', profileId),
    careTeamMember: listEntries(db, 'careTeamMember', profileId),
    phase: listEntries(db, 'phase', profileId),
    administration: listEntries(db, 'administration', profileId),
    radiation: listEntries(db, 'radiation', profileId),
    transplant: listEntries(db, 'transplant', profileId),
    procedure: listEntries(db, 'procedure', profileId),
    supportiveCare: listEntries(db, 'supportiveCare', profileId),
    complication: listEntries(db, 'complication', profileId)
  }))()
}

export function getEntry<K extends EntryKind>(db: Db, kind: K, id: string): Entry<K> {
  const row = cachedStatement(db, `SELECT * FROM ${SPECS[kind].table} WHERE id = ?`).get(id) as
    Record<string, unknown> | undefined
  if (!row) throw new CoreError('NOT_FOUND', 'That entry does not exist.')
  return rowToEntry(kind, row)
}

/** The columns an entry is written to, and their values, in the same order. */
function columnValues(spec: TableSpec, values: Record<string, unknown>) {
  const fields = [...COMMON, ...spec.columns]
  const derived = spec.derived?.(values) ?? {}
  return {
    columns: [...fields.map(([, column]) => column), ...Object.keys(derived)],
    params: [
      ...fields.map(([field, , type]) => toColumn(values[field], type)),
      ...Object.values(derived)
    ]
  }
}

function insertRow(db: Db, spec: TableSpec, values: Record<string, unknown>): void {
  const { columns, params } = columnValues(spec, values)
  const placeholders = columns.map(() => '?').join(', ')
  cachedStatement(
    db,
    `INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES (${placeholders})`
  ).run(...params)
}

/**
 * Inserts a new entry (no id) or replaces an existing one. An existing entry cannot be moved
 * to another person's record: the id and the profile must match.
 */
export function saveEntry<K extends EntryKind>(
  db: Db,
  kind: K,
  input: Record<string, unknown>
): Entry<K> {
  const spec = SPECS[kind]
  const now = new Date().toISOString()
  const existing = typeof input.id === 'string' ? input.id : null
  const values: Record<string, unknown> = {
    ...input,
    id: existing ?? randomUUID(),
    updatedAt: now,
    createdAt: now
  }

  if (existing) {
    if (entryOwner(db, kind, existing) !== input.profileId) {
      throw new CoreError('NOT_FOUND', 'That entry does not exist in this record.')
    }
    const { columns, params } = columnValues(spec, values)
    const assignments = columns
      .filter((c) => c !== 'id' && c !== 'created_at')
      .map((c) => `${c} = ?`)
      .join(', ')
    const updateParams = columns
      .map((c, i) => [c, params[i]] as const)
      .filter(([c]) => c !== 'id' && c !== 'created_at')
      .map(([, p]) => p)
    cachedStatement(db, `UPDATE ${spec.table} SET ${assignments} WHERE id = ?`).run(
      ...updateParams,
      existing
    )
  } else {
    insertRow(db, spec, values)
  }
  return getEntry(db, kind, values.id as string)
}

/**
 * Puts a deleted entry back as it was: its own id, and the times it was first saved and last
 * changed. Refused when an entry with that id is in the record (it was never deleted, or is
 * back already).
 */
export function restoreEntry(
  db: Db,
  kind: EntryKind,
  input: Record<string, unknown> & { id: string },
  times: { createdAt: string; updatedAt: string }
): void {
  if (entryOwner(db, kind, input.id) !== null) {
    throw new CoreError('INVALID_INPUT', 'That entry is in the record already.', [
      { path: 'id', message: 'That entry is in the record already.' }
    ])
  }
  insertRow(db, SPECS[kind], { ...input, ...times })
}

/**
 * Points entries of one kind back at `to` through `field` (Undo of a deletion that cleared the
 * link), each only if it is this person's and still unlinked (one that is gone, or was linked
 * elsewhere since, is left as it is). The entries are otherwise as they were before the deletion,
 * so their updated time stays. One statement for all of them: an Undo of a phase relinks every
 * dose it held. Returns how many were relinked.
 */
export function relinkEntries(
  db: Db,
  kind: EntryKind,
  link: { profileId: string; field: string; to: string; ids: readonly string[] }
): number {
  const spec = SPECS[kind]
  const column = spec.columns.find(([field]) => field === link.field)?.[1]
  if (!column) throw new Error(`${kind} has no field ${link.field}`)
  const update = db.prepare(
    `UPDATE ${spec.table} SET ${column} = ? WHERE id = ? AND profile_id = ? AND ${column} IS NULL`
  )
  return link.ids.reduce((n, id) => n + update.run(link.to, id, link.profileId).changes, 0)
}

export function deleteEntry(db: Db, kind: EntryKind, id: string): void {
  const result = db.prepare(`DELETE FROM ${SPECS[kind].table} WHERE id = ?`).run(id)
  if (result.changes === 0) throw new CoreError('NOT_FOUND', 'That entry does not exist.')
}

/** The entry's owning profile, for checks that two linked entries belong to the same person. */
export function entryOwner(db: Db, kind: EntryKind, id: string): string | null {
  const row = cachedStatement(db, `SELECT profile_id FROM ${SPECS[kind].table} WHERE id = ?`).get(
    id
  ) as { profile_id: string } | undefined
  return row?.profile_id ?? null
}
