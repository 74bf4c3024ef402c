import type { DocumentClient } from '../../functions/db/client.ts';
import { committeeRepository } from '../../functions/db/committee-repository.ts';
import { directoryRepository } from '../../functions/db/directory-repository.ts';
import { type ApplicationData, applicationKeys } from '../../functions/db/entities/application.ts';
import type { StoredSubmission } from '../../functions/db/entities/submission.ts';
import { missionRepository } from '../../functions/db/mission-repository.ts';
import { submissionRepository } from '../../functions/db/submission-repository.ts';
import type { HistoryEntry } from '../../functions/domain/applications/lifecycle.ts';
import type { Mission } from '../../functions/domain/missions/mission.ts';
import type { ApplicationStatus } from '../../shared/application-lifecycle.ts';
import type { InterventionStatus } from '../../shared/missions.ts';
import type { Network } from '../../shared/networks.ts';
import { validApplication } from './form-posts.ts';

/**
 * A network's story written straight through the real repositories, as the back office would have
 * left it: each application with its whole history (received, qualified, scheduled, decided), each
 * committee with its decisions, each mission with its half-days and outcomes. The statistics tests
 * state their expected totals from the same plain description, without the code under test.
 */
export const aNetwork = (id: string, departement: string, name: string): Network => ({
  id,
  name,
  operator: `Initiative ${name}`,
  departements: [departement],
  contact: {
    address: [`Initiative ${name}`, '1 place de la Mairie', `${departement}000 Ville`],
    phone: '05 49 00 00 00',
    email: `contact@${id}.example.org`,
  },
  staffEmails: [`alize@${id}.example.org`, `equipe@${id}.example.org`],
  steeringCommitteeEmails: [`copil@${id}.example.org`],
});

const staff = { id: 'sub-test', name: 'test@example.org' };

export interface ApplicationStory {
  reference: string;
  receivedAt: string;
  employees: number;
  competences: string[];
  jobsToCreate?: number;
  jobsToMaintain?: number;
  qualifiedAt?: string;
  /** Scheduled at `at` for the committee of `committeeDate`, then what it decided, typed at `decidedAt`. */
  committee?: {
    scheduledAt: string;
    committeeDate: string;
    decision: 'approved' | 'rejected' | 'deferred';
    decidedAt: string;
  };
  withdrawnAt?: string;
}

export interface MissionStory {
  reference: string;
  number?: number;
  partnerId: string;
  volunteerId: string;
  competenceId: string;
  createdAt: string;
  interventions: { date: string; status: InterventionStatus }[];
  closed?: { at: string; jobsCreated: number; jobsMaintained: number };
  followUps?: { at: string; jobsCreated: number; jobsMaintained: number }[];
}

export const writeApplication = async (
  client: DocumentClient,
  tableName: string,
  network: string,
  story: ApplicationStory,
) => {
  const form = validApplication();
  const history: HistoryEntry[] = [
    { at: story.receivedAt, actor: { id: 'public-form', name: 'Formulaire du site' }, to: 'received' },
  ];
  let status: ApplicationStatus = 'received';
  const move = (at: string, to: ApplicationStatus, extra: Partial<HistoryEntry> = {}) => {
    history.push({ at, actor: staff, from: status, to, ...extra });
    status = to;
  };
  if (story.qualifiedAt) move(story.qualifiedAt, 'qualified');
  let committee: { id: string; date: string } | undefined;
  if (story.committee) {
    committee = { id: `${story.committee.committeeDate}-${network}`, date: story.committee.committeeDate };
    move(story.committee.scheduledAt, 'scheduled', { committee });
    move(
      story.committee.decidedAt,
      story.committee.decision,
      story.committee.decision === 'approved' ? {} : { reason: 'Motif' },
    );
  }
  if (story.withdrawnAt) move(story.withdrawnAt, 'withdrawn', { reason: 'L’entreprise renonce.' });
  const last = history.at(-1)?.at ?? story.receivedAt;
  const record: StoredSubmission<ApplicationData> = {
    reference: story.reference,
    network,
    status,
    createdAt: story.receivedAt,
    updatedAt: last,
    version: history.length,
    history,
    source: 'public-form',
    ...(committee ? { committee } : {}),
    data: {
      company: {
        ...form.company,
        employees: story.employees,
        communeCode: '86194',
        communeName: 'Poitiers',
        departement: '86',
      },
      contact: form.contact,
      project: {
        ...form.project,
        competences: story.competences,
        jobsToCreate: story.jobsToCreate,
        jobsToMaintain: story.jobsToMaintain,
      },
      consentedAt: story.receivedAt,
    } as ApplicationData,
  };
  await submissionRepository<ApplicationData>(client, tableName, applicationKeys).create(record);
  if (story.committee && story.committee.decision !== 'deferred') {
    const committees = committeeRepository(client, tableName);
    await committees.create({
      id: committee?.id ?? '',
      network,
      date: story.committee.committeeDate,
      createdAt: story.committee.scheduledAt,
      createdBy: staff,
      decisions: [],
    });
    await committees.recordDecision(committee?.id ?? '', {
      reference: story.reference,
      decision: story.committee.decision,
      at: story.committee.decidedAt,
      actor: staff,
    });
  }
};

export const writeMission = async (
  client: DocumentClient,
  tableName: string,
  network: string,
  story: MissionStory,
) => {
  const number = story.number ?? 1;
  const interventions = story.interventions.map((intervention, index) => ({
    id: `i${index + 1}`,
    date: intervention.date,
    slot: 'morning' as const,
    remote: false,
    status: intervention.status,
    sequence: 0,
    history: [{ at: story.createdAt, actor: staff, change: 'planned' as const }],
  }));
  const writes = [
    story.createdAt,
    ...(story.closed ? [story.closed.at] : []),
    ...(story.followUps ?? []).map((answer) => answer.at),
  ].sort();
  const done = story.interventions
    .filter((i) => i.status === 'done')
    .map((i) => i.date)
    .sort();
  const mission: Mission = {
    id: `${story.reference}-M${number}`,
    reference: story.reference,
    network,
    number,
    status: story.closed ? 'closed' : done.length > 0 ? 'active' : 'preparing',
    version: 1,
    createdAt: story.createdAt,
    updatedAt: writes.at(-1) ?? story.createdAt,
    ...(done.length > 0 ? { startedAt: story.createdAt } : {}),
    ...(story.closed ? { closedAt: story.closed.at } : {}),
    competenceId: story.competenceId,
    partnerId: story.partnerId,
    volunteerId: story.volunteerId,
    plannedHalfDays: Math.max(1, story.interventions.length),
    startDate: story.interventions.map((i) => i.date).sort()[0] ?? story.createdAt.slice(0, 10),
    endDate:
      story.interventions
        .map((i) => i.date)
        .sort()
        .at(-1) ?? story.createdAt.slice(0, 10),
    checklist: {},
    interventions,
    outcomes: {
      ...(story.closed
        ? {
            sme: {
              jobsCreated: story.closed.jobsCreated,
              jobsMaintained: story.closed.jobsMaintained,
              satisfaction: 5,
              at: story.closed.at,
              by: 'staff' as const,
            },
          }
        : {}),
      followUps: (story.followUps ?? []).map((answer, index) => ({
        month: index === 0 ? (12 as const) : (24 as const),
        at: answer.at,
        jobsCreated: answer.jobsCreated,
        jobsMaintained: answer.jobsMaintained,
      })),
    },
    history: [{ at: story.createdAt, actor: staff, change: 'created' }],
  };
  if (!(await missionRepository(client, tableName).create(mission)))
    throw new Error(`mission ${mission.id} exists`);
};

export const writeCatalogue = async (
  client: DocumentClient,
  tableName: string,
  network: string,
  entries: { competence: { id: string; label: string }; partnerIds: string[] }[],
  at: string,
) => {
  const directory = directoryRepository(client, tableName);
  const partnerIds = [...new Set(entries.flatMap((entry) => entry.partnerIds))];
  for (const id of partnerIds) {
    await directory.partners.create({
      id,
      network,
      status: 'active',
      createdAt: at,
      updatedAt: at,
      version: 1,
      history: [{ at, actor: staff, change: 'created' }],
      name: `Partenaire ${id}`,
      siret: '73282932000074',
      sector: 'Industrie',
      contact: { firstName: 'Anne', lastName: 'Martin', email: `${id}@partenaire.example.com` },
    });
  }
  for (const entry of entries) {
    await directory.competences.create({
      id: entry.competence.id,
      network,
      category: 'quality',
      label: entry.competence.label,
      description: '',
      partnerIds: entry.partnerIds,
      status: 'active',
      createdAt: at,
      updatedAt: at,
      version: 1,
      history: [{ at, actor: staff, change: 'created' }],
    });
  }
};
