import { parisIsoDate } from '../../../shared/dates.ts';
import type { HistoryEntry } from '../applications/lifecycle.ts';
import type { Mission } from '../missions/mission.ts';
import type { ApplicationFacts, MissionFacts } from './network-figures.ts';

/**
 * The stored application and mission, read as the facts the monthly figures count. An application's
 * decisions come from its own history (the authority; the committee's record only mirrors it): a
 * move out of `scheduled` to `approved` or `rejected` is dated by the committee the application was
 * scheduled for, not by the moment someone typed it; `deferred` is not a decision.
 */
export interface StoredApplicationShape {
  reference: string;
  createdAt: string;
  history: readonly HistoryEntry[];
  committee?: { id: string; date: string };
  /** What anonymisation keeps of it may be less than the form sent: every part is read as optional. */
  data?: {
    company?: { employees?: number };
    project?: { competences?: readonly string[]; jobsToCreate?: number; jobsToMaintain?: number };
  };
}

export const applicationFacts = (application: StoredApplicationShape): ApplicationFacts => {
  const decisions: { decision: 'approved' | 'rejected'; committeeDate: string }[] = [];
  // The committee of the latest move to `scheduled`: the one that decided.
  let scheduledFor = application.committee?.date;
  for (const entry of application.history) {
    if (entry.to === 'scheduled' && entry.committee?.date) scheduledFor = entry.committee.date;
    if (entry.from === 'scheduled' && (entry.to === 'approved' || entry.to === 'rejected')) {
      decisions.push({ decision: entry.to, committeeDate: scheduledFor ?? parisIsoDate(new Date(entry.at)) });
    }
  }
  return {
    reference: application.reference,
    receivedAt: application.history.find((entry) => entry.to === 'received')?.at ?? application.createdAt,
    qualifiedAt: application.history.filter((entry) => entry.to === 'qualified').map((entry) => entry.at),
    decisions,
    employees: application.data?.company?.employees,
    competences: [...(application.data?.project?.competences ?? [])],
    jobsToCreate: application.data?.project?.jobsToCreate ?? 0,
    jobsToMaintain: application.data?.project?.jobsToMaintain ?? 0,
  };
};

export const missionFacts = (mission: Mission, employees: number | undefined): MissionFacts => ({
  id: mission.id,
  reference: mission.reference,
  employees,
  partnerId: mission.partnerId,
  volunteerId: mission.volunteerId,
  interventions: mission.interventions.map((intervention) => ({
    date: intervention.date,
    status: intervention.status,
  })),
  closedAt: mission.status === 'closed' ? mission.closedAt : undefined,
  outcome:
    mission.status === 'closed' && mission.outcomes.sme
      ? { jobsCreated: mission.outcomes.sme.jobsCreated, jobsMaintained: mission.outcomes.sme.jobsMaintained }
      : undefined,
  followUps: mission.outcomes.followUps.map((answer) => ({
    answeredAt: answer.at,
    jobsCreated: answer.jobsCreated,
    jobsMaintained: answer.jobsMaintained,
  })),
});

/** The instant a Paris month starts (`2027-03` → 2027-02-28T23:00:00.000Z): where the index is read from. */
export const parisMonthStart = (month: string): string => {
  const noonUtc = new Date(`${month}-01T12:00:00Z`);
  const parisHour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' }).format(
      noonUtc,
    ),
  );
  return new Date(Date.parse(`${month}-01T00:00:00Z`) - (parisHour - 12) * 3_600_000).toISOString();
};

/** The last day of a month, `YYYY-MM-DD`. */
export const lastDayOf = (month: string): string => {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
};

/** The month before: `2027-01` → `2026-12`. */
export const previousMonth = (month: string): string => {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber - 2, 1)).toISOString().slice(0, 7);
};
