/**
 * Every method is reached through dispatch(): bad input of any shape must come back as
 * INVALID_INPUT with nothing changed, before any handler runs.
 */
import { existsSync } from 'node:fs'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/core/dispatch.ts'
import {
  contract,
  MAX_INPUT_DEPTH,
  METHOD_NAMES,
  type MethodName,
  inputShapeProblem
} from '../../electron/shared/contract.ts'
import { PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

const HUGE = 'x'.repeat(300_000)
const NOT_UUID = 'not-a-uuid'
const ID = crypto.randomUUID()
const EXPORT = { profileId: ID, variant: 'full', paper: 'A4', nameInMetadata: false }

/** Inputs that no method accepts. */
const BAD_FOR_EVERY_METHOD: unknown[] = [
  null,
  'a string',
  42,
  true,
  [],
  [{}],
  { unexpectedKey: 1 },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { constructor: { prototype: { polluted: true } } }
]

/** Inputs shaped like the method's own, but wrong. */
/** A complication as Undo sends it back: valid, so each bad restore below has one fault. */
const RESTORABLE = {
  kind: 'complication',
  entry: { id: crypto.randomUUID(), profileId: ID, name: 'Mucositis', grade: 2 },
  createdAt: '2024-03-01T10:00:00.000Z',
  updatedAt: '2024-03-01T10:00:00.000Z'
}

const BAD_BY_METHOD: Record<MethodName, unknown[]> = {
  'vault.status': [{ state: 'unlocked' }],
  'vault.create': [
    {},
    { passphrase: '' },
    { passphrase: 'short' },
    { passphrase: 123456789012 },
    { passphrase: HUGE },
    { passphrase: PASSPHRASE, extra: true }
  ],
  'vault.unlock': [{}, { passphrase: '' }, { passphrase: null }, { passphrase: HUGE }],
  'vault.recover': [
    { recoveryCode: 'ABCDE' },
    { recoveryCode: '', newPassphrase: PASSPHRASE },
    { recoveryCode: 'x'.repeat(101), newPassphrase: PASSPHRASE },
    { recoveryCode: 'ABCDE', newPassphrase: 'short' }
  ],
  'vault.lock': [{ now: true }],
  'vault.listBackups': [{ newest: true }],
  'vault.restoreBackup': [
    { backupId: '../vault', secret: PASSPHRASE },
    { backupId: 'vault-20260101T000000000Z-rolling/../../x', secret: PASSPHRASE },
    { backupId: 'vault-20260101T000000000Z-rolling', secret: '' },
    { backupId: 'vault-20260101T000000000Z-rolling' }
  ],
  'export.csv': [
    { profileId: ID },
    { profileId: ID, table: 'blood-counts' },
    { profileId: 'x', table: 'measurements' }
  ],
  'export.fhir': [{}, { profileId: 'x' }, { profileId: ID, format: 'xml' }],
  'import.fhirPreview': [
    {},
    { fileName: '', base64: 'e30=' },
    { fileName: 'x.json', base64: 'A'.repeat(12 * 1024 * 1024) }
  ],
  'import.fhirConfirm': [{}, { previewId: 'not-a-uuid' }],
  'export.calendar': [
    { profileId: ID, timeZone: 'Europe/London' },
    { profileId: ID, timeZone: '', includeName: false },
    { profileId: ID, timeZone: 'x'.repeat(101), includeName: false },
    { profileId: ID, timeZone: 'Europe/London', includeName: 'yes' }
  ],
  'vault.exportBackup': [{ target: '/tmp/x.lantern-backup' }],
  'vault.uploadBackupPart': [
    { uploadId: '../../vault', offset: 0, base64: 'AAAA' },
    { uploadId: 'abcdefabcdef', offset: -1, base64: 'AAAA' },
    { uploadId: 'abcdefabcdef', offset: 0, base64: 'not base64!' },
    { uploadId: 'abcdefabcdef', offset: 0, base64: 'A'.repeat(9 * 1024 * 1024) }
  ],
  'vault.importBackup': [
    {
      uploadId: 'abcdefabcdef',
      secret: { kind: 'passphrase', passphrase: '' },
      replaceExisting: false
    },
    {
      uploadId: 'abcdefabcdef',
      secret: { kind: 'recoveryCode', recoveryCode: 'ABCDE' },
      replaceExisting: false
    },
    { uploadId: 'abcdefabcdef', secret: { kind: 'passphrase', passphrase: PASSPHRASE } },
    {
      uploadId: '..',
      secret: { kind: 'passphrase', passphrase: PASSPHRASE },
      replaceExisting: true
    }
  ],
  'vault.changePassphrase': [
    { currentPassphrase: PASSPHRASE },
    { currentPassphrase: PASSPHRASE, newPassphrase: 'short' },
    { currentPassphrase: '', newPassphrase: PASSPHRASE }
  ],
  'vault.reencryptProgress': [{ step: 'copying' }],
  'vault.reencrypt': [
    { currentPassphrase: PASSPHRASE },
    { currentPassphrase: PASSPHRASE, newPassphrase: 'short' },
    { currentPassphrase: '', newPassphrase: PASSPHRASE },
    { currentPassphrase: PASSPHRASE, newPassphrase: 123456789012 }
  ],
  'session.activity': [{ at: '2026-01-01T00:00:00Z' }],
  'settings.get': [{ key: 'autoLockMinutes' }],
  'settings.update': [
    { textSize: 'huge' },
    { theme: 'blue' },
    { autoLockMinutes: 0 },
    { autoLockMinutes: -5 },
    { autoLockMinutes: 1.5 },
    { autoLockMinutes: 100000 },
    { autoLockMinutes: '10' },
    { autoLockMinutes: Number.NaN }
  ],
  'profiles.list': [{ all: true }],
  'profiles.create': [
    {},
    { displayName: '' },
    { displayName: '    ' },
    { displayName: 'x'.repeat(201) },
    { displayName: 7 }
  ],
  'profiles.updatePerson': [
    { profileId: NOT_UUID },
    { profileId: crypto.randomUUID(), dateOfBirth: '2999-01-01' },
    { profileId: crypto.randomUUID(), dateOfBirth: '2020-02-30' },
    { profileId: crypto.randomUUID(), sex: 'robot' },
    { profileId: crypto.randomUUID(), ongoingTherapy: HUGE }
  ],
  'profiles.delete': [{}, { id: NOT_UUID }],
  'profiles.undoDelete': [{}, { id: NOT_UUID }, { id: crypto.randomUUID(), when: 'now' }],
  'drugs.list': [{ query: 'x' }],
  'profiles.loadSample': [{ name: 'x' }],
  'record.list': [
    { profileId: crypto.randomUUID() },
    { profileId: crypto.randomUUID(), kind: 'secrets' },
    { profileId: NOT_UUID, kind: 'diagnosis' }
  ],
  'record.save': [
    { kind: 'diagnosis' },
    { kind: 'nonsense', entry: {} },
    { kind: 'diagnosis', entry: { profileId: crypto.randomUUID(), condition: 'flu' } },
    { kind: 'diagnosis', entry: { profileId: crypto.randomUUID(), condition: 'other' } },
    {
      kind: 'phase',
      entry: {
        profileId: crypto.randomUUID(),
        kind: 'induction',
        startedOn: '2024-03-01',
        endedOn: '2024-02-01'
      }
    },
    {
      kind: 'administration',
      entry: {
        profileId: crypto.randomUUID(),
        drugId: 'vincristine',
        route: 'iv',
        dose: -1,
        unit: 'mg/m2',
        schedule: { kind: 'once', date: '2024-03-01' }
      }
    },
    {
      kind: 'administration',
      entry: {
        profileId: crypto.randomUUID(),
        drugId: 'vincristine',
        route: 'iv',
        dose: 1500,
        unit: 'g/m2',
        schedule: { kind: 'once', date: '2024-03-01' }
      }
    },
    {
      kind: 'administration',
      entry: {
        profileId: crypto.randomUUID(),
        drugId: 'vincristine',
        route: 'iv',
        dose: 1.5,
        unit: 'mg/m2',
        schedule: {
          kind: 'repeat',
          start: '2024-03-01',
          intervalDays: 7,
          count: 4,
          end: '2024-04-01'
        }
      }
    },
    {
      kind: 'complication',
      entry: { profileId: crypto.randomUUID(), name: 'Neuropathy', grade: 6 }
    },
    { kind: 'careTeamMember', entry: { profileId: crypto.randomUUID(), name: HUGE.slice(0, 201) } },
    {
      kind: 'careTeamMember',
      entry: { profileId: crypto.randomUUID(), name: 'Dr A', email: 'not-an-email' }
    },
    { kind: 'measurement', entry: { profileId: crypto.randomUUID(), measuredOn: '2024-01-01' } },
    {
      kind: 'radiation',
      entry: { profileId: crypto.randomUUID(), field: 'cranial', totalDoseGy: 1800 }
    }
  ],
  'record.listAll': [{}, { profileId: NOT_UUID }, { profileId: ID, kind: 'diagnosis' }],
  'record.restore': [
    { profileId: ID, entries: [], links: [] },
    { profileId: ID, entries: [RESTORABLE] },
    { profileId: ID, entries: [{ ...RESTORABLE, createdAt: undefined }], links: [] },
    { profileId: ID, entries: [{ ...RESTORABLE, createdAt: 'yesterday' }], links: [] },
    { profileId: ID, entries: [{ ...RESTORABLE, entry: { profileId: ID, name: 'x' } }], links: [] },
    { profileId: crypto.randomUUID(), entries: [RESTORABLE], links: [] },
    {
      profileId: ID,
      entries: [{ ...RESTORABLE, entry: { ...RESTORABLE.entry, grade: 6 } }],
      links: []
    },
    {
      profileId: ID,
      entries: [RESTORABLE],
      links: [{ kind: 'radiation', id: ID, field: 'phaseId', to: ID }]
    },
    {
      profileId: ID,
      entries: [RESTORABLE],
      links: [{ kind: 'relapse', id: ID, field: 'diagnosisId', to: ID }]
    }
  ],
  'record.summary': [{}, { profileId: NOT_UUID }, { profileId: crypto.randomUUID(), extra: 1 }],
  'drafts.save': [
    { profileId: crypto.randomUUID(), kind: 'diagnosis', data: {} },
    { profileId: crypto.randomUUID(), kind: 'secrets', entryId: null, data: {} },
    { profileId: crypto.randomUUID(), kind: 'diagnosis', entryId: null, data: 'text' },
    { profileId: crypto.randomUUID(), kind: 'diagnosis', entryId: null, data: { notes: HUGE } }
  ],
  'drafts.list': [{}, { profileId: NOT_UUID }],
  'drafts.delete': [{}, { id: NOT_UUID }],
  'record.delete': [
    { kind: 'diagnosis' },
    { kind: 'diagnosis', id: NOT_UUID },
    { kind: 'x', id: crypto.randomUUID() }
  ],
  'careplan.get': [{}, { profileId: NOT_UUID }, { profileId: ID, asOf: '2026-02-30' }],
  'careplan.markDone': [
    { profileId: ID, itemKey: 'heart.ecg' },
    { profileId: ID, itemKey: 'heart.ecg', doneOn: '2999-01-01' },
    { profileId: ID, itemKey: 'Heart ECG!', doneOn: '2020-01-01' },
    { profileId: ID, itemKey: 'heart.ecg', doneOn: '2020-01-01', note: HUGE }
  ],
  'careplan.undoDone': [{ profileId: ID }, { profileId: ID, completionId: NOT_UUID }],
  'careplan.snooze': [
    { profileId: ID, itemKey: 'heart.ecg' },
    { profileId: ID, itemKey: 'heart.ecg', until: 'next week' }
  ],
  'careplan.dismiss': [
    { profileId: ID, itemKey: 'heart.ecg' },
    { profileId: ID, itemKey: 'heart.ecg', reason: '   ' },
    { profileId: ID, itemKey: 'heart.ecg', reason: HUGE }
  ],
  'careplan.restore': [{ profileId: ID }, { profileId: ID, itemKey: '' }],
  'careplan.setResponsible': [
    { profileId: ID, itemKey: 'heart.ecg' },
    { profileId: ID, itemKey: 'heart.ecg', responsible: 'the neighbour' }
  ],
  'careplan.saveOwnItem': [
    { profileId: ID },
    {
      profileId: ID,
      title: '',
      system: 'heart',
      everyMonths: null,
      firstDue: null,
      responsible: 'you'
    },
    {
      profileId: ID,
      title: 'Podiatry',
      system: 'feet',
      everyMonths: null,
      firstDue: null,
      responsible: 'you'
    },
    {
      profileId: ID,
      title: 'Podiatry',
      system: 'other',
      everyMonths: 0,
      firstDue: null,
      responsible: 'you'
    }
  ],
  'careplan.deleteOwnItem': [{ profileId: ID }, { profileId: ID, id: NOT_UUID }],
  'careplan.addReview': [
    { profileId: ID, reviewedOn: '2026-01-01' },
    { profileId: ID, reviewedWith: 'Dr Rao', reviewedOn: '2999-01-01' }
  ],
  'careplan.deleteReview': [{ profileId: ID }, { profileId: ID, id: NOT_UUID }],
  'careplan.acknowledgeChanges': [{}, { profileId: NOT_UUID }],
  'library.list': [{ all: true }],
  'library.get': [{}, { guideId: '../etc/passwd' }, { guideId: 'Childhood ALL' }],
  'library.glossary': [{ term: 'ANC' }],
  'library.search': [{}, { query: 42 }, { query: HUGE }, { query: 'anc', limit: 0 }],
  'library.listBookmarks': [{ guideId: 'x' }],
  'library.addBookmark': [
    { guideId: 'childhood-all', sectionId: 'what-is-all' },
    { guideId: 'childhood-all', sectionId: 'what-is-all', label: '  ' },
    { guideId: 'childhood-all', sectionId: '<script>', label: 'x' }
  ],
  'library.removeBookmark': [{}, { id: NOT_UUID }],
  'library.getPosition': [{}, { guideId: '' }],
  'library.setPosition': [
    { guideId: 'childhood-all' },
    { guideId: 'childhood-all', sectionId: 'A B' }
  ],
  'questions.list': [{}, { profileId: NOT_UUID }],
  'questions.add': [
    { profileId: ID, questions: [], guideId: null, sectionId: null },
    { profileId: ID, questions: ['  '], guideId: null, sectionId: null },
    { profileId: ID, questions: [HUGE], guideId: null, sectionId: null },
    { profileId: ID, questions: ['Why?'] }
  ],
  'questions.remove': [{ profileId: ID }, { profileId: ID, id: NOT_UUID }],
  'documents.import': [
    { fileName: 'a.html', kind: 'html' },
    { fileName: '', kind: 'html', content: 'PGgxPkE8L2gxPg==' },
    { fileName: 'a.docx', kind: 'word', content: 'PGgxPkE8L2gxPg==' },
    { fileName: 'a.html', kind: 'html', content: 'not base64!' },
    { fileName: 'a.html', kind: 'html', content: 'A'.repeat(12_000_000) }
  ],
  'documents.list': [{ all: true }],
  'documents.get': [{}, { id: NOT_UUID }],
  'documents.delete': [{}, { id: NOT_UUID }],
  'export.pdf': [
    {},
    { ...EXPORT, profileId: NOT_UUID },
    { ...EXPORT, variant: 'poster' },
    { ...EXPORT, paper: 'A3' },
    { ...EXPORT, password: 'abc' },
    { ...EXPORT, password: 'é'.repeat(64) },
    { ...EXPORT, password: 'line\nbreak!' },
    { ...EXPORT, nameInMetadata: 'yes' },
    { ...EXPORT, sections: [] },
    { ...EXPORT, sections: ['treatment', 'secrets'] },
    { ...EXPORT, path: '/tmp/x.pdf' }
  ],
  'export.progress': [{ profileId: ID }],
  'document.get': [{}, { profileId: NOT_UUID }, { profileId: ID, variant: 'card' }],
  'profiles.rename': [
    { id: NOT_UUID, displayName: 'Ann' },
    { id: crypto.randomUUID() },
    { id: crypto.randomUUID(), displayName: '' },
    { displayName: 'Ann' }
  ]
}

describe('dispatch', () => {
  it('lists every method of the contract once, for the bridge that window.lantern is built from', () => {
    expect(new Set(METHOD_NAMES).size).toBe(METHOD_NAMES.length)
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(contract).sort())
  })

  it('has bad-input cases for every method in the contract', () => {
    expect(Object.keys(BAD_BY_METHOD).sort()).toEqual([...METHOD_NAMES].sort())
  })

  it('rejects unknown methods', async () => {
    const core = newCore()
    for (const name of ['vault.delete', '__proto__', 'constructor', 'toString', '', 42, null]) {
      const result = await dispatch(core.handlers, name, {})
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    }
  })

  it('with no vault yet: every bad input is INVALID_INPUT and nothing is created', async () => {
    const core = newCore()
    for (const method of METHOD_NAMES) {
      for (const input of [...BAD_FOR_EVERY_METHOD, ...BAD_BY_METHOD[method]]) {
        const result = await dispatch(core.handlers, method, input)
        expect(result, `${method} ${JSON.stringify(input)?.slice(0, 80)}`).toMatchObject({
          ok: false,
          error: { code: 'INVALID_INPUT' }
        })
      }
    }
    expect(existsSync(core.vault.envelopeFile)).toBe(false)
    expect(core.vault.state).toBe('none')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('with an unlocked vault: every bad input is INVALID_INPUT and the data is unchanged', async () => {
    const core = newCore()
    await core.vault.create(PASSPHRASE)
    const person = await core.handlers['profiles.create']({ displayName: 'Ruth' })
    const settingsBefore = await core.handlers['settings.get']({})
    for (const method of METHOD_NAMES) {
      for (const input of [...BAD_FOR_EVERY_METHOD, ...BAD_BY_METHOD[method]]) {
        const result = await dispatch(core.handlers, method, input)
        expect(result, `${method} ${JSON.stringify(input)?.slice(0, 80)}`).toMatchObject({
          ok: false,
          error: { code: 'INVALID_INPUT' }
        })
      }
    }
    expect(core.vault.state).toBe('unlocked')
    expect(await core.handlers['profiles.list']({})).toEqual([person])
    expect(await core.handlers['settings.get']({})).toEqual(settingsBefore)
  })

  it('names the failing field so a form can show the message beside it', async () => {
    const core = newCore()
    await core.vault.create(PASSPHRASE)
    const result = await dispatch(core.handlers, 'settings.update', { autoLockMinutes: 0 })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'autoLockMinutes: Use at least 1 minute.',
        fields: [{ path: 'autoLockMinutes', message: 'Use at least 1 minute.' }]
      }
    })
  })

  it('reports VAULT_LOCKED for record methods while locked, and NOT_FOUND for a missing profile', async () => {
    const core = newCore()
    await core.vault.create(PASSPHRASE)
    const missing = await dispatch(core.handlers, 'profiles.rename', {
      id: crypto.randomUUID(),
      displayName: 'Nobody'
    })
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    await dispatch(core.handlers, 'vault.lock', {})
    for (const method of ['profiles.list', 'settings.get'] as const) {
      expect(await dispatch(core.handlers, method, {})).toMatchObject({
        ok: false,
        error: { code: 'VAULT_LOCKED' }
      })
    }
  })

  it('stores hostile but valid text byte for byte (bound parameters, no interpretation)', async () => {
    const core = newCore()
    await core.vault.create(PASSPHRASE)
    const hostile = [
      "Robert'); DROP TABLE profiles;--",
      '<img src=x onerror="window.__xss=1"><script>alert(1)</script>',
      'Zoë Núñez 李小龍 👨‍👩‍👧',
      'tab\tand\nnewline'
    ]
    for (const displayName of hostile) {
      const result = await dispatch(core.handlers, 'profiles.create', { displayName })
      expect(result).toMatchObject({ ok: true, value: { displayName } })
    }
    const listed = await dispatch(core.handlers, 'profiles.list', {})
    expect(
      listed.ok && (listed.value as { displayName: string }[]).map((p) => p.displayName)
    ).toEqual(hostile)
  })

  it('never returns key material or the passphrase in any response', async () => {
    const core = newCore()
    const responses: unknown[] = []
    responses.push(await dispatch(core.handlers, 'vault.create', { passphrase: PASSPHRASE }))
    responses.push(await dispatch(core.handlers, 'vault.lock', {}))
    responses.push(
      await dispatch(core.handlers, 'vault.unlock', { passphrase: 'wrong passphrase' })
    )
    responses.push(await dispatch(core.handlers, 'vault.unlock', { passphrase: PASSPHRASE }))
    responses.push(await dispatch(core.handlers, 'vault.status', {}))
    const text = JSON.stringify(responses)
    expect(text).not.toContain(PASSPHRASE)
    const envelope = JSON.parse(
      (await import('node:fs')).readFileSync(core.vault.envelopeFile, 'utf8')
    )
    expect(text).not.toContain(envelope.wraps.passphrase.ciphertext)
    expect(text).not.toMatch(/[0-9a-f]{64}/)
  })

  describe('deeply nested input', () => {
    /** Built in a loop: a recursive builder would overflow before the code under test runs. */
    function nested(depth: number, leaf: unknown = 'x'): unknown {
      let value: unknown = leaf
      for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { a: value } : [value]
      return value
    }

    async function unlockedCoreWithPerson() {
      const core = newCore()
      await core.vault.create(PASSPHRASE)
      const person = await core.handlers['profiles.create']({ displayName: 'Ruth' })
      return { core, profileId: person.id }
    }

    it('a draft nested 10,000 levels deep is INVALID_INPUT and nothing is kept', async () => {
      const { core, profileId } = await unlockedCoreWithPerson()
      const result = await dispatch(core.handlers, 'drafts.save', {
        profileId,
        kind: 'diagnosis',
        entryId: null,
        data: { notes: nested(10_000) }
      })
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      expect(await core.handlers['drafts.list']({ profileId })).toEqual([])
    })

    it('every method answers INVALID_INPUT to input nested 10,000 levels deep, never INTERNAL', async () => {
      const { core } = await unlockedCoreWithPerson()
      for (const method of METHOD_NAMES) {
        for (const input of [nested(10_000), { deep: nested(10_000) }, [nested(10_000)]]) {
          const result = await dispatch(core.handlers, method, input)
          // The depth is checked before any schema: the message says what is wrong.
          expect(result, method).toMatchObject({
            ok: false,
            error: { code: 'INVALID_INPUT', message: expect.stringMatching(/nested too deeply/) }
          })
        }
      }
      expect(core.vault.state).toBe('unlocked')
    })

    it('a draft nested exactly to the limit is kept; one level more is refused', async () => {
      const { core, profileId } = await unlockedCoreWithPerson()
      // The request is level 1 and its data level 2: the notes add the rest.
      const draft = (depth: number) => ({
        profileId,
        kind: 'diagnosis',
        entryId: null,
        data: { notes: nested(depth - 2) }
      })
      const atLimit = await dispatch(core.handlers, 'drafts.save', draft(MAX_INPUT_DEPTH))
      expect(atLimit).toMatchObject({ ok: true })
      const over = await dispatch(core.handlers, 'drafts.save', draft(MAX_INPUT_DEPTH + 1))
      expect(over).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    })

    it('the checker walks a million levels without overflowing its own stack', () => {
      expect(inputShapeProblem(nested(1_000_000))).toBe('The request is nested too deeply.')
    })

    it('agrees with a plain recursive depth count on any JSON value (oracle)', () => {
      const depthOf = (value: unknown): number => {
        if (typeof value !== 'object' || value === null) return 0
        const children = Array.isArray(value) ? value : Object.values(value)
        return 1 + Math.max(0, ...children.map(depthOf))
      }
      const deepJson = fc
        .tuple(
          fc.jsonValue({ maxDepth: 4 }),
          fc.array(fc.boolean(), { maxLength: 2 * MAX_INPUT_DEPTH })
        )
        .map(([inner, wrappers]) =>
          wrappers.reduce<unknown>((value, asArray) => (asArray ? [value] : { k: value }), inner)
        )
      fc.assert(
        fc.property(deepJson, (value) => {
          expect(inputShapeProblem(value) === null).toBe(depthOf(value) <= MAX_INPUT_DEPTH)
        }),
        { numRuns: 2000 }
      )
    })

    it('a draft that refers to itself is INVALID_INPUT (IPC can deliver cycles)', async () => {
      const { core, profileId } = await unlockedCoreWithPerson()
      const data: Record<string, unknown> = { notes: 'x' }
      data.self = data
      const result = await dispatch(core.handlers, 'drafts.save', {
        profileId,
        kind: 'diagnosis',
        entryId: null,
        data
      })
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    })

    it('a draft of shared references that would expand to 2^40 values is refused at once', async () => {
      const { core, profileId } = await unlockedCoreWithPerson()
      // Shallow (40 levels) but each level holds the next twice: as JSON it would be astronomic.
      let shared: unknown = 'x'
      for (let i = 0; i < 40; i++) shared = [shared, shared]
      const started = performance.now()
      const result = await dispatch(core.handlers, 'drafts.save', {
        profileId,
        kind: 'diagnosis',
        entryId: null,
        data: { notes: shared }
      })
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      expect(performance.now() - started).toBeLessThan(3000)
    })
  })
})
