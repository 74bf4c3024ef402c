import { createEvents, type EventAttributes } from 'ics';
import { parisTimeZone } from '../../../shared/dates.ts';
import { type HalfDaySlot, halfDayHours, type Intervention } from '../../../shared/missions.ts';

/**
 * A mission's calendar (`.ics`), one event per half-day, made with the `ics` package. Times are
 * written in UTC, converted from the half-day's wall clock in Paris (09:00–12:30, 14:00–17:30) on
 * that very date, so that a half-day either side of a daylight-saving change lands at the same
 * Paris hour. UIDs name the mission and the half-day, so a re-import updates the event instead of
 * adding a second one; SEQUENCE grows at each rescheduling or cancellation, and a cancelled half-day
 * stays in the file as STATUS:CANCELLED so that calendars drop it.
 */
const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: parisTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** How far Paris is ahead of UTC at an instant, in milliseconds. */
const parisOffset = (instant: number) => {
  const part = Object.fromEntries(
    wallClock.formatToParts(new Date(instant)).map((p) => [p.type, Number(p.value)]),
  );
  return Date.UTC(part.year ?? 0, (part.month ?? 1) - 1, part.day, part.hour, part.minute) - instant;
};

/** `2027-03-29` at `09:00` in Paris → the instant (07:00 UTC that day, summer time). */
export const parisInstant = (day: string, time: string): Date => {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  const asIfUtc = Date.UTC(year, month - 1, date, hour, minute);
  // A second pass corrects a first guess that fell on the other side of a change of offset.
  const guess = asIfUtc - parisOffset(asIfUtc);
  return new Date(asIfUtc - parisOffset(guess));
};

export const halfDayInterval = (day: string, slot: HalfDaySlot) => ({
  start: parisInstant(day, halfDayHours[slot].start),
  end: parisInstant(day, halfDayHours[slot].end),
});

export interface CalendarModel {
  missionId: string;
  interventions: readonly Intervention[];
  /** The event's title as its holder reads it (« Alizé : mission chez Menuiserie Martin »). */
  title: string;
  description: string;
  /** The domain of the UIDs: the sender's, stable across deployments of one stage. */
  uidDomain: string;
  now: Date;
}

export const interventionUid = (missionId: string, interventionId: string, domain: string) =>
  `${missionId}-${interventionId}@${domain}`.toLowerCase();

export const missionCalendar = (model: CalendarModel): string => {
  const events = model.interventions.map((intervention): EventAttributes => {
    const { start, end } = halfDayInterval(intervention.date, intervention.slot);
    const location = intervention.remote ? 'À distance' : intervention.place;
    return {
      uid: interventionUid(model.missionId, intervention.id, model.uidDomain),
      sequence: intervention.sequence,
      start: start.getTime(),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: end.getTime(),
      endInputType: 'utc',
      endOutputType: 'utc',
      title: model.title,
      description: model.description,
      ...(location ? { location } : {}),
      status: intervention.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      busyStatus: intervention.status === 'cancelled' ? 'FREE' : 'BUSY',
      productId: 'alize/missions',
      method: 'PUBLISH',
      calName: model.title,
      // DTSTAMP from the clock passed in, not the machine's: the same mission gives the same file.
      ...({ timestamp: model.now.getTime() } as object),
    };
  });
  if (events.length === 0) {
    // An empty calendar is still a valid file: a link opened before any half-day is planned.
    return [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'PRODID:alize/missions',
      'METHOD:PUBLISH',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
  }
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error('The calendar could not be written');
  return value;
};
