import type { ApplicationData } from '../../functions/db/entities/application.ts';
import { type CommitteeRecord, committeeId } from '../../functions/db/entities/committee.ts';
import type { StoredSubmission } from '../../functions/db/entities/submission.ts';
import { type HistoryEntry, publicFormActor } from '../../functions/domain/applications/lifecycle.ts';
import { type Mission, missionId } from '../../functions/domain/missions/mission.ts';
import type { ApplicationStatus } from '../../shared/application-lifecycle.ts';
import { parisIsoDate } from '../../shared/dates.ts';
import type { Intervention, InterventionHistoryLine, MissionStatus } from '../../shared/missions.ts';
import type { VolunteerRecord } from '../../shared/partners.ts';
import { demoApplications, type demoNetworks } from './demo-applications.ts';

/**
 * Fourteen months of a demo network's past, so that a newcomer's first monthly statistics have a
 * year-earlier column and the daily digest has something to say: a committee each month, deciding
 * the applications received some weeks before, and a mission for most of those approved, with its
 * half-days done, cancelled or still to come. Among them, on purpose: missions with half-days in the
 * coming days, one past its end date and not closed, one waiting for its outcomes.
 */
type DemoNetwork = (typeof demoNetworks)[number];

const dayMs = 86_400_000;
const at = (base: number, days: number, hour = 9) => {
  const day = new Date(base + days * dayMs);
  day.setUTCHours(hour, 0, 0, 0);
  return day.toISOString();
};

export interface DemoHistory {
  applications: StoredSubmission<ApplicationData>[];
  committees: CommitteeRecord[];
  missions: Mission[];
}

export const demoHistory = async (
  network: DemoNetwork,
  volunteers: readonly VolunteerRecord[],
  now: Date,
  referenceFor: (receivedAt: string) => Promise<string>,
): Promise<DemoHistory> => {
  const today = now.getTime();
  const staff = network.staff;
  const history: DemoHistory = { applications: [], committees: [], missions: [] };
  // The shapes (companies, contacts, projects) of the usual demo applications, dated anew.
  const shapes = demoApplications(network, [], now);
  let shapeIndex = 0;
  for (let monthsAgo = 14; monthsAgo >= 1; monthsAgo--) {
    const committeeDay = new Date(now);
    committeeDay.setUTCDate(1);
    committeeDay.setUTCMonth(committeeDay.getUTCMonth() - monthsAgo);
    committeeDay.setUTCDate(17);
    const date = parisIsoDate(committeeDay);
    const committee: CommitteeRecord = {
      id: committeeId(network.id, date),
      network: network.id,
      date,
      time: '14:30',
      place: 'Salle du conseil',
      createdAt: at(committeeDay.getTime(), -45),
      createdBy: staff,
      decisions: [],
    };
    history.committees.push(committee);
    for (let slot = 0; slot < 3; slot++) {
      const shape = shapes[shapeIndex++ % shapes.length];
      if (!shape) continue;
      const base = committeeDay.getTime();
      const receivedAt = at(base, -38 + slot * 5, 10);
      const reference = await referenceFor(receivedAt);
      const decision: ApplicationStatus = (monthsAgo + slot) % 4 === 0 ? 'rejected' : 'approved';
      const scheduled = { id: committee.id, date };
      const lines: HistoryEntry[] = [
        { at: receivedAt, actor: publicFormActor, to: 'received' },
        { at: at(base, -30 + slot * 5), actor: staff, from: 'received', to: 'qualified' },
        { at: at(base, -20), actor: staff, from: 'qualified', to: 'scheduled', committee: scheduled },
        {
          at: at(base, 0, 15),
          actor: staff,
          from: 'scheduled',
          to: decision,
          ...(decision === 'rejected' ? { reason: 'Le besoin relève d’un cabinet de conseil.' } : {}),
        },
      ];
      committee.decisions.push({
        reference,
        decision: decision as 'approved',
        ...(decision === 'rejected' ? { reason: 'Le besoin relève d’un cabinet de conseil.' } : {}),
        at: at(base, 0, 15),
        actor: staff,
      });
      const competenceId = shape.data.project.competences[0] ?? network.competences[0] ?? '';
      const volunteer = volunteers.find((candidate) => candidate.competences.includes(competenceId));
      const mission =
        decision === 'approved' && volunteer
          ? demoMission({
              reference,
              network: network.id,
              competenceId,
              volunteer,
              base,
              today,
              monthsAgo,
              slot,
              staff,
            })
          : undefined;
      let status: ApplicationStatus = decision;
      if (mission && mission.status !== 'preparing') {
        lines.push({
          at: mission.startedAt ?? mission.createdAt,
          actor: staff,
          from: status,
          to: 'in-progress',
        });
        status = 'in-progress';
      }
      if (mission?.status === 'closed') {
        lines.push({ at: mission.closedAt ?? mission.updatedAt, actor: staff, from: status, to: 'closed' });
        status = 'closed';
      }
      history.applications.push({
        ...shape,
        reference,
        status,
        createdAt: receivedAt,
        updatedAt: lines.at(-1)?.at ?? receivedAt,
        version: lines.length,
        history: lines,
        committee: scheduled,
        data: { ...shape.data, consentedAt: receivedAt },
      });
      if (mission) history.missions.push(mission);
    }
  }
  return history;
};

const demoMission = (input: {
  reference: string;
  network: string;
  competenceId: string;
  volunteer: VolunteerRecord;
  base: number;
  today: number;
  monthsAgo: number;
  slot: number;
  staff: { id: string; name: string };
}): Mission => {
  const { base, today, monthsAgo, slot, staff } = input;
  const createdAt = at(base, 7);
  // Half-days a fortnight apart from three weeks after the committee; the recent ones bring some in
  // the coming days (two days from now, then a fortnight later). One recent mission of each network
  // also had one yesterday, not logged yet: the next reminders run asks whether it took place.
  const count = 4 + ((monthsAgo + slot) % 3);
  const recent = monthsAgo <= 2;
  const todayOffset = Math.round((today - base) / dayMs);
  const unconfirmed = recent && monthsAgo === 1 && slot === 0 ? todayOffset - 1 : undefined;
  const days = recent
    ? [
        ...Array.from({ length: 2 }, (_, n) => todayOffset - 14 * (2 - n)),
        ...(unconfirmed === undefined ? [] : [unconfirmed]),
        ...[2, 16].map((d) => todayOffset + d),
      ]
    : Array.from({ length: count }, (_, n) => 21 + n * 14);
  const interventions: Intervention[] = days.map((offset, n) => {
    const day = parisIsoDate(new Date(base + offset * dayMs));
    const past = base + offset * dayMs < today;
    const status: Intervention['status'] =
      !past || offset === unconfirmed ? 'planned' : (n + slot) % 5 === 3 ? 'cancelled' : 'done';
    const lines: InterventionHistoryLine[] = [{ at: createdAt, actor: staff, change: 'planned' }];
    if (status !== 'planned') lines.push({ at: at(base, offset, 18), actor: staff, change: status });
    return {
      id: `demi-journee-${n + 1}`,
      date: day,
      slot: n % 2 === 0 ? 'morning' : 'afternoon',
      remote: n % 3 === 2,
      status,
      sequence: status === 'planned' ? 0 : 1,
      history: lines,
    };
  });
  const lastDay = interventions.at(-1)?.date ?? parisIsoDate(new Date(base));
  const endDate = parisIsoDate(new Date(Date.parse(`${lastDay}T12:00:00Z`) + 30 * dayMs));
  const done = interventions.filter((i) => i.status === 'done');
  const startedAt = done[0] ? at(Date.parse(`${done[0].date}T12:00:00Z`), 0, 8) : undefined;
  const finished = !recent && Date.parse(`${endDate}T12:00:00Z`) < today;
  // On purpose, for the daily digest: one past its end and not closed (9 months ago, first slot),
  // one waiting for its outcomes (7 months ago, first slot).
  const pastItsEnd = monthsAgo === 9 && slot === 0;
  const awaitingOutcomes = monthsAgo === 7 && slot === 0;
  const status: MissionStatus = !startedAt
    ? 'preparing'
    : pastItsEnd || !finished
      ? 'active'
      : awaitingOutcomes
        ? 'closing'
        : 'closed';
  const closedAt = status === 'closed' ? at(Date.parse(`${endDate}T12:00:00Z`), -20, 11) : undefined;
  const closedAtMs = closedAt ? Date.parse(closedAt) : 0;
  const followUpAnswered = closedAt && closedAtMs + 366 * dayMs < today;
  const updatedAt =
    [createdAt, ...interventions.flatMap((i) => i.history.map((line) => line.at)), closedAt ?? '']
      .filter(Boolean)
      .sort()
      .at(-1) ?? createdAt;
  const jobs = (monthsAgo + slot) % 3;
  return {
    id: missionId(input.reference, 1),
    reference: input.reference,
    network: input.network,
    number: 1,
    status,
    version: 1 + interventions.length,
    createdAt,
    updatedAt: followUpAnswered ? new Date(closedAtMs + 366 * dayMs).toISOString() : updatedAt,
    ...(startedAt ? { startedAt } : {}),
    ...(closedAt ? { closedAt } : {}),
    competenceId: input.competenceId,
    partnerId: input.volunteer.partnerId,
    volunteerId: input.volunteer.id,
    plannedHalfDays: interventions.length + 2,
    startDate: parisIsoDate(new Date(base + 14 * dayMs)),
    endDate: pastItsEnd ? parisIsoDate(new Date(today - 12 * dayMs)) : endDate,
    checklist: {
      agreementSignedOn: parisIsoDate(new Date(base + 8 * dayMs)),
      consentSignedOn: parisIsoDate(new Date(base + 9 * dayMs)),
    },
    interventions,
    outcomes: {
      ...(closedAt
        ? {
            sme: {
              jobsCreated: jobs,
              jobsMaintained: 2 + jobs,
              satisfaction: 4 + (jobs % 2),
              at: closedAt,
              by: 'staff' as const,
            },
            volunteer: { satisfaction: 5, at: closedAt, by: 'staff' as const },
          }
        : {}),
      followUps: followUpAnswered
        ? [
            {
              month: 12 as const,
              at: new Date(closedAtMs + 366 * dayMs).toISOString(),
              jobsCreated: jobs + 1,
              jobsMaintained: 2 + jobs,
            },
          ]
        : [],
    },
    // No follow-up left owed: the daily follow-up job would mail the demo SMEs as the months go by.
    history: [
      { at: createdAt, actor: staff, change: 'created' },
      ...(startedAt
        ? [
            {
              at: startedAt,
              actor: staff,
              change: 'started' as const,
              from: 'preparing' as const,
              to: 'active' as const,
            },
          ]
        : []),
      ...(status === 'closing'
        ? [
            {
              at: updatedAt,
              actor: staff,
              change: 'closing' as const,
              from: 'active' as const,
              to: 'closing' as const,
            },
          ]
        : []),
      ...(closedAt
        ? [
            {
              at: closedAt,
              actor: staff,
              change: 'closed' as const,
              from: 'active' as const,
              to: 'closed' as const,
            },
          ]
        : []),
    ],
  };
};
