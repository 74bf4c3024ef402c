import { describe, expect, it } from 'vitest';
import {
  type ApplicationFacts,
  type MissionFacts,
  periodFigures,
  periodsOf,
} from '../../functions/domain/digests/network-figures.ts';

const application = (reference: string, facts: Partial<ApplicationFacts>): ApplicationFacts => ({
  reference,
  receivedAt: '2027-03-10T09:00:00.000Z',
  qualifiedAt: [],
  decisions: [],
  employees: 5,
  competences: [],
  jobsToCreate: 0,
  jobsToMaintain: 0,
  ...facts,
});

const mission = (id: string, facts: Partial<MissionFacts>): MissionFacts => ({
  id,
  reference: `APP-${id}`,
  employees: 5,
  partnerId: 'p-1',
  volunteerId: 'v-1',
  interventions: [],
  closedAt: undefined,
  outcome: undefined,
  followUps: [],
  ...facts,
});

describe('the figures of a month', () => {
  const { month, yearToDate, yearEarlier } = periodsOf('2027-03');

  it('counts a receipt by its Paris day: 23:30 UTC on 28 February is 1 March in Paris', () => {
    const applications = [
      application('A', { receivedAt: '2027-02-28T23:30:00.000Z' }),
      application('B', { receivedAt: '2027-02-28T22:30:00.000Z' }),
      application('C', { receivedAt: '2027-03-31T21:59:00.000Z' }), // 23:59 in Paris (summer time)
      application('D', { receivedAt: '2027-03-31T22:00:00.000Z' }), // 1 April in Paris
    ];

    expect(periodFigures(applications, [], month).received).toBe(2);
    expect(periodFigures(applications, [], yearToDate).received).toBe(3);
  });

  it('counts a decision in the month of its committee, for an application received months before', () => {
    const applications = [
      application('A', {
        receivedAt: '2026-11-20T10:00:00.000Z',
        qualifiedAt: ['2027-01-05T10:00:00.000Z'],
        decisions: [{ decision: 'approved', committeeDate: '2027-03-15' }],
        jobsToCreate: 2,
        jobsToMaintain: 6,
      }),
      application('B', {
        receivedAt: '2027-03-01T10:00:00.000Z',
        qualifiedAt: ['2027-03-03T10:00:00.000Z'],
        decisions: [{ decision: 'rejected', committeeDate: '2027-03-15' }],
        jobsToCreate: 9,
      }),
      // Deferred in February (no decision), approved in March.
      application('C', {
        receivedAt: '2027-01-10T10:00:00.000Z',
        decisions: [{ decision: 'approved', committeeDate: '2027-03-15' }],
        jobsToMaintain: 3,
      }),
    ];
    const figures = periodFigures(applications, [], month);

    expect(figures).toMatchObject({ received: 1, qualified: 1, approved: 2, rejected: 1 });
    expect(figures.approvalRate).toBeCloseTo(2 / 3);
    // 115 (20 Nov → 15 Mar), 14 (1 → 15 Mar), 64 (10 Jan → 15 Mar): the middle one.
    expect(figures.medianDaysToDecision).toBe(64);
    // Only what the approved applications declared.
    expect(figures.jobsDeclared).toEqual({ toCreate: 2, toMaintain: 9 });
  });

  it('gives no approval rate and no median for a month without decisions', () => {
    const figures = periodFigures([application('A', {})], [], month);

    expect(figures.approvalRate).toBeNull();
    expect(figures.medianDaysToDecision).toBeNull();
  });

  it('follows a mission across months: started when its first half-day is done, active until it closes', () => {
    const spanning = mission('M1', {
      interventions: [
        { date: '2027-01-12', status: 'done' },
        { date: '2027-03-02', status: 'done' },
        { date: '2027-03-09', status: 'cancelled' },
        { date: '2027-03-30', status: 'planned' },
        { date: '2027-04-06', status: 'planned' },
      ],
    });
    const closedInMarch = mission('M2', {
      partnerId: 'p-2',
      volunteerId: 'v-2',
      employees: 40,
      interventions: [{ date: '2027-02-01', status: 'done' }],
      closedAt: '2027-03-20T10:00:00.000Z',
      outcome: { jobsCreated: 1, jobsMaintained: 4 },
    });
    const closedBefore = mission('M3', {
      interventions: [{ date: '2026-12-01', status: 'done' }],
      closedAt: '2027-02-27T10:00:00.000Z',
    });
    const notStarted = mission('M4', { interventions: [{ date: '2027-03-25', status: 'planned' }] });
    const figures = periodFigures([], [spanning, closedInMarch, closedBefore, notStarted], month);

    expect(figures).toMatchObject({
      missionsStarted: 0,
      missionsActive: 2,
      missionsClosed: 1,
      halfDaysPlanned: 3,
      halfDaysDelivered: 1,
      partnersEngaged: 1,
      volunteersEngaged: 1,
      smesBySize: { tpe: 1, pme: 1, unknown: 0 },
      outcomesAtClosing: { jobsCreated: 1, jobsMaintained: 4, missions: 1 },
    });
    expect(periodFigures([], [spanning], { from: '2027-01', to: '2027-01' }).missionsStarted).toBe(1);
  });

  it('counts the follow-ups answered in the month, whenever the mission closed', () => {
    const closedLongAgo = mission('M1', {
      interventions: [{ date: '2025-02-01', status: 'done' }],
      closedAt: '2025-03-01T10:00:00.000Z',
      followUps: [
        { answeredAt: '2026-03-05T10:00:00.000Z', jobsCreated: 1, jobsMaintained: 5 },
        { answeredAt: '2027-03-04T10:00:00.000Z', jobsCreated: 2, jobsMaintained: 5 },
      ],
    });

    expect(periodFigures([], [closedLongAgo], month).outcomesAtFollowUp).toEqual({
      jobsCreated: 2,
      jobsMaintained: 5,
      answers: 1,
    });
    expect(periodFigures([], [closedLongAgo], yearEarlier).outcomesAtFollowUp.answers).toBe(1);
    expect(periodFigures([], [closedLongAgo], month).missionsActive).toBe(0);
  });

  it('counts each competence once per application that asks for it', () => {
    const applications = [
      application('A', { competences: ['iso', 'export'] }),
      application('B', { competences: ['iso'] }),
      application('C', { receivedAt: '2027-02-10T10:00:00.000Z', competences: ['iso'] }),
    ];

    expect(periodFigures(applications, [], month).competencesRequested).toEqual({ iso: 2, export: 1 });
  });

  it('names the year to date and the same month a year earlier', () => {
    expect(yearToDate).toEqual({ from: '2027-01', to: '2027-03' });
    expect(yearEarlier).toEqual({ from: '2026-03', to: '2026-03' });
  });
});
