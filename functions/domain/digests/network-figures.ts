import { parisIsoDate } from '../../../shared/dates.ts';

/**
 * The figures of the monthly statistics, computed from the facts of a network's applications and
 * missions over a period of whole months (`from`..`to`, `YYYY-MM`, inclusive): the month itself, the
 * year to date and the same month a year earlier are the same computation over three periods. Every
 * date is read on the Paris calendar. The README and the mail print the definitions next to the
 * figures; each line below follows one of them.
 */
export interface ApplicationFacts {
  reference: string;
  /** The instant the application was received (quarantined submissions never become facts). */
  receivedAt: string;
  /** Instants of every change to `qualified`. */
  qualifiedAt: readonly string[];
  /** Committee decisions, `deferred` left out (it is not a decision); committee days are `YYYY-MM-DD`. */
  decisions: readonly { decision: 'approved' | 'rejected'; committeeDate: string }[];
  /** Employees declared by the SME; absent when unknown. */
  employees: number | undefined;
  competences: readonly string[];
  jobsToCreate: number;
  jobsToMaintain: number;
}

export interface MissionFacts {
  id: string;
  /** The application, hence the SME, the mission serves. */
  reference: string;
  employees: number | undefined;
  partnerId: string;
  volunteerId: string;
  /** Days (`YYYY-MM-DD`) of its half-days, with what became of each. */
  interventions: readonly { date: string; status: 'planned' | 'done' | 'cancelled' }[];
  closedAt: string | undefined;
  /** Jobs reported at closing. */
  outcome: { jobsCreated: number; jobsMaintained: number } | undefined;
  /** The 12- and 24-month follow-ups answered. */
  followUps: readonly { answeredAt: string; jobsCreated: number; jobsMaintained: number }[];
}

export interface Period {
  from: string;
  to: string;
}

export type SizeClass = 'tpe' | 'pme' | 'unknown';

export interface PeriodFigures {
  received: number;
  qualified: number;
  approved: number;
  rejected: number;
  /** approved ÷ (approved + rejected), or null when there was no decision. */
  approvalRate: number | null;
  /** Calendar days from receipt to committee, over the period's decisions; null without any. */
  medianDaysToDecision: number | null;
  missionsStarted: number;
  missionsActive: number;
  missionsClosed: number;
  /** Half-day units: one intervention is one half-day. */
  halfDaysPlanned: number;
  halfDaysDelivered: number;
  partnersEngaged: number;
  volunteersEngaged: number;
  smesBySize: Record<SizeClass, number>;
  jobsDeclared: { toCreate: number; toMaintain: number };
  outcomesAtClosing: { jobsCreated: number; jobsMaintained: number; missions: number };
  outcomesAtFollowUp: { jobsCreated: number; jobsMaintained: number; answers: number };
  /** Per competence: applications of the period asking for it. */
  competencesRequested: Record<string, number>;
}

const monthOfDay = (day: string) => day.slice(0, 7);
const monthOfInstant = (at: string) => monthOfDay(parisIsoDate(new Date(at)));
const inPeriod = (month: string, period: Period) => month >= period.from && month <= period.to;

const daysBetween = (fromDay: string, toDay: string) =>
  Math.round((Date.parse(`${toDay}T12:00:00Z`) - Date.parse(`${fromDay}T12:00:00Z`)) / 86_400_000);

const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
};

/** TPE: under 10 employees; PME: 10 to 249. */
export const sizeClassOf = (employees: number | undefined): SizeClass =>
  employees === undefined ? 'unknown' : employees < 10 ? 'tpe' : 'pme';

/** The first half-day delivered: a mission starts when work does, not when it is written down. */
export const startDayOf = (mission: Pick<MissionFacts, 'interventions'>): string | undefined =>
  mission.interventions
    .filter((intervention) => intervention.status === 'done')
    .map((intervention) => intervention.date)
    .sort()[0];

export const periodFigures = (
  applications: readonly ApplicationFacts[],
  missions: readonly MissionFacts[],
  period: Period,
): PeriodFigures => {
  const received = applications.filter((a) => inPeriod(monthOfInstant(a.receivedAt), period));
  const decided = applications.flatMap((application) =>
    application.decisions
      .filter((decision) => inPeriod(monthOfDay(decision.committeeDate), period))
      .map((decision) => ({ application, ...decision })),
  );
  const approved = decided.filter((d) => d.decision === 'approved');
  const rejected = decided.filter((d) => d.decision === 'rejected');

  const started = missions.filter((m) => {
    const start = startDayOf(m);
    return start !== undefined && inPeriod(monthOfDay(start), period);
  });
  // Started before the end of the period, and not closed before its start.
  const active = missions.filter((m) => {
    const start = startDayOf(m);
    return (
      start !== undefined &&
      monthOfDay(start) <= period.to &&
      (m.closedAt === undefined || monthOfInstant(m.closedAt) >= period.from)
    );
  });
  const closed = missions.filter(
    (m) => m.closedAt !== undefined && inPeriod(monthOfInstant(m.closedAt), period),
  );
  const dated = missions.flatMap((m) =>
    m.interventions.filter((i) => inPeriod(monthOfDay(i.date), period)).map((i) => ({ mission: m, ...i })),
  );
  const delivered = dated.filter((i) => i.status === 'done');

  const smes = new Map(active.map((m) => [m.reference, sizeClassOf(m.employees)]));
  const smesBySize: Record<SizeClass, number> = { tpe: 0, pme: 0, unknown: 0 };
  for (const size of smes.values()) smesBySize[size]++;

  const followUps = missions.flatMap((m) =>
    m.followUps.filter((answer) => inPeriod(monthOfInstant(answer.answeredAt), period)),
  );
  const competencesRequested: Record<string, number> = {};
  for (const application of received) {
    for (const competence of new Set(application.competences)) {
      competencesRequested[competence] = (competencesRequested[competence] ?? 0) + 1;
    }
  }
  const sum = <T>(items: readonly T[], value: (item: T) => number) =>
    items.reduce((total, item) => total + value(item), 0);

  return {
    received: received.length,
    qualified: applications.filter((a) => a.qualifiedAt.some((at) => inPeriod(monthOfInstant(at), period)))
      .length,
    approved: approved.length,
    rejected: rejected.length,
    approvalRate: decided.length === 0 ? null : approved.length / decided.length,
    medianDaysToDecision: median(
      decided.map((d) => daysBetween(parisIsoDate(new Date(d.application.receivedAt)), d.committeeDate)),
    ),
    missionsStarted: started.length,
    missionsActive: active.length,
    missionsClosed: closed.length,
    halfDaysPlanned: dated.filter((i) => i.status !== 'cancelled').length,
    halfDaysDelivered: delivered.length,
    partnersEngaged: new Set(delivered.map((i) => i.mission.partnerId)).size,
    volunteersEngaged: new Set(delivered.map((i) => i.mission.volunteerId)).size,
    smesBySize,
    jobsDeclared: {
      toCreate: sum(approved, (d) => d.application.jobsToCreate),
      toMaintain: sum(approved, (d) => d.application.jobsToMaintain),
    },
    outcomesAtClosing: {
      jobsCreated: sum(closed, (m) => m.outcome?.jobsCreated ?? 0),
      jobsMaintained: sum(closed, (m) => m.outcome?.jobsMaintained ?? 0),
      missions: closed.filter((m) => m.outcome !== undefined).length,
    },
    outcomesAtFollowUp: {
      jobsCreated: sum(followUps, (f) => f.jobsCreated),
      jobsMaintained: sum(followUps, (f) => f.jobsMaintained),
      answers: followUps.length,
    },
    competencesRequested,
  };
};

/** The three periods of a month's statistics. */
export const periodsOf = (month: string): { month: Period; yearToDate: Period; yearEarlier: Period } => {
  const year = Number(month.slice(0, 4));
  const earlier = `${year - 1}${month.slice(4)}`;
  return {
    month: { from: month, to: month },
    yearToDate: { from: `${year}-01`, to: month },
    yearEarlier: { from: earlier, to: earlier },
  };
};
