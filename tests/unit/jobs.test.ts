/**
 * Heavy work runs on worker threads so the core keeps answering: an 8 MB import must not hold
 * other calls, a job's error comes back as its message, and a worker that dies is replaced.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/api.ts'
import { MAX_IMPORT_BYTES } from '../../electron/shared/library.ts'
import { PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

/** A long Markdown diary, as large as Lantern takes: a heading a week, paragraphs under it. */
function largeMarkdown(): string {
  const paragraph =
    'Platelets were **45** after the transfusion on Tuesday; the team will repeat the count.\n\n'
  const parts: string[] = []
  let length = 0
  for (let week = 1; length < MAX_IMPORT_BYTES; week++) {
    const part = `## Week ${week}\n\n${paragraph.repeat(40)}`
    parts.push(part)
    length += part.length
  }
  return parts.join('').slice(0, MAX_IMPORT_BYTES)
}

/** One answer to another call: how long it took from when it was due, and whether a job was running. */
interface Answer {
  ms: number
  duringJob: boolean
}

/**
 * Asks `vault.status` every few milliseconds until `done` settles. Each answer is timed from the
 * moment the call was due, so time the thread spent blocked before it could even start counts.
 */
async function answersWhile(core: Core, done: unknown): Promise<Answer[]> {
  let finished = false
  const settled = Promise.resolve(done).then(
    () => (finished = true),
    () => (finished = true)
  )
  const answers: Answer[] = []
  while (!finished) {
    const due = performance.now() + 5
    await new Promise((resolve) => setTimeout(resolve, 5))
    await core.handlers['vault.status']({})
    answers.push({ ms: performance.now() - due, duringJob: core.jobs.activeJobs > 0 })
  }
  await settled
  return answers
}

async function unlockedCore(): Promise<Core> {
  const core = newCore()
  await core.vault.create(PASSPHRASE)
  return core
}

const base64 = (text: string) => Buffer.from(text).toString('base64')
const utf8 = (text: string) => new TextEncoder().encode(text)

describe('heavy work off the core thread', () => {
  it('answers another call within 50 ms while an 8 MB Markdown file is converted and saved', async () => {
    const core = await unlockedCore()
    const importing = core.handlers['documents.import']({
      fileName: 'diary.md',
      kind: 'markdown',
      content: base64(largeMarkdown())
    })
    const answers = await answersWhile(core, importing)
    const saved = await importing
    expect(saved.title).toBe('Week 1')
    // The conversion takes seconds: the core is asked hundreds of times meanwhile (before the
    // worker, it was asked once: the conversion held the thread for 6 s).
    expect(answers.filter((a) => a.duringJob).length).toBeGreaterThan(100)
    // The whole import, its encrypted write included: that write is made in parts of 256 KB
    // (before, one 18 MB row held every call for 300-500 ms).
    const times = answers.map((a) => a.ms).sort((a, b) => a - b)
    expect(times[Math.floor(times.length * 0.99)]).toBeLessThan(50)
    // On a shared two-core machine the scheduler alone delays a 5 ms timer by 25-35 ms with the
    // process idle, and by up to ~100 ms while the worker and other jobs share the cores; a
    // step that blocked the core's thread would stand far above that.
    expect(times.at(-1)).toBeLessThan(200)
    const hits = await core.handlers['library.search']({ query: 'platelets transfusion' })
    expect(hits.some((r) => r.kind === 'document' && r.targetId === saved.id)).toBe(true)
  }, 120_000)

  it("rejects with the job's own message and code when the conversion fails", async () => {
    const core = await unlockedCore()
    const failing = core.jobs.runJob('convertDocument', {
      fileName: 'broken.pdf',
      kind: 'pdf',
      bytes: utf8('%PDF-1.7 this is not really a pdf')
    })
    await expect(failing).rejects.toMatchObject({
      name: 'CoreError',
      code: 'INVALID_INPUT',
      message: 'Lantern could not read that PDF.'
    })
    // The worker survives its job's error and takes the next one.
    const next = await core.jobs.runJob('convertDocument', {
      fileName: 'note.txt',
      kind: 'text',
      bytes: utf8('Ferritin to be repeated in March.')
    })
    expect(new TextDecoder().decode(next.html)).toBe('<p>Ferritin to be repeated in March.</p>')
  })

  it('replaces a worker that dies mid-job, and the next import succeeds', async () => {
    const core = await unlockedCore()
    const importing = core.handlers['documents.import']({
      fileName: 'diary.md',
      kind: 'markdown',
      content: base64(largeMarkdown())
    })
    while (core.jobs.workers().length === 0) await new Promise((r) => setTimeout(r, 5))
    const [worker] = core.jobs.workers()
    await worker!.terminate()
    await expect(importing).rejects.toThrow(/worker stopped/)
    expect(await core.handlers['documents.list']({})).toEqual([])

    const saved = await core.handlers['documents.import']({
      fileName: 'note.md',
      kind: 'markdown',
      content: base64('# Clinic note\n\nEcho booked for June.\n')
    })
    expect(saved.title).toBe('Clinic note')
    expect(core.jobs.workers()).not.toContain(worker)
    expect((await core.handlers['documents.list']({})).map((d) => d.id)).toEqual([saved.id])
  }, 120_000)

  it('an aborted job is rejected with the reason and leaves the runner working', async () => {
    const core = await unlockedCore()
    const controller = new AbortController()
    const running = core.jobs.runJob(
      'convertDocument',
      {
        fileName: 'diary.md',
        kind: 'markdown',
        bytes: utf8(largeMarkdown())
      },
      { signal: controller.signal }
    )
    controller.abort(new Error('The person cancelled the import.'))
    await expect(running).rejects.toThrow('The person cancelled the import.')
    expect(core.jobs.activeJobs).toBe(0)
    const next = await core.jobs.runJob('convertDocument', {
      fileName: 'note.txt',
      kind: 'text',
      bytes: utf8('Echo booked for June.')
    })
    expect(next.title).toBe('Echo booked for June.')
  }, 120_000)
})
