/**
 * The care plan's due dates as an .ics file, read back with ical.js: the plan is the sample
 * profile's, computed by the real engine from a real vault.
 */
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/api.ts'
import { CoreError } from '../../electron/core/errors.ts'
import { carePlanCalendar, carePlanEventUid } from '../../electron/core/exports/calendar.ts'
import { addDays } from '../../electron/core/record/dates.ts'
import { SAMPLE_PROFILE_NAME } from '../../electron/core/record/sampleProfile.ts'
import type { CarePlan } from '../../electron/shared/careplan.ts'
import { PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

const NOW = new Date('2026-11-22T09:30:00Z')
const LATER = new Date('2027-02-03T18:05:00Z')
const OWN_TITLE = 'Physiotherapy review'

let core: Core
let plan: CarePlan

beforeAll(async () => {
  core = newCore()
  await core.vault.create(PASSPHRASE)
  const profileId = (await core.handlers['profiles.loadSample']({})).id
  await core.handlers['careplan.saveOwnItem']({
    profileId,
    title: OWN_TITLE,
    system: 'bones-and-joints',
    what: 'Knee exercises with Zoë',
    everyMonths: 6,
    firstDue: '2027-01-15',
    responsible: 'you'
  })
  await core.handlers['careplan.dismiss']({
    profileId,
    itemKey: 'new-cancers.skin',
    reason: 'Seen by dermatology'
  })
  plan = await core.handlers['careplan.get']({ profileId, asOf: '2026-11-22' })
})
afterAll(cleanupTempDirs)

function calendarOf(ics: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(ics))
}

function events(ics: string): ICAL.Component[] {
  return calendarOf(ics).getAllSubcomponents('vevent')
}

const text = (c: ICAL.Component, name: string) => String(c.getFirstPropertyValue(name))

/** The items a calendar should have: a date, and not set aside. */
function datedItems() {
  return plan.items.filter((i) => i.nextDue !== null && i.dismissed === null)
}

const OPTIONS = { timeZone: 'Europe/London', personLabel: null, now: NOW }

describe('the care plan calendar', () => {
  it('has items with and without dates to work with', () => {
    expect(datedItems().length).toBeGreaterThan(5)
    expect(plan.items.some((i) => i.nextDue === null)).toBe(true)
    const skin = plan.items.find((i) => i.key === 'new-cancers.skin')!
    expect(skin.dismissed).not.toBeNull()
    expect(skin.nextDue).not.toBeNull()
  })

  it.each(['Europe/London', 'America/Los_Angeles'])(
    'names the family’s zone %s with a VTIMEZONE and X-WR-TIMEZONE',
    (timeZone) => {
      const calendar = calendarOf(carePlanCalendar(plan, { ...OPTIONS, timeZone }))
      const zones = calendar.getAllSubcomponents('vtimezone')
      expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual([timeZone])
      expect(zones[0]!.getAllSubcomponents('standard').length).toBeGreaterThan(0)
      expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe(timeZone)
    }
  )

  it('has one all-day event per dated item, on its due date, with an alarm a week before', () => {
    const ics = carePlanCalendar(plan, OPTIONS)
    const byUid = new Map(events(ics).map((e) => [text(e, 'uid'), e]))
    const items = datedItems()
    expect(byUid.size).toBe(items.length)
    for (const item of items) {
      const event = byUid.get(carePlanEventUid(plan.profileId, item.key))!
      expect(event, item.key).toBeDefined()
      const start = event.getFirstPropertyValue('dtstart') as ICAL.Time
      expect(start.isDate).toBe(true)
      expect(start.toString()).toBe(item.nextDue)
      const end = event.getFirstPropertyValue('dtend') as ICAL.Time
      expect(end.isDate).toBe(true)
      expect(end.toString()).toBe(addDays(item.nextDue!, 1))
      expect(text(event, 'summary')).toBe(`Due: ${item.title}`)
      const alarms = event.getAllSubcomponents('valarm')
      expect(alarms).toHaveLength(1)
      expect(text(alarms[0]!, 'action')).toBe('DISPLAY')
      expect(text(alarms[0]!, 'trigger')).toBe('-P7D')
    }
    expect(ics).toContain(`Due: ${OWN_TITLE}`)
    expect(byUid.has(carePlanEventUid(plan.profileId, 'new-cancers.skin'))).toBe(false)
  })

  it('keeps each date on its day whatever zone the computer itself is in', () => {
    const saved = process.env.TZ
    const starts = (ics: string) => events(ics).map((e) => text(e, 'dtstart'))
    try {
      const expected = starts(carePlanCalendar(plan, OPTIONS))
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kolkata']) {
        process.env.TZ = tz
        for (const timeZone of ['Europe/London', 'America/Los_Angeles', 'Pacific/Auckland']) {
          const ics = carePlanCalendar(plan, { ...OPTIONS, timeZone })
          expect(starts(ics), `${tz} / ${timeZone}`).toEqual(expected)
          expect(ics, `${tz} / ${timeZone}`).toMatch(/^DTSTAMP:20261122T093000Z\r$/m)
        }
      }
    } finally {
      if (saved === undefined) delete process.env.TZ
      else process.env.TZ = saved
    }
  })

  it('keeps the UIDs from one export to the next, and raises SEQUENCE and DTSTAMP', () => {
    const first = events(carePlanCalendar(plan, OPTIONS))
    const second = events(carePlanCalendar(plan, { ...OPTIONS, now: LATER }))
    const uids = first.map((e) => text(e, 'uid'))
    expect(second.map((e) => text(e, 'uid'))).toEqual(uids)
    expect(new Set(uids).size).toBe(uids.length)
    for (const uid of uids) expect(uid).toMatch(/^[0-9a-f]{64}@lantern$/)
    // The UID is a hash: neither the profile id nor an item key can be read from it.
    expect(uids.join(' ')).not.toContain(plan.profileId)
    expect(uids.join(' ')).not.toContain('heart')

    const sequence = (e: ICAL.Component) => Number(e.getFirstPropertyValue('sequence'))
    expect(first.every((e) => sequence(e) === Math.floor(NOW.getTime() / 60_000))).toBe(true)
    for (const [i, e] of second.entries()) expect(sequence(e)).toBeGreaterThan(sequence(first[i]!))

    const stamp = (e: ICAL.Component) => e.getFirstPropertyValue('dtstamp') as ICAL.Time
    expect(stamp(first[0]!).zone).toBe(ICAL.Timezone.utcTimezone)
    expect(stamp(first[0]!).toJSDate().toISOString()).toBe(NOW.toISOString())
    expect(stamp(second[0]!).toJSDate().toISOString()).toBe(LATER.toISOString())
  })

  it('gives another person’s same item another UID', () => {
    const other = { ...plan, profileId: '33333333-3333-4333-8333-333333333333' }
    const mine = events(carePlanCalendar(plan, OPTIONS)).map((e) => text(e, 'uid'))
    const theirs = events(carePlanCalendar(other, OPTIONS)).map((e) => text(e, 'uid'))
    expect(theirs.filter((uid) => mine.includes(uid))).toEqual([])
  })

  it('says nothing about the person beyond the titles, and the label only when given', () => {
    const ics = carePlanCalendar(plan, OPTIONS)
    const unfolded = ics.replace(/\r\n[ \t]/g, '')
    for (const e of events(ics)) expect(text(e, 'summary')).not.toContain(' — ')
    expect(unfolded).not.toContain('Zoë')
    expect(unfolded).not.toContain(SAMPLE_PROFILE_NAME)
    expect(unfolded).not.toContain(plan.profileId)
    expect(unfolded).not.toContain('Seen by dermatology')
    expect(unfolded).not.toContain('Knee exercises')
    expect(unfolded).not.toMatch(/mg\/m|doxorubicin|leuk/i)
    for (const item of plan.items) {
      for (const why of item.why) expect(unfolded).not.toContain(why.replace(/[,;]/g, '\\$&'))
    }
    for (const e of events(ics)) {
      expect(text(e, 'description')).toMatch(/care team/)
      expect(text(e, 'description')).toMatch(/not medical advice/)
      expect(text(e, 'class')).toBe('PRIVATE')
    }

    const labelled = carePlanCalendar(plan, { ...OPTIONS, personLabel: 'Zoë' })
    const summaries = events(labelled).map((e) => text(e, 'summary'))
    expect(summaries.length).toBe(datedItems().length)
    for (const s of summaries) expect(s).toMatch(/^Due: .+ — Zoë$/)
    // A label of only spaces is no label.
    const blank = carePlanCalendar(plan, { ...OPTIONS, personLabel: '  ' })
    for (const e of events(blank)) expect(text(e, 'summary')).not.toContain(' — ')
  })

  it.each(['Mars/Olympus_Mons', '', 'Europe/London; DROP', '+05:00'])(
    'refuses “%s” as a time zone, naming the field',
    (timeZone) => {
      let error: unknown
      try {
        carePlanCalendar(plan, { ...OPTIONS, timeZone })
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(CoreError)
      expect(error).toMatchObject({
        code: 'INVALID_INPUT',
        fields: [{ path: 'timeZone', message: expect.stringMatching(/is not a time zone/) }]
      })
    }
  )

  it('takes a zone in any case, or an old name, as the zone Intl names', () => {
    const zoneOf = (timeZone: string) => {
      const calendar = calendarOf(carePlanCalendar(plan, { ...OPTIONS, timeZone }))
      return calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')
    }
    expect(zoneOf('europe/london')).toBe('Europe/London')
    // The bundled zone data has no "US/Pacific"; Intl reads it as Los Angeles.
    expect(zoneOf('US/Pacific')).toBe('America/Los_Angeles')
  })

  it('writes a calendar with no events for a plan with no dates', () => {
    const ics = carePlanCalendar({ ...plan, items: [] }, OPTIONS)
    const calendar = calendarOf(ics)
    expect(calendar.getAllSubcomponents('vevent')).toEqual([])
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/London')
  })
})
