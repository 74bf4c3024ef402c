import { describe, expect, it } from 'vitest';
import type { Mission } from '../../functions/domain/missions/mission.ts';
import { missionTotals, parseMissionId } from '../../functions/domain/missions/mission.ts';
import {
  AlreadyAnsweredError,
  addMonthsToDay,
  changeIntervention,
  closeMission,
  createMission,
  editMission,
  followUpSent,
  MissionRefusedError,
  planIntervention,
  recordFollowUp,
  recordOutcome,
  startMission,
} from '../../functions/domain/missions/rules.ts';
import type { NewMission } from '../../shared/missions.ts';
import { typographyFaults } from '../support/typography.ts';

const actor = { id: 'sub-claire', name: 'claire.bernard@initiative-indre.example.org' };
// 1 December 2026, 10:00 in Paris.
const now = new Date('2026-12-01T09:00:00Z');
const identity = { id: 'ALZ-36-2026-0001-M1', reference: 'ALZ-36-2026-0001', network: 'indre', number: 1 };
const input = (overrides: Partial<NewMission> = {}): NewMission => ({
  competenceId: 'strategie-export',
  partnerId: 'indre-aero',
  volunteerId: 'indre-aero-martin',
  plannedHalfDays: 3,
  startDate: '2026-11-15',
  endDate: '2027-06-30',
  checklist: { agreementSignedOn: '2026-11-10', consentSignedOn: '2026-11-12' },
  ...overrides,
});

const refusal = (work: () => unknown): string => {
  try {
    work();
  } catch (error) {
    if (error instanceof MissionRefusedError || error instanceof AlreadyAnsweredError) {
      expect(typographyFaults(error.message)).toEqual([]);
      return error.message;
    }
    throw error;
  }
  throw new Error('not refused');
};

const created = (overrides: Partial<NewMission> = {}) =>
  createMission(identity, input(overrides), actor, now);
const started = (overrides: Partial<NewMission> = {}) => startMission(created(overrides), actor, now);
const plan = (mission: Mission, date: string, slot: 'morning' | 'afternoon' = 'morning') =>
  planIntervention(
    mission,
    `I${mission.interventions.length + 1}`,
    { version: mission.version, date, slot, remote: false },
    actor,
    now,
  );

describe('a mission’s period', () => {
  it.each([
    ['2026-01-15', 18, '2027-07-15'],
    ['2026-08-31', 18, '2028-02-29'],
    ['2027-08-31', 18, '2029-02-28'],
    ['2026-12-31', 1, '2027-01-31'],
    ['2027-01-31', 1, '2027-02-28'],
  ])('%s + %i months is %s', (day, months, expected) => {
    expect(addMonthsToDay(day, months)).toBe(expected);
  });

  it.each<[string, string, string, RegExp | null]>([
    ['same day', '2026-12-01', '2026-12-01', null],
    ['exactly 18 months', '2026-12-01', '2028-06-01', null],
    ['18 months and a day', '2026-12-01', '2028-06-02', /au plus 18\u00a0mois.*1er juin 2028/],
    ['end before start', '2026-12-01', '2026-11-30', /ne peut pas précéder/],
  ])('%s', (_case, startDate, endDate, refused) => {
    if (refused) expect(refusal(() => created({ startDate, endDate }))).toMatch(refused);
    else expect(created({ startDate, endDate })).toMatchObject({ status: 'preparing', version: 1 });
  });

  it('refuses a signature dated in the future', () => {
    expect(refusal(() => created({ checklist: { agreementSignedOn: '2026-12-02' } }))).toMatch(
      /convention ne peut pas avoir été signée à une date future/,
    );
  });

  it('is checked again when edited, and keeps the half-days inside it', () => {
    const mission = plan(started(), '2027-01-10');
    expect(refusal(() => editMission(mission, { version: 3, endDate: '2028-12-01' }, actor, now))).toMatch(
      /au plus 18/,
    );
    expect(refusal(() => editMission(mission, { version: 3, endDate: '2027-01-09' }, actor, now))).toMatch(
      /10 janvier 2027 sortirait de la mission/,
    );
    const edited = editMission(
      mission,
      { version: 3, endDate: '2027-01-10', plannedHalfDays: 5 },
      actor,
      now,
    );
    expect(edited).toMatchObject({ endDate: '2027-01-10', plannedHalfDays: 5, version: 4 });
    expect(edited.history.at(-1)).toMatchObject({ change: 'edited', actor });
  });
});

describe('starting a mission (Code du travail, L8241-2)', () => {
  it.each<[string, NewMission['checklist'], RegExp | null]>([
    ['complete', { agreementSignedOn: '2026-11-10', consentSignedOn: '2026-11-12' }, null],
    ['no agreement', { consentSignedOn: '2026-11-12' }, /signature de la convention/],
    ['no consent', { agreementSignedOn: '2026-11-10' }, /accord écrit du salarié/],
    ['nothing', {}, /signature de la convention/],
  ])('checklist %s', (_case, checklist, refused) => {
    const mission = created({ checklist });
    if (refused) expect(refusal(() => startMission(mission, actor, now))).toMatch(refused);
    else
      expect(startMission(mission, actor, now)).toMatchObject({
        status: 'active',
        startedAt: now.toISOString(),
      });
  });

  it('starts once', () => {
    expect(refusal(() => startMission(started(), actor, now))).toBe(
      'Une mission «\u00a0en cours\u00a0» ne permet pas de la démarrer.',
    );
  });

  it('keeps its checklist complete once started', () => {
    expect(
      refusal(() =>
        editMission(started(), { version: 2, checklist: { agreementSignedOn: '2026-11-10' } }, actor, now),
      ),
    ).toMatch(/garde sa convention/);
  });
});

describe('half-days', () => {
  it('counts planned and done against the plan, never cancelled ones', () => {
    let mission = plan(plan(started(), '2026-11-20'), '2026-11-20', 'afternoon');
    mission = changeIntervention(mission, 'I1', { action: 'done', version: mission.version }, actor, now);
    expect(missionTotals(mission)).toEqual({ planned: 2, delivered: 1, remaining: 1 });
    mission = changeIntervention(mission, 'I2', { action: 'cancel', version: mission.version }, actor, now);
    expect(missionTotals(mission)).toEqual({ planned: 1, delivered: 1, remaining: 2 });
  });

  it.each<[string, (m: Mission) => Mission, RegExp]>([
    [
      'beyond the planned half-days',
      (m) => plan(plan(plan(m, '2027-01-04'), '2027-01-05'), '2027-01-06'),
      /Les 3\u00a0demi-journées de la mission sont déjà prévues/,
    ],
    [
      'before the start',
      (m) => m,
      /entre le début et la fin de la mission, du 15 novembre 2026 au 30 juin 2027/,
    ],
    ['twice on one date and slot', (m) => plan(m, '2027-01-04'), /déjà prévue le 4 janvier 2027 au matin/],
  ])('refuses one %s', (name, given, refused) => {
    const mission = given(started());
    const date = name === 'before the start' ? '2026-11-14' : '2027-01-04';
    expect(refusal(() => plan(mission, date))).toMatch(refused);
  });

  it('allows the same date in the other slot, and a slot freed by a cancellation', () => {
    let mission = plan(plan(started(), '2027-01-04'), '2027-01-04', 'afternoon');
    mission = changeIntervention(mission, 'I1', { action: 'cancel', version: mission.version }, actor, now);
    expect(plan(mission, '2027-01-04').interventions).toHaveLength(3);
  });

  it('reschedules with its history and a new calendar sequence', () => {
    let mission = plan(started(), '2027-01-04');
    mission = changeIntervention(
      mission,
      'I1',
      {
        action: 'reschedule',
        version: mission.version,
        date: '2027-01-11',
        slot: 'afternoon',
        note: 'Grève',
      },
      actor,
      now,
    );
    expect(mission.interventions[0]).toMatchObject({
      date: '2027-01-11',
      slot: 'afternoon',
      sequence: 1,
      status: 'planned',
    });
    expect(mission.interventions[0]?.history.at(-1)).toMatchObject({
      change: 'rescheduled',
      from: { date: '2027-01-04', slot: 'morning' },
      to: { date: '2027-01-11', slot: 'afternoon' },
      note: 'Grève',
    });
    expect(mission.history.at(-1)).toMatchObject({ change: 'rescheduled', interventionId: 'I1' });
  });

  it('refuses to move a half-day onto a taken slot or out of the mission', () => {
    const mission = plan(plan(started(), '2027-01-04'), '2027-01-05');
    const move = (date: string) => () =>
      changeIntervention(
        mission,
        'I1',
        { action: 'reschedule', version: 3, date, slot: 'morning' },
        actor,
        now,
      );
    expect(refusal(move('2027-01-05'))).toMatch(/déjà prévue le 5 janvier 2027/);
    expect(refusal(move('2027-07-01'))).toMatch(/entre le début et la fin/);
  });

  it.each<[string, string, RegExp | null]>([
    ['yesterday', '2026-11-30', null],
    ['today', '2026-12-01', null],
    ['tomorrow', '2026-12-02', /2 décembre 2026 n’a pas encore eu lieu/],
  ])('is done %s only when it has happened', (_case, date, refused) => {
    const mission = plan(started(), date);
    const done = () =>
      changeIntervention(mission, 'I1', { action: 'done', version: 3, note: 'Bon échange' }, actor, now);
    if (refused) expect(refusal(done)).toMatch(refused);
    else expect(done().interventions[0]).toMatchObject({ status: 'done', note: 'Bon échange' });
  });

  it('is done only once the mission has started, and changes no more', () => {
    const preparing = plan(created(), '2026-11-20');
    expect(
      refusal(() => changeIntervention(preparing, 'I1', { action: 'done', version: 2 }, actor, now)),
    ).toMatch(/démarrez-la d’abord/);
    let mission = plan(started(), '2026-11-20');
    mission = changeIntervention(mission, 'I1', { action: 'done', version: 3 }, actor, now);
    expect(
      refusal(() => changeIntervention(mission, 'I1', { action: 'cancel', version: 4 }, actor, now)),
    ).toMatch(/déjà réalisée/);
    expect(
      refusal(() => changeIntervention(mission, 'I9', { action: 'cancel', version: 4 }, actor, now)),
    ).toMatch(/n’existe pas/);
  });

  it('cannot lower the plan below what is planned', () => {
    const mission = plan(plan(started(), '2027-01-04'), '2027-01-05');
    expect(refusal(() => editMission(mission, { version: 4, plannedHalfDays: 1 }, actor, now))).toMatch(
      /2\u00a0demi-journées sont déjà prévues ou réalisées/,
    );
  });
});

describe('closing with outcomes', () => {
  const delivered = () => {
    const mission = plan(started(), '2026-11-20');
    return changeIntervention(mission, 'I1', { action: 'done', version: 3 }, actor, now);
  };
  const outcomes = { jobsCreated: 1, jobsMaintained: 4, satisfaction: 5, comment: 'Très utile' };

  it.each<[string, () => Mission, RegExp]>([
    ['a mission not started', () => created(), /«\u00a0en préparation\u00a0» ne permet pas de la clôturer/],
    ['a half-day still planned', () => plan(delivered(), '2027-01-04'), /Une demi-journée est encore prévue/],
  ])('refuses %s', (_case, given, refused) => {
    expect(refusal(() => closeMission(given(), { mode: 'ask', version: 9 }, actor, now))).toMatch(refused);
  });

  it('closes at once with the outcomes staff enter, the first follow-up due in 12 months', () => {
    const closed = closeMission(delivered(), { mode: 'outcomes', version: 4, sme: outcomes }, actor, now);
    expect(closed).toMatchObject({
      status: 'closed',
      closedAt: now.toISOString(),
      nextFollowUp: { month: 12, dueAt: '2027-12-01T09:00:00.000Z' },
      outcomes: { sme: { ...outcomes, by: 'staff' } },
    });
  });

  it('waits for the SME when asked by mail; the SME’s answer closes it, the volunteer’s does not', () => {
    const closing = closeMission(delivered(), { mode: 'ask', version: 4 }, actor, now);
    expect(closing.status).toBe('closing');
    const withVolunteer = recordOutcome(closing, { role: 'volunteer', outcome: { satisfaction: 4 } }, now);
    expect(withVolunteer).toMatchObject({
      status: 'closing',
      outcomes: { volunteer: { satisfaction: 4, by: 'volunteer' } },
    });
    const closed = recordOutcome(withVolunteer, { role: 'sme', outcome: outcomes }, now);
    expect(closed).toMatchObject({ status: 'closed', outcomes: { sme: { by: 'sme' } } });
    expect(closed.history.at(-1)).toMatchObject({ change: 'closed', from: 'closing', to: 'closed' });
    expect(refusal(() => recordOutcome(closed, { role: 'sme', outcome: outcomes }, now))).toMatch(
      /déjà enregistrée/,
    );
  });

  it('refuses an outcome before it is asked', () => {
    expect(refusal(() => recordOutcome(delivered(), { role: 'sme', outcome: outcomes }, now))).toMatch(
      /pas encore demandé/,
    );
  });

  it('owes the 24-month follow-up after the 12-month one, and nothing after', () => {
    const closed = closeMission(delivered(), { mode: 'outcomes', version: 4, sme: outcomes }, actor, now);
    const after12 = followUpSent(closed, 12, new Date('2027-12-01T07:00:00Z'));
    expect(after12.nextFollowUp).toEqual({ month: 24, dueAt: '2028-12-01T09:00:00.000Z' });
    const after24 = followUpSent(after12, 24, new Date('2028-12-01T07:00:00Z'));
    expect(after24.nextFollowUp).toBeUndefined();
    const answered = recordFollowUp(after12, 12, { jobsCreated: 2, jobsMaintained: 4 }, now);
    expect(answered.outcomes.followUps).toEqual([expect.objectContaining({ month: 12, jobsCreated: 2 })]);
    expect(refusal(() => recordFollowUp(answered, 12, { jobsCreated: 3, jobsMaintained: 4 }, now))).toMatch(
      /déjà enregistrée/,
    );
  });
});

describe('mission ids', () => {
  it.each([
    ['ALZ-36-2026-0001-M1', { reference: 'ALZ-36-2026-0001', number: 1 }],
    ['ALZ-2A-2027-0123-M12', { reference: 'ALZ-2A-2027-0123', number: 12 }],
    ['ALZ-36-2026-0001-M0', undefined],
    ['ALZ-36-2026-0001', undefined],
    ['../ALZ-36-2026-0001-M1', undefined],
  ])('%s', (id, expected) => {
    expect(parseMissionId(id)).toEqual(expected);
  });
});
