/**
 * The transplant form's GVHD episodes and how the record names them: a form reopened from a
 * draft that migration 80 rewrote still builds what the record accepts, the other organs count
 * only while Other is ticked, and organs read as words, never as codes.
 */
import { describe, expect, it } from 'vitest'
import { transplantSchema, type Entry } from '../../electron/shared/record.ts'
import { describeEntry, gvhdOrgansText } from '../../renderer/src/components/record/describe.ts'
import { gvhdDraft, gvhdInput, type GvhdDraft } from '../../renderer/src/components/record/draft.ts'

const PROFILE = '5b0e7a36-2f7e-4d43-9a53-0d1f1c6a1e11'

/** A saved transplant, as the record hands it to the screens. */
function transplant(input: Record<string, unknown>): Entry<'transplant'> {
  return {
    ...transplantSchema.parse({ profileId: PROFILE, type: 'allogeneic', ...input }),
    id: '0c9f6b36-7a57-4c31-8d52-32a9f0f6c7a2',
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z'
  }
}

describe('GVHD in the transplant form', () => {
  it('saves a draft as migration 80 left it: organs as codes, the other organs as text', () => {
    // Exactly what tests/unit/migration0080.test.ts shows the migration writing.
    const migrated: GvhdDraft[] = [
      {
        kind: 'chronic',
        organs: ['mouth', 'lungs', 'other'],
        organsOther: 'nails',
        grade: '',
        startedOn: '',
        status: 'active'
      },
      { kind: 'acute', organs: [], organsOther: '', grade: '', startedOn: '', status: 'active' }
    ]
    const parsed = transplantSchema.parse({
      profileId: PROFILE,
      type: 'allogeneic',
      gvhd: migrated.map(gvhdInput)
    })
    expect(parsed.gvhd.map((g) => [g.kind, g.organs, g.organsOther])).toEqual([
      ['chronic', ['mouth', 'lungs', 'other'], 'nails'],
      ['acute', [], null]
    ])
  })

  it('keeps the other organs only while Other is ticked, and reopens a saved episode as it was', () => {
    const episode = {
      kind: 'acute' as const,
      organs: ['skin' as const],
      organsOther: 'nails',
      grade: 'II',
      startedOn: '2024-03-10',
      status: 'resolved' as const
    }
    expect(gvhdInput(gvhdDraft(episode))).toEqual({ ...episode, organsOther: null })
    const ticked = { ...episode, organs: ['skin' as const, 'other' as const] }
    expect(gvhdInput(gvhdDraft(ticked))).toEqual(ticked)
    expect(gvhdDraft(null)).toEqual({
      kind: 'acute',
      organs: [],
      organsOther: '',
      grade: '',
      startedOn: '',
      status: 'active'
    })
  })
})

describe('GVHD as the record and the summary show it', () => {
  it('names each organ in words, and "other" as the family wrote it', () => {
    expect(
      gvhdOrgansText({ organs: ['lungs', 'joints-and-fascia', 'other'], organsOther: 'nails' })
    ).toBe('Lungs, Joints and fascia (tissue around muscles), nails')
    expect(gvhdOrgansText({ organs: ['other'], organsOther: null })).toBe('Other organs')
  })

  it('the record’s line counts the episodes, names their organs once, and says "no chronic GVHD" only when answered', () => {
    const line = (patch: Record<string, unknown>) =>
      describeEntry('transplant', transplant(patch), { drug: () => undefined }).detail
    const acute = { kind: 'acute', organs: ['skin', 'gut'], status: 'resolved' }
    expect(line({ gvhd: [acute], noChronicGvhd: true })).toBe(
      '1 GVHD episode: Skin, Gut (stomach and bowel) · no chronic GVHD'
    )
    expect(
      line({ gvhd: [acute, { kind: 'chronic', organs: ['skin', 'eyes'], status: 'active' }] })
    ).toBe('2 GVHD episodes: Skin, Gut (stomach and bowel), Eyes')
    expect(line({ gvhd: [{ kind: 'acute', organs: [], status: 'active' }] })).toBe('1 GVHD episode')
    expect(line({})).toBe('')
  })
})
