/**
 * The sample profile: a fictional child's complete record that a new user can load from
 * Settings, to see what a filled-in record and its summary look like, and delete again.
 *
 * The record is data, in content/sample-profile.json (content/README.md tells its story); this
 * module only reads it. The file is checked whole before anything is written, each entry by
 * its kind's own schema from the contract, so a broken file is refused with the entry named.
 * Then every entry goes through the same schema, reference and unusual-dose checks as typed
 * input, and the whole profile is written in one transaction: it appears complete or not at all.
 */
import { z } from 'zod'
import sampleJson from '../../../content/sample-profile.json' with { type: 'json' }
import type { Profile } from '../../shared/contract.ts'
import { ENTRY_KINDS, ENTRY_SCHEMAS, type EntryKind, personSchema } from '../../shared/record.ts'
import { CoreError } from '../errors.ts'
import { nextTurn } from '../nextTurn.ts'
import type { Db } from '../vault/database.ts'
import { saveEntry } from './entries.ts'
import { createProfile, getProfile, updatePerson } from './profiles.ts'
import { ENTRY_LINKS, checkReferences, type DrugLookup } from './references.ts'
import { settleUnusualDose } from './unusualDose.ts'

/** The name says what it is wherever it is shown: a list, a summary, a printed page. */
export const SAMPLE_PROFILE_NAME: string = sampleJson.name

/** Every entry's note starts with this, so no page or printout can pass the sample as real. */
export const FICTIONAL_NOTE = 'Fictional sample data.'

const sampleKey = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'A key is lower-case-with-hyphens.')

const sampleFileSchema = z.strictObject({
  name: z
    .string()
    .regex(/sample/i, 'The name must say it is a sample.')
    .regex(/fictional/i, 'The name must say it is fictional.'),
  // The person's own fields, checked by the contract's personSchema below.
  person: z.record(z.string(), z.unknown()),
  entries: z
    .array(
      z.strictObject({
        kind: z.enum(ENTRY_KINDS),
        // Present on an entry that others link to; a link field holds the key, not an id.
        key: sampleKey.optional(),
        entry: z.record(z.string(), z.unknown())
      })
    )
    .min(1)
})

export interface SampleEntry {
  kind: EntryKind
  key?: string
  /** As written in the file: link fields hold keys of earlier entries. */
  entry: Record<string, unknown>
}

/** An entry that passed its checks. */
export interface CheckedSampleEntry extends SampleEntry {
  /**
   * The entry as its kind's schema returns typed input (defaults filled in), with placeholder
   * ids for the person and the links: the loader puts the real ones in.
   */
  checked: Record<string, unknown>
}

export interface SampleProfile {
  name: string
  person: Record<string, unknown>
  entries: CheckedSampleEntry[]
}

/** Stands in for ids not yet made, so the contract's schemas can check a link's shape. */
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000'

/** Fields the loader owns: the file must not try to set them. */
const LOADER_FIELDS = ['id', 'profileId', 'source'] as const

function entryLabel(index: number, { kind, key, entry }: SampleEntry): string {
  const what = key ?? entry.drugId ?? entry.name ?? entry.field ?? entry.kind ?? entry.condition
  return `Sample profile entry ${index + 1} (${kind}${typeof what === 'string' ? `, ${what}` : ''})`
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message
}

/** The entry as typed input would be, with each link resolved by `resolve` (key → id). */
function asInput(
  item: SampleEntry,
  profileId: string,
  resolve: (field: string, key: string) => string
): Record<string, unknown> {
  const input: Record<string, unknown> = { source: 'typed', ...item.entry, profileId }
  for (const [field] of ENTRY_LINKS[item.kind] ?? []) {
    const key = input[field]
    if (typeof key === 'string') input[field] = resolve(field, key)
  }
  return input
}

/**
 * Checks a sample file whole, without touching a vault: its shape, the person, every entry by
 * its own schema, the note that says it is fictional, and that every link names an earlier
 * entry of the right kind. Throws an error that names the first entry at fault.
 */
export function parseSampleProfile(file: unknown): SampleProfile {
  const parsed = sampleFileSchema.safeParse(file)
  if (!parsed.success) throw new Error(`Sample profile: ${firstIssue(parsed.error)}`)
  const { name, person, entries } = parsed.data

  const personCheck = personSchema.safeParse({ ...person, profileId: PLACEHOLDER_ID })
  if (!personCheck.success) {
    throw new Error(`Sample profile person: ${firstIssue(personCheck.error)}`)
  }

  const keys = new Map<string, EntryKind>()
  const checkedEntries = entries.map((item, index): CheckedSampleEntry => {
    const fail = (message: string): never => {
      throw new Error(`${entryLabel(index, item)}: ${message}`)
    }
    for (const field of LOADER_FIELDS) {
      if (field in item.entry) fail(`${field}: the loader sets this field, not the file.`)
    }
    const notes = item.entry.notes
    if (typeof notes !== 'string' || !notes.startsWith(FICTIONAL_NOTE)) {
      fail(`notes: must start with "${FICTIONAL_NOTE}"`)
    }
    const input = asInput(item, PLACEHOLDER_ID, (field, key) => {
      const linked = ENTRY_LINKS[item.kind]!.find(([f]) => f === field)![1]
      if (keys.get(key) !== linked) fail(`${field}: no earlier ${linked} has the key "${key}".`)
      return PLACEHOLDER_ID
    })
    const check = ENTRY_SCHEMAS[item.kind].safeParse(input)
    if (!check.success) fail(firstIssue(check.error))
    if (item.key !== undefined) {
      if (keys.has(item.key)) fail(`key: "${item.key}" is already used by an earlier entry.`)
      keys.set(item.key, item.kind)
    }
    return { ...item, checked: check.data as Record<string, unknown> }
  })
  return { name, person, entries: checkedEntries }
}

/** A checked entry with the real ids: the new person's, and those of the entries it links to. */
function withIds(
  item: CheckedSampleEntry,
  profileId: string,
  saved: ReadonlyMap<string, string>
): Record<string, unknown> {
  const entry: Record<string, unknown> = { ...item.checked, profileId }
  for (const [field] of ENTRY_LINKS[item.kind] ?? []) {
    const key = item.entry[field]
    if (typeof key === 'string') entry[field] = saved.get(key)!
  }
  return entry
}

/**
 * Loads the fictional sample profile, in one transaction: if any entry fails its checks,
 * nothing is left behind. Loading again adds another, independent sample profile. `file` is
 * the shipped content/sample-profile.json unless a test passes another.
 */
export async function loadSampleProfile(
  db: Db,
  drugs: DrugLookup,
  file: unknown = sampleJson
): Promise<Profile> {
  const sample = parseSampleProfile(file)
  // Checking the file and saving it each take about 25 ms: other calls are answered between.
  await nextTurn()
  if (!db.open)
    throw new CoreError('VAULT_LOCKED', 'The vault locked before the sample was loaded.')
  return db.transaction(() => {
    const profile = createProfile(db, sample.name)
    db.prepare('UPDATE profiles SET is_sample = 1 WHERE id = ?').run(profile.id)
    updatePerson(db, personSchema.parse({ ...sample.person, profileId: profile.id }))

    const saved = new Map<string, string>()
    sample.entries.forEach((item, index) => {
      try {
        // Parsed as typed input is when the file was checked; only the ids were not known then.
        const entry = withIds(item, profile.id, saved)
        checkReferences(db, item.kind, entry, drugs)
        // The sample's doses are usual ones: an unusual dose stops the load, as it should.
        const { id } = saveEntry(db, item.kind, settleUnusualDose(db, item.kind, entry, drugs))
        if (item.key !== undefined) saved.set(item.key, id)
      } catch (error) {
        if (!(error instanceof CoreError)) throw error
        throw new CoreError(
          error.code,
          `${entryLabel(index, item)}: ${error.message}`,
          error.fields
        )
      }
    })

    return getProfile(db, profile.id)
  })()
}
