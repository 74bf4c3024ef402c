import { describe, expect, it } from 'vitest';
import { planMove, TransitionRefusedError } from '../../functions/domain/applications/lifecycle.ts';
import { type ApplicationStatus, applicationStatuses } from '../../shared/application-lifecycle.ts';
import { allowedMoves } from '../support/staff-actors.ts';
import { typographyFaults } from '../support/typography.ts';

/** Moves only the missions make: refused to staff, allowed to the missions. */
const byMissions: [ApplicationStatus, ApplicationStatus][] = [
  ['approved', 'in-progress'],
  ['in-progress', 'closed'],
];

const now = new Date('2026-12-01T10:00:00Z');
const actor = { id: 'sub-1', name: 'claire.bernard@initiative-indre.example.org' };
const committee = { id: '2027-01-20-indre', network: 'indre', date: '2027-01-20' };
const state = (status: ApplicationStatus) => ({ network: 'indre', status, version: 3 });

const attempt = (from: ApplicationStatus, to: ApplicationStatus, by: 'staff' | 'missions' = 'staff') => {
  try {
    return planMove(state(from), { to, reason: 'Vu avec le dirigeant.', committee }, by, actor, now);
  } catch (error) {
    return error as Error;
  }
};

describe('the application lifecycle', () => {
  for (const from of applicationStatuses) {
    for (const to of applicationStatuses) {
      const rule = allowedMoves[from][to];
      if (rule !== undefined) {
        it(`lets staff move ${from} → ${to}, with its history line`, () => {
          expect(attempt(from, to)).toEqual({
            at: now.toISOString(),
            actor,
            from,
            to,
            reason: 'Vu avec le dirigeant.',
            ...(rule === 'C' ? { committee: { id: committee.id, date: committee.date } } : {}),
          });
        });
      } else if (!byMissions.some(([a, b]) => a === from && b === to)) {
        it(`refuses ${from} → ${to} with a French message`, () => {
          const refused = attempt(from, to) as Error;
          expect(refused).toBeInstanceOf(TransitionRefusedError);
          expect(refused.message).toMatch(/^(Une|Cette) candidature /);
          expect(typographyFaults(refused.message)).toEqual([]);
        });
      }
    }
  }

  it('keeps the missions’ moves to the missions', () => {
    for (const [from, to] of byMissions) {
      expect(attempt(from, to)).toBeInstanceOf(TransitionRefusedError);
      expect(attempt(from, to, 'missions')).toMatchObject({ from, to });
    }
  });

  it('asks for the reason where one is required, and for the committee when scheduling', () => {
    const required = applicationStatuses.flatMap((from) =>
      Object.entries(allowedMoves[from])
        .filter(([, rule]) => rule === 'R')
        .map(([to]) => [from, to as ApplicationStatus] as const),
    );
    expect(required.length).toBeGreaterThan(10);
    for (const [from, to] of required) {
      expect(() => planMove(state(from), { to }, 'staff', actor, now)).toThrow(/Indiquez le motif/);
    }
    expect(() => planMove(state('qualified'), { to: 'scheduled' }, 'staff', actor, now)).toThrow(
      'Choisissez le comité d’agrément où présenter ce projet.',
    );
  });

  it('refuses a committee of another network, or one already held', () => {
    const cher = { ...committee, id: '2027-01-20-cher', network: 'cher' };
    expect(() =>
      planMove(state('qualified'), { to: 'scheduled', committee: cher }, 'staff', actor, now),
    ).toThrow('Ce comité n’est pas celui du réseau de la candidature.');
    const past = { ...committee, id: '2026-11-30-indre', date: '2026-11-30' };
    expect(() =>
      planMove(state('qualified'), { to: 'scheduled', committee: past }, 'staff', actor, now),
    ).toThrow(/déjà eu lieu/);
  });

  it('records an orientation only for an ineligible application', () => {
    expect(
      planMove(
        state('received'),
        { to: 'ineligible', reason: 'Projet de création pure.', orientation: 'loan-network' },
        'staff',
        actor,
        now,
      ),
    ).toMatchObject({ to: 'ineligible', orientation: 'loan-network' });
    expect(() =>
      planMove(state('received'), { to: 'qualified', orientation: 'loan-network' }, 'staff', actor, now),
    ).toThrow(TransitionRefusedError);
  });
});
