import { describe, expect, it } from 'vitest';
import {
  confirmationDay,
  dueOn,
  missionDueAt,
  nextDueDay,
  reminderDay,
} from '../../functions/domain/digests/mission-due.ts';
import {
  isLateForQualification,
  lateReceiptCutoff,
  missionDigestLines,
  needsPreparing,
} from '../../functions/domain/digests/staff-digest.ts';
import type { Mission } from '../../functions/domain/missions/mission.ts';
import type { Intervention } from '../../shared/missions.ts';

const actor = { id: 'sub-claire', name: 'Claire' };

const halfDay = (id: string, date: string, status: Intervention['status'] = 'planned'): Intervention => ({
  id,
  date,
  slot: 'morning',
  remote: false,
  status,
  sequence: 0,
  history: [],
});

const mission = (overrides: Partial<Mission> = {}): Mission => ({
  id: 'ALZ-36-2026-0001-M1',
  reference: 'ALZ-36-2026-0001',
  network: 'indre',
  number: 1,
  status: 'active',
  version: 3,
  createdAt: '2027-01-04T09:00:00.000Z',
  updatedAt: '2027-03-01T09:00:00.000Z',
  startedAt: '2027-01-05T09:00:00.000Z',
  competenceId: 'indre-iso-9001',
  partnerId: 'indre-aero',
  volunteerId: 'indre-aero-martin',
  plannedHalfDays: 6,
  startDate: '2027-01-05',
  endDate: '2027-12-17',
  checklist: {},
  interventions: [],
  outcomes: { followUps: [] },
  history: [{ at: '2027-01-04T09:00:00.000Z', actor, change: 'created', to: 'preparing' }],
  ...overrides,
});

const kinds = (m: Mission, day: string) => dueOn(m, day).map((reason) => reason.kind);

describe('the day a half-day is reminded, two days before, on a day the job runs', () => {
  it.each([
    ['a Thursday half-day: the Tuesday', '2027-03-25', '2027-03-23'],
    ['a Monday half-day: the Friday before (Saturday has no run)', '2027-03-29', '2027-03-26'],
    ['a Tuesday half-day: the Friday before (Sunday has no run)', '2027-03-30', '2027-03-26'],
    // The week the clocks go back (last Sunday of October 2026): days are days, the hour is not read.
    ['a Tuesday after the change of time in October', '2026-10-27', '2026-10-23'],
    // Ascension 2027 is Thursday 6 May: the job still runs, so the notice stays two days.
    ['a half-day the Saturday after Ascension: the Thursday itself', '2027-05-08', '2027-05-06'],
    ['a half-day on 16 July, two days after the 14th: the 14th', '2027-07-16', '2027-07-14'],
  ])('%s', (_label, day, expected) => {
    expect(reminderDay(day)).toBe(expected);
  });

  it('asks whether a Friday’s half-day took place on the Monday, and a Wednesday’s on the Thursday', () => {
    expect(confirmationDay('2027-03-26')).toBe('2027-03-29');
    expect(confirmationDay('2027-03-24')).toBe('2027-03-25');
  });

  it('reminds once on the reminder day, and still the day before when planned late, never on the day', () => {
    const m = mission({ interventions: [halfDay('I1', '2027-03-30')] });
    expect(kinds(m, '2027-03-25')).not.toContain('reminder');
    expect(kinds(m, '2027-03-26')).toContain('reminder');
    expect(kinds(m, '2027-03-29')).toContain('reminder');
    expect(kinds(m, '2027-03-30')).not.toContain('reminder');
    expect(kinds(m, '2027-03-31')).toContain('confirmation');
  });

  it('sends no « has it taken place? » link for a mission not started, nor for a half-day already logged', () => {
    const preparing = mission({ status: 'preparing', interventions: [halfDay('I1', '2027-03-24')] });
    expect(kinds(preparing, '2027-03-25')).not.toContain('confirmation');
    const logged = mission({ interventions: [halfDay('I1', '2027-03-24', 'done')] });
    expect(kinds(logged, '2027-03-25')).not.toContain('confirmation');
  });
});

describe('the mission’s due date on byDueDate', () => {
  it('is the earliest day something becomes due: a week before a half-day, for the staff’s digest', () => {
    const m = mission({ interventions: [halfDay('I0', '2027-02-20', 'done'), halfDay('I1', '2027-03-30')] });
    expect(missionDueAt(m)).toBe('2027-03-23');
  });

  it('after the job handled a day, skips the mails already sent but keeps the digest’s lines', () => {
    const m = mission({ interventions: [halfDay('I0', '2027-03-10', 'done'), halfDay('I1', '2027-03-30')] });
    // On the 26th (the reminder's day) the half-day is in the digest's week: due again on the 27th.
    expect(nextDueDay(m, '2027-03-27', '2027-03-26')).toBe('2027-03-27');
    // After the half-day, the next thing is the « has it taken place? » link, on the 31st.
    expect(nextDueDay(m, '2027-03-31', '2027-03-30')).toBe('2027-03-31');
    // Once that is sent: 60 days after the last half-day done (10 March), if nothing is logged by then.
    expect(nextDueDay(m, '2027-04-01', '2027-03-31')).toBe('2027-05-09');
  });

  it('follows the last half-day done: 60 days after it, or 30 days before the end with half-days unused', () => {
    const m = mission({
      interventions: [halfDay('I1', '2027-03-10', 'done')],
      endDate: '2027-12-17',
    });
    expect(nextDueDay(m, '2027-03-11')).toBe('2027-05-09');
    const full = mission({
      plannedHalfDays: 1,
      interventions: [halfDay('I1', '2027-11-10', 'done')],
      endDate: '2027-12-17',
    });
    // Every half-day delivered: no « ending » line; the next is the day after the end.
    expect(nextDueDay(full, '2027-11-11')).toBe('2027-12-18');
    const unused = mission({ interventions: [halfDay('I1', '2027-11-10', 'done')], endDate: '2027-12-17' });
    expect(nextDueDay(unused, '2027-11-11')).toBe('2027-11-17');
  });

  it('stays due every day once a mission is past its end, or its outcomes unanswered after 14 days', () => {
    const past = mission({ endDate: '2027-03-15', interventions: [halfDay('I1', '2027-03-10', 'done')] });
    expect(nextDueDay(past, '2027-04-20', '2027-04-19')).toBe('2027-04-20');
    expect(kinds(past, '2027-04-20')).toEqual(['past-end']);
    const closing = mission({
      status: 'closing',
      history: [{ at: '2027-03-01T16:00:00.000Z', actor, change: 'closing', from: 'active', to: 'closing' }],
    });
    expect(missionDueAt(closing)).toBe('2027-03-15');
    expect(kinds(closing, '2027-03-14')).toEqual([]);
    expect(kinds(closing, '2027-03-15')).toEqual(['outcomes-waiting']);
  });

  it('leaves a closed mission to its follow-ups', () => {
    expect(missionDueAt(mission({ status: 'closed' }))).toBeUndefined();
  });
});

describe('the staff digest’s selections', () => {
  it('counts 5 working days after receipt, across a weekend and Easter Monday', () => {
    // Received Tuesday 23 March 2027: 24, 25, 26, (weekend), (Easter Monday 29), 30, 31 → late on the 31st.
    expect(isLateForQualification('2027-03-23', '2027-03-30')).toBe(false);
    expect(isLateForQualification('2027-03-23', '2027-03-31')).toBe(true);
    expect(lateReceiptCutoff('2027-03-31')).toBe('2027-03-23');
    // Over Ascension (Thursday 6 May 2027): received Monday 3rd, late on Tuesday 11th.
    expect(lateReceiptCutoff('2027-05-10')).toBe('2027-05-02');
    expect(lateReceiptCutoff('2027-05-11')).toBe('2027-05-03');
    // Over 14 July 2027 (a Wednesday): received Friday 9th, late on Monday 19th.
    expect(lateReceiptCutoff('2027-07-16')).toBe('2027-07-08');
    expect(lateReceiptCutoff('2027-07-19')).toBe('2027-07-11');
  });

  it('calls « to prepare » an application on the committee’s agenda without the staff’s opinion', () => {
    const committee = { id: '2027-04-06-indre' };
    expect(needsPreparing({ status: 'scheduled', committee }, committee.id)).toBe(true);
    expect(needsPreparing({ status: 'scheduled', committee, opinion: 'Favorable.' }, committee.id)).toBe(
      false,
    );
    expect(needsPreparing({ status: 'scheduled', committee, opinion: '  ' }, committee.id)).toBe(true);
    expect(needsPreparing({ status: 'scheduled', committee: { id: 'other' } }, committee.id)).toBe(false);
    expect(needsPreparing({ status: 'approved', committee }, committee.id)).toBe(false);
  });

  it('lists the half-days of the coming week, the missions stalled, ending, past their end, waiting outcomes', () => {
    const today = '2027-03-29';
    const lines = missionDigestLines(
      [
        {
          companyName: 'Atelier A',
          mission: mission({
            id: 'A',
            interventions: [halfDay('I1', '2027-04-05'), halfDay('I2', '2027-04-06')],
          }),
        },
        { companyName: 'Atelier B', mission: mission({ id: 'B', startedAt: '2027-01-10T09:00:00.000Z' }) },
        {
          companyName: 'Atelier C',
          mission: mission({
            id: 'C',
            endDate: '2027-04-20',
            interventions: [halfDay('I1', '2027-03-20', 'done')],
          }),
        },
        {
          companyName: 'Atelier D',
          mission: mission({
            id: 'D',
            endDate: '2027-03-26',
            interventions: [halfDay('I1', '2027-03-20', 'done')],
          }),
        },
      ],
      today,
    );
    expect(lines.upcoming).toEqual([
      { missionId: 'A', companyName: 'Atelier A', date: '2027-04-05', slot: 'morning' },
    ]);
    expect(lines.stalled.map((line) => [line.missionId, line.since])).toEqual([
      ['A', '2027-01-05'],
      ['B', '2027-01-10'],
    ]);
    expect(lines.ending).toEqual([
      { missionId: 'C', companyName: 'Atelier C', endDate: '2027-04-20', unusedHalfDays: 5 },
    ]);
    expect(lines.pastEnd).toEqual([{ missionId: 'D', companyName: 'Atelier D', endDate: '2027-03-26' }]);
    expect(lines.outcomesWaiting).toEqual([]);
  });
});
