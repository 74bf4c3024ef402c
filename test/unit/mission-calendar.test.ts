import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { missionCalendar, parisInstant } from '../../functions/domain/missions/calendar.ts';
import type { Intervention } from '../../shared/missions.ts';

const halfDay = (
  id: string,
  date: string,
  slot: Intervention['slot'],
  more: Partial<Intervention> = {},
): Intervention => ({
  id,
  date,
  slot,
  remote: false,
  status: 'planned',
  sequence: 0,
  history: [],
  ...more,
});

const parisClock = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** The file read back as a calendar application would: each event's UID, instants, sequence, status. */
const readBack = (ics: string) =>
  new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      parisStart: parisClock.format(event.startDate.toJSDate()),
      parisEnd: parisClock.format(event.endDate.toJSDate()),
      sequence: event.sequence,
      status: vevent.getFirstPropertyValue('status'),
      location: event.location,
    };
  });

const calendar = (interventions: Intervention[]) =>
  missionCalendar({
    missionId: 'ALZ-36-2026-0001-M1',
    interventions,
    title: 'Alizé\u00a0: mission chez Menuiserie Martin',
    description: 'Stratégie export',
    uidDomain: 'alize.example.org',
    now: new Date('2026-12-01T09:00:00Z'),
  });

describe('a mission’s calendar across daylight-saving changes', () => {
  it.each([
    // Summer time starts on Sunday 28 March 2027 and ends on Sunday 31 October 2027.
    [
      'the Saturday before the March change',
      '2027-03-27',
      'morning',
      '2027-03-27T08:00:00.000Z',
      '2027-03-27T11:30:00.000Z',
    ],
    [
      'the Monday after the March change',
      '2027-03-29',
      'morning',
      '2027-03-29T07:00:00.000Z',
      '2027-03-29T10:30:00.000Z',
    ],
    [
      'the Saturday before the October change',
      '2027-10-30',
      'afternoon',
      '2027-10-30T12:00:00.000Z',
      '2027-10-30T15:30:00.000Z',
    ],
    [
      'the Monday after the October change',
      '2027-11-01',
      'afternoon',
      '2027-11-01T13:00:00.000Z',
      '2027-11-01T16:30:00.000Z',
    ],
  ] as const)('puts a half-day of %s at its Paris hours', (_case, date, slot, start, end) => {
    const [event] = readBack(calendar([halfDay('I1', date, slot)]));
    expect(event).toMatchObject({ start, end });
    const [y, m, d] = date.split('-');
    const hours = slot === 'morning' ? ['09:00', '12:30'] : ['14:00', '17:30'];
    expect(event?.parisStart).toBe(`${d}/${m}/${y} ${hours[0]}`);
    expect(event?.parisEnd).toBe(`${d}/${m}/${y} ${hours[1]}`);
  });

  it('converts the wall clock on the day of the change itself', () => {
    expect(parisInstant('2027-03-28', '09:00').toISOString()).toBe('2027-03-28T07:00:00.000Z');
    expect(parisInstant('2027-10-31', '09:00').toISOString()).toBe('2027-10-31T08:00:00.000Z');
  });
});

describe('re-importing a mission’s calendar', () => {
  it('keeps each half-day’s UID, bumps its sequence when moved, and marks a cancelled one', () => {
    const before = readBack(
      calendar([halfDay('I1', '2027-01-04', 'morning'), halfDay('I2', '2027-01-05', 'morning')]),
    );
    const after = readBack(
      calendar([
        halfDay('I1', '2027-01-11', 'afternoon', { sequence: 1, place: 'Atelier, Châteauroux' }),
        halfDay('I2', '2027-01-05', 'morning', { status: 'cancelled', sequence: 1 }),
      ]),
    );
    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    expect(new Set(before.map((e) => e.uid)).size).toBe(2);
    expect(before[0]?.uid).toBe('alz-36-2026-0001-m1-i1@alize.example.org');
    expect(after[0]).toMatchObject({
      sequence: 1,
      status: 'CONFIRMED',
      start: '2027-01-11T13:00:00.000Z',
      location: 'Atelier, Châteauroux',
    });
    expect(after[1]).toMatchObject({ sequence: 1, status: 'CANCELLED' });
    expect(before[0]).toMatchObject({ sequence: 0 });
  });

  it('says « À distance » for a remote half-day, and is the same file for the same mission', () => {
    const interventions = [halfDay('I1', '2027-01-04', 'morning', { remote: true })];
    expect(readBack(calendar(interventions))[0]?.location).toBe('À distance');
    expect(calendar(interventions)).toBe(calendar(interventions));
  });

  it('is a valid empty calendar before any half-day', () => {
    expect(readBack(calendar([]))).toEqual([]);
  });
});
