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

async function refused(entry: Record<string, unknown>) {
  const result = await dispatch(core.handlers, 'record.save', { kind: 'transplant', entry })
  expect(result.ok, JSON.stringify(entry)).toBe(false)
  const error = (result as { ok: false; error: { code: string; fields: unknown[] } }).error
  expect(error.code).toBe('INVALID_INPUT')
  return error.fields
}

async function transplants(): Promise<Record<string, unknown>[]> {
  return ok('record.list', { profileId, kind: 'transplant' })
}

describe('GVHD organs as codes, and "no chronic GVHD"', () => {
  const allogeneic = (patch: Record<string, unknown> = {}) => ({
    profileId,
    type: 'allogeneic',
    transplantedOn: '2021-04-12',
    ...patch
  })

  it('refuses an organ that is not on the list, and the same organ twice, beside the organs', async () => {
    expect(
      await refused(allogeneic({ gvhd: [{ kind: 'chronic', organs: ['lungs', 'kidney'] }] }))
    ).toEqual([expect.objectContaining({ path: 'entry.gvhd.0.organs.1' })])
    expect(
      await refused(allogeneic({ gvhd: [{ kind: 'chronic', organs: ['lungs', 'lungs'] }] }))
    ).toEqual([{ path: 'entry.gvhd.0.organs', message: 'Each organ can be ticked only once.' }])
    // Free text, as older versions stored it, is no longer an answer.
    expect(await refused(allogeneic({ gvhd: [{ kind: 'acute', organs: 'skin, gut' }] }))).toEqual([
      expect.objectContaining({ path: 'entry.gvhd.0.organs' })
    ])
    expect(await transplants()).toEqual([])
  })

  it('asks for the other organs, beside their field, when Other is ticked', async () => {
    expect(
      await refused(allogeneic({ gvhd: [{ kind: 'acute', organs: ['skin', 'other'] }] }))
    ).toEqual([{ path: 'entry.gvhd.0.organsOther', message: 'Name the other organs affected.' }])
    expect(
      await refused(
        allogeneic({ gvhd: [{ kind: 'acute', organs: ['other'], organsOther: '   ' }] })
      )
    ).toEqual([{ path: 'entry.gvhd.0.organsOther', message: 'Name the other organs affected.' }])
    expect(await transplants()).toEqual([])
  })

  it('refuses "no chronic GVHD" beside it when a chronic episode is recorded, or the cells were the person’s own', async () => {
    expect(
      await refused(
        allogeneic({ noChronicGvhd: true, gvhd: [{ kind: 'chronic', organs: ['mouth'] }] })
      )
    ).toEqual([
      {
        path: 'entry.noChronicGvhd',
        message:
          'A chronic GVHD episode is recorded for this transplant. Untick this box, or remove that episode.'
      }
    ])
    expect(await refused(allogeneic({ type: 'autologous', noChronicGvhd: true }))).toEqual([
      {
        path: 'entry.noChronicGvhd',
        message:
          'GVHD comes from a donor’s cells, so it does not follow a transplant of the person’s own cells. Leave this box unticked.'
      }
    ])
    expect(await transplants()).toEqual([])
  })

  it('saves organ codes, the other organs and "no chronic GVHD", and reads them back from the vault', async () => {
    const saved = await ok<Record<string, unknown>>('record.save', {
      kind: 'transplant',
      entry: allogeneic({
        noChronicGvhd: true,
        gvhd: [
          {
            kind: 'acute',
            organs: ['skin', 'gut', 'liver', 'other'],
            organsOther: 'kidneys',
            grade: 'III',
            status: 'resolved'
          }
        ]
      })
    })
    await ok('record.save', {
      kind: 'transplant',
      entry: allogeneic({
        transplantedOn: '2023-01-09',
        gvhd: [{ kind: 'chronic', organs: ['lungs', 'joints-and-fascia', 'eyes'] }]
      })
    })
    await core.vault.lock()
    await core.vault.unlock(PASSPHRASE)
    const [first, second] = await transplants()
    expect(first).toEqual(saved)
    expect(first).toMatchObject({
      noChronicGvhd: true,
      gvhd: [
        {
          kind: 'acute',
          organs: ['skin', 'gut', 'liver', 'other'],
          organsOther: 'kidneys',
          grade: 'III',
          status: 'resolved'
        }
      ]
    })
    // Not answered is not a "no": the default is false.
    expect(second).toMatchObject({
      noChronicGvhd: false,
      gvhd: [{ kind: 'chronic', organs: ['lungs', 'joints-and-fascia', 'eyes'], status: 'active' }]
    })
  })
})
