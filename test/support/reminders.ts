import { createDocumentClient } from '../../functions/db/client.ts';
import { committeeRepository } from '../../functions/db/committee-repository.ts';
import { type ApplicationData, applicationKeys } from '../../functions/db/entities/application.ts';
import { committeeId } from '../../functions/db/entities/committee.ts';
import type { StoredSubmission } from '../../functions/db/entities/submission.ts';
import { missionRepository } from '../../functions/db/mission-repository.ts';
import { submissionRepository } from '../../functions/db/submission-repository.ts';
import type { Mission } from '../../functions/domain/missions/mission.ts';
import { config } from '../../functions/runtime/config.ts';
import { localDynamoDbClient } from '../../infra/local/emulators.ts';
import type { ApplicationStatus } from '../../shared/application-lifecycle.ts';
import type { Intervention } from '../../shared/missions.ts';
import type { VolunteerRecord } from '../../shared/partners.ts';
import { validApplication } from './form-posts.ts';
import { missionCompetence } from './missions.ts';

/**
 * What a reminders test starts from, at fixed dates (the job's clock is fixed too): applications
 * received on a given day, committees, missions with their half-days, written straight through the
 * repositories, as the back office would have left them.
 */
const client = () => createDocumentClient(localDynamoDbClient(process.env.AWS_ENDPOINT_URL_DYNAMODB ?? ''));
const actor = { id: 'sub-claire', name: 'claire.bernard@initiative-indre.example.org' };

let counter = 0;
const unique = () => `${process.pid % 100}${Date.now() % 10_000}${++counter}`.slice(-6).padStart(6, '0');

export const givenApplicationAt = async (
  receivedAt: string,
  options: {
    status?: ApplicationStatus;
    network?: string;
    companyName?: string;
    committee?: { id: string; date: string };
    opinion?: string;
  } = {},
): Promise<StoredSubmission<ApplicationData>> => {
  const form = validApplication();
  const network = options.network ?? 'indre';
  const reference = `ALZ-${network === 'cher' ? '18' : '36'}-2027-${unique()}`;
  const status = options.status ?? 'received';
  const record: StoredSubmission<ApplicationData> = {
    reference,
    network,
    status,
    createdAt: receivedAt,
    updatedAt: receivedAt,
    version: status === 'received' ? 1 : 2,
    history: [
      { at: receivedAt, actor: { id: 'public-form', name: 'Formulaire du site' }, to: 'received' },
      ...(status === 'received' ? [] : [{ at: receivedAt, actor, from: 'received' as const, to: status }]),
    ],
    source: 'public-form',
    ...(options.committee ? { committee: options.committee } : {}),
    ...(options.opinion ? { opinion: options.opinion } : {}),
    data: {
      company: {
        ...form.company,
        name: options.companyName ?? form.company.name,
        communeCode: '36044',
        communeName: 'Châteauroux',
        departement: '36',
      },
      contact: { ...form.contact, email: `gerante-${reference.toLowerCase()}@pme.example.fr` },
      project: form.project,
      consentedAt: receivedAt,
    } as ApplicationData,
  };
  const db = client();
  await submissionRepository<ApplicationData>(db, config().dataTableName, applicationKeys).create(record);
  db.destroy();
  return record;
};

export const givenCommittee = async (network: string, date: string) => {
  const db = client();
  await committeeRepository(db, config().dataTableName).create({
    id: committeeId(network, date),
    network,
    date,
    time: '14:00',
    createdAt: `${date}T08:00:00.000Z`,
    createdBy: actor,
    decisions: [],
  });
  db.destroy();
  return { id: committeeId(network, date), date };
};

export const halfDay = (
  id: string,
  date: string,
  status: Intervention['status'] = 'planned',
  slot: Intervention['slot'] = 'morning',
): Intervention => ({
  id,
  date,
  slot,
  remote: false,
  place: 'Atelier de Châteauroux',
  status,
  sequence: 0,
  history: [{ at: `${date}T08:00:00.000Z`, actor, change: 'planned' }],
});

/** A mission of an application, as stored after its last write at `writtenAt`. */
export const givenMissionAt = async (
  application: StoredSubmission<ApplicationData>,
  volunteer: VolunteerRecord,
  writtenAt: string,
  overrides: Partial<Mission> = {},
): Promise<Mission> => {
  const mission: Mission = {
    id: `${application.reference}-M1`,
    reference: application.reference,
    network: application.network,
    number: 1,
    status: 'active',
    version: 3,
    createdAt: '2027-01-04T09:00:00.000Z',
    updatedAt: writtenAt,
    startedAt: '2027-01-05T09:00:00.000Z',
    competenceId: missionCompetence?.id ?? '',
    partnerId: volunteer.partnerId,
    volunteerId: volunteer.id,
    plannedHalfDays: 6,
    startDate: '2027-01-05',
    endDate: '2027-09-30',
    checklist: { agreementSignedOn: '2027-01-02', consentSignedOn: '2027-01-03' },
    interventions: [],
    outcomes: { followUps: [] },
    history: [
      { at: '2027-01-04T09:00:00.000Z', actor, change: 'created', to: 'preparing' },
      { at: '2027-01-05T09:00:00.000Z', actor, change: 'started', from: 'preparing', to: 'active' },
    ],
    ...overrides,
  };
  const db = client();
  await missionRepository(db, config().dataTableName).create(mission);
  db.destroy();
  return mission;
};
