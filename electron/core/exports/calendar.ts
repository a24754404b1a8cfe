/**
 * The care plan's next due dates as an iCalendar (.ics) file the family imports into their own
 * calendar. Pure: the caller computes the plan and chooses the zone and label.
 *
 * - All-day events. A due date in the plan is a whole day ("the echo is due 15 January 2027"),
 *   not a moment: as a timed event it would move to the 14th or 16th for a family who travels
 *   or a calendar set to another zone. An all-day date (VALUE=DATE) has no zone and stays on
 *   its day everywhere; the family's zone is named (VTIMEZONE, X-WR-TIMEZONE) so an app that
 *   creates the calendar has one, and the week-before alarm rings at their midnight.
 * - Stable UIDs: a hash of the person's profile id and the item's key, so importing a newer
 *   export updates each event in place instead of adding a second one. SEQUENCE grows with the
 *   export's time, so an app that keeps one copy per UID keeps the newer one.
 * - Nothing personal but what the person chose: the summary is the item's title, with their
 *   label only when they gave one. No reasons, doses, diagnoses, notes or names, since a
 *   calendar is shared, synced and shown on lock screens. The UIDs are hashes for the same
 *   reason: "new-cancers.breast-mri" in a UID would say something about the treatment.
 */
import { createHash } from 'node:crypto'
import { getVtimezoneComponent } from '@touch4it/ical-timezones'
import {
  ICalAlarmType,
  ICalCalendar,
  ICalEventClass,
  ICalEventTransparency,
  type ICalTemporalPlainDateStub
} from 'ical-generator'
import { calendarParts } from '../../shared/calendarDate.ts'
import type { CarePlan, PlanItem } from '../../shared/careplan.ts'
import { addDays } from '../record/dates.ts'
import { CoreError } from '../errors.ts'

export interface CarePlanCalendarOptions {
  /** The family's IANA time zone, such as "Europe/London". */
  timeZone: string
  /** Added to each event's summary when given (a first name, initials); null for none. */
  personLabel: string | null
  /** The moment of the export: DTSTAMP and SEQUENCE. */
  now: Date
}

const WEEK_SECONDS = 7 * 24 * 60 * 60

const DESCRIPTION =
  'A date from the care plan in Lantern, a topic to talk over with your care team around ' +
  'this day. It is not medical advice: your care team decides which checks are needed and when.'

/**
 * The zone to name in the file. Intl decides what is a zone at all; an offset such as
 * "+05:00" is not where a family lives and has no rules to write, so it is refused too. The
 * name is kept as given when the bundled zone data has it, else Intl's spelling of it
 * ("europe/london" → "Europe/London", "US/Pacific" → "America/Los_Angeles"). A real zone the
 * data lacks (a few of ICU's older names) is named without a VTIMEZONE: all-day events never
 * refer to a zone, so the file is still right.
 */
function familyZone(timeZone: string): string {
  let resolved: string | null = null
  try {
    resolved = new Intl.DateTimeFormat(undefined, { timeZone }).resolvedOptions().timeZone
  } catch {
    // RangeError: not a zone Intl knows.
  }
  if (resolved === null || /^[+-]\d/.test(resolved)) {
    const message = `“${timeZone}” is not a time zone. Choose one such as Europe/London.`
    throw new CoreError('INVALID_INPUT', message, [{ path: 'timeZone', message }])
  }
  return getVtimezoneComponent(timeZone) ? timeZone : resolved
}

/** The same UID for the same person's same item in every export: SHA-256, so it reads as nothing. */
export function carePlanEventUid(profileId: string, itemKey: string): string {
  const hash = createHash('sha256').update(`${profileId}\u0000${itemKey}`).digest('hex')
  return `${hash}@lantern`
}

/**
 * A whole day in the shape of the Temporal.PlainDate that ical-generator accepts. Given a Date
 * or a "YYYY-MM-DD" string instead, it writes an all-day date with this computer's own clock
 * whenever the event has a zone: 2027-01-15 came out as 20270114 on a computer in Los Angeles.
 * A PlainDate is written from its year, month and day alone.
 */
function wholeDay(iso: string): ICalTemporalPlainDateStub & { toPlainDateTime(): never } {
  const parts = calendarParts(iso)
  if (!parts) throw new Error(`Not a calendar date: ${iso}`)
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    toJSON: () => iso,
    toString: () => iso,
    // ical-generator recognises a PlainDate by this method; it never calls it for a date.
    toPlainDateTime: () => {
      throw new Error('A whole day has no time of day.')
    }
  }
}

/** Items with a date to put in a calendar: dismissed ones were set aside by the person. */
function datedItems(plan: CarePlan): (PlanItem & { nextDue: string })[] {
  return plan.items.filter(
    (item): item is PlanItem & { nextDue: string } => item.nextDue !== null && !item.dismissed
  )
}

/**
 * The plan's next due dates as an .ics file: one all-day event per item that has a date, with
 * an alarm a week before. Throws CoreError INVALID_INPUT (field "timeZone") for a zone that is
 * not one.
 */
export function carePlanCalendar(plan: CarePlan, options: CarePlanCalendarOptions): string {
  if (Number.isNaN(options.now.getTime())) throw new Error('carePlanCalendar: `now` is invalid')
  const zone = familyZone(options.timeZone)
  const label = options.personLabel?.trim() || null
  // Minutes since the epoch: grows with every export a minute or more apart and stays well
  // inside the 32-bit integer some calendar apps read SEQUENCE into (seconds pass it in 2038).
  const sequence = Math.floor(options.now.getTime() / 60_000)

  const calendar = new ICalCalendar({
    prodId: '//Lantern//Care plan//EN',
    name: 'Lantern care plan',
    // The calendar's own zone name stays unset: ical-generator then writes DTSTAMP in UTC as
    // RFC 5545 requires, where with it set DTSTAMP came out in this computer's local time,
    // with no zone. The zone reaches the file through each event instead, which is what makes
    // ical-generator ask the generator for its VTIMEZONE.
    timezone: { name: null, generator: getVtimezoneComponent }
  })
  calendar.x('X-WR-TIMEZONE', zone)

  for (const item of datedItems(plan)) {
    const event = calendar.createEvent({
      id: carePlanEventUid(plan.profileId, item.key),
      sequence,
      stamp: options.now,
      timezone: zone,
      allDay: true,
      start: wholeDay(item.nextDue),
      // The day after, exclusive (RFC 5545): some apps read an all-day event without an end
      // as lasting no time at all.
      end: wholeDay(addDays(item.nextDue, 1)),
      summary: label ? `Due: ${item.title} — ${label}` : `Due: ${item.title}`,
      description: DESCRIPTION,
      // A reminder, not an appointment: it should not make the family look busy all day, and
      // an app that shares the calendar should show its details to no one else.
      transparency: ICalEventTransparency.TRANSPARENT,
      class: ICalEventClass.PRIVATE
    })
    event.createAlarm({ type: ICalAlarmType.display, triggerBefore: WEEK_SECONDS })
  }
  return calendar.toString()
}
