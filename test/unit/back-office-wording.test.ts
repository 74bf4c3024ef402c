import { describe, expect, it } from 'vitest';
import { isFinal } from '../../functions/domain/applications/lifecycle.ts';
import { applicationStatuses } from '../../shared/application-lifecycle.ts';
import {
  clockTime,
  closedStatuses,
  committeeWhen,
  dayCount,
  daysAgo,
  groupByStatus,
  moveLabel,
  openStatuses,
  readableSiret,
  splitCommittees,
  waitingOnLabel,
} from '../../site/src/lib/staff/format.ts';
import { pastSteps, stepLabels, upcomingSteps } from '../../site/src/lib/status-steps.ts';
import { typographyFaults } from '../support/typography.ts';

/** What the back office and the SME's status page say, worded from what the API answers. */
const nbsp = '\u00a0';

describe('how long an application has waited', () => {
  it.each([
    [0, 'aujourd’hui'],
    [1, 'hier'],
    [2, `il y a 2${nbsp}jours`],
    [31, `il y a 31${nbsp}jours`],
  ])('received %i days ago reads « %s »', (days, text) => {
    expect(daysAgo(days)).toBe(text);
  });

  it.each([
    [0, 'moins d’un jour'],
    [1, `1${nbsp}jour`],
    [12, `12${nbsp}jours`],
  ])('%i days in a status reads « %s »', (days, text) => {
    expect(dayCount(days)).toBe(text);
  });
});

describe('on whom an application waits', () => {
  it.each([
    ['staff', 'à vous'],
    ['sme', 'à l’entreprise'],
    ['committee', 'au comité'],
    ['missions', 'aux missions'],
    [null, 'personne'],
  ] as const)('%s reads « %s »', (waitingOn, text) => {
    expect(waitingOnLabel(waitingOn)).toBe(text);
  });
});

describe('a committee’s date and time', () => {
  it('reads « 15 mars 2027 à 14 h 30 », the hour alone on the hour, the first of the month as 1er', () => {
    expect(committeeWhen({ date: '2027-03-15', time: '14:30' })).toBe(`15 mars 2027 à 14${nbsp}h${nbsp}30`);
    expect(committeeWhen({ date: '2027-03-01', time: '09:00' })).toBe(`1er mars 2027 à 9${nbsp}h`);
    expect(committeeWhen({ date: '2027-12-07' })).toBe('7 décembre 2027');
    expect(clockTime('08:05')).toBe(`8${nbsp}h${nbsp}05`);
  });

  it('splits upcoming committees (today’s included, soonest first) from past ones (latest first)', () => {
    // Given committees around 15 March 2027, 23:30 in Paris (22:30 UTC)
    const now = new Date('2027-03-15T22:30:00Z');
    const committees = [
      { id: 'a', date: '2027-03-14' },
      { id: 'b', date: '2027-04-02', time: '09:00' },
      { id: 'c', date: '2027-03-15', time: '14:30' },
      { id: 'd', date: '2027-01-10' },
      { id: 'e', date: '2027-04-02', time: '08:30' },
    ];

    // When they are split
    const { upcoming, past } = splitCommittees(committees, now);

    // Then the day itself is still upcoming in Paris, and each list runs in the order staff read it
    expect(upcoming.map((c) => c.id)).toEqual(['c', 'e', 'b']);
    expect(past.map((c) => c.id)).toEqual(['a', 'd']);
  });
});

describe('the inbox’s statuses', () => {
  it('calls « closed » exactly the statuses no move leaves, as the domain’s table has it', () => {
    expect([...closedStatuses].sort()).toEqual(applicationStatuses.filter(isFinal).sort());
    expect(openStatuses).toEqual(applicationStatuses.filter((status) => !isFinal(status)));
  });

  it('groups items by status in the lifecycle’s order, keeping the API’s order within a group', () => {
    const items = [
      { reference: 'r1', status: 'scheduled' },
      { reference: 'r2', status: 'received' },
      { reference: 'r3', status: 'scheduled' },
    ] as const;

    expect(groupByStatus(items).map((g) => [g.status, g.items.map((i) => i.reference)])).toEqual([
      ['received', ['r2']],
      ['scheduled', ['r1', 'r3']],
    ]);
  });
});

describe('the wording of moves, steps and numbers', () => {
  it('names each move from where the application stands', () => {
    expect(moveLabel('received', 'qualified')).toBe('Qualifier la candidature');
    expect(moveLabel('scheduled', 'qualified')).toBe('Retirer de l’ordre du jour du comité');
    expect(moveLabel('deferred', 'scheduled')).toBe('Inscrire à un nouveau comité');
    expect(moveLabel('approved', 'in-progress')).toBe(`Passer à «${nbsp}Accompagnement en cours${nbsp}»`);
  });

  it('shows the usual steps still to come, and none after an ending', () => {
    expect(upcomingSteps('scheduled')).toEqual([
      'Décision du comité',
      'Accompagnement par un salarié d’une entreprise partenaire',
      'Fin de l’accompagnement',
    ]);
    expect(upcomingSteps('info-requested')[0]).toBe('Présentation de votre projet au comité d’agrément');
    for (const ending of ['rejected', 'ineligible', 'withdrawn', 'closed'] as const) {
      expect(upcomingSteps(ending), ending).toEqual([]);
    }
  });

  it('dates the steps that happened in Paris time, the last one current', () => {
    const steps = pastSteps([
      { status: 'received', at: '2026-11-30T23:30:00Z' },
      { status: 'scheduled', at: '2027-02-01T10:00:00Z', committeeDate: '2027-03-15' },
    ]);

    expect(steps).toEqual([
      { label: stepLabels.received, when: 'le 1er décembre 2026', current: false },
      {
        label: stepLabels.scheduled,
        when: 'le 1er février 2027',
        detail: 'Comité du 15 mars 2027',
        current: true,
      },
    ]);
  });

  it('prints a SIRET in its four groups, held on one line', () => {
    expect(readableSiret('73282932000074')).toBe(`732${nbsp}829${nbsp}320${nbsp}00074`);
  });

  it('writes every label with its no-break spaces', () => {
    const texts = [
      ...applicationStatuses.flatMap((from) => applicationStatuses.map((to) => moveLabel(from, to))),
      ...Object.values(stepLabels),
      ...applicationStatuses.flatMap(upcomingSteps),
      waitingOnLabel('sme'),
      committeeWhen({ date: '2027-03-15', time: '14:30' }),
    ];
    expect(texts.flatMap(typographyFaults)).toEqual([]);
  });
});
