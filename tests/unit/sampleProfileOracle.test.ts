/**
 * ORACLE (temporary): the sample loaded from content/sample-profile.json is the same person the
 * old TypeScript builder made, compared through the core's own channels with only generated
 * ids and timestamps set aside.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/api.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import { loadSampleProfile as loadOld } from '../../electron/core/record/sampleProfileOld.ts'
import type { Profile, Result } from '../../electron/shared/contract.ts'
import { ENTRY_KINDS } from '../../electron/shared/record.ts'
import { DRUGS, PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

async function ok<T>(core: Core, method: string, input: unknown): Promise<T> {
  const result = (await dispatch(core.handlers, method, input)) as Result<T>
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Ids become their order of first appearance (so links still match); timestamps go. */
function normalise(value: unknown, ids = new Map<string, string>()): unknown {
  if (typeof value === 'string' && UUID.test(value)) {
    if (!ids.has(value)) ids.set(value, `id#${ids.size}`)
    return ids.get(value)
  }
  if (Array.isArray(value)) return value.map((v) => normalise(v, ids))
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'createdAt' && k !== 'updatedAt')
        .map(([k, v]) => [k, normalise(v, ids)])
    )
  }
  return value
}

async function everything(core: Core, profileId: string): Promise<unknown> {
  const [profile] = await ok<Profile[]>(core, 'profiles.list', {})
  const record: Record<string, unknown> = { profile }
  for (const kind of ENTRY_KINDS) {
    record[kind] = await ok(core, 'record.list', { profileId, kind })
  }
  record.summary = await ok(core, 'record.summary', { profileId })
  record.plan = await ok(core, 'careplan.get', { profileId, asOf: '2026-11-22' })
  record.document = await ok(core, 'document.get', { profileId })
  return normalise(record)
}

describe('sample profile from content/sample-profile.json', () => {
  it('is the same person, entry for entry, as the TypeScript builder made', async () => {
    const before = newCore()
    await before.vault.create(PASSPHRASE)
    const old = loadOld(before.vault.db, DRUGS)

    const after = newCore()
    await after.vault.create(PASSPHRASE)
    const loaded = await ok<Profile>(after, 'profiles.loadSample', {})

    const expected = await everything(before, old.id)
    const actual = await everything(after, loaded.id)
    expect(JSON.stringify(actual).length).toBeGreaterThan(10_000)
    expect(actual).toEqual(expected)
  })
})
