import { createDocumentClient } from '../../functions/db/client.ts';
import { directoryRepository } from '../../functions/db/directory-repository.ts';
import { type ApplicationData, applicationKeys } from '../../functions/db/entities/application.ts';
import type { StoredSubmission } from '../../functions/db/entities/submission.ts';
import { submissionRepository } from '../../functions/db/submission-repository.ts';
import { config } from '../../functions/runtime/config.ts';
import { localDynamoDbClient } from '../../infra/local/emulators.ts';
import type { ApplicationStatus } from '../../shared/application-lifecycle.ts';
import { demoCompetences } from '../../shared/demo-catalogue.ts';
import type { NewMission } from '../../shared/missions.ts';
import type { VolunteerRecord } from '../../shared/partners.ts';
import { validApplication } from './form-posts.ts';

/**
 * What a mission test starts from, written straight through the repositories (the back office of
 * partners and volunteers is another part's): an application at the status asked, received 30 days
 * ago or at the instant asked, and an active volunteer of a demo partner offering a demo competence
 * of Indre.
 */
const client = () => createDocumentClient(localDynamoDbClient(process.env.AWS_ENDPOINT_URL_DYNAMODB ?? ''));

export const missionCompetence = demoCompetences.find((c) => c.id === 'indre-iso-9001') ?? demoCompetences[0];
export const missionPartnerId = missionCompetence?.partnerIds[0] ?? '';

let counter = 0;
const unique = () => `${process.pid % 1000}${Date.now() % 100_000}${++counter}`.slice(-7);

export const givenApplication = async (
  status: ApplicationStatus = 'approved',
  overrides: { network?: string; email?: string; companyName?: string; createdAt?: string } = {},
): Promise<string> => {
  const form = validApplication();
  const network = overrides.network ?? 'indre';
  const reference = `ALZ-${network === 'cher' ? '18' : '36'}-2026-${unique()}`;
  const at = overrides.createdAt ?? new Date(Date.now() - 30 * 86_400_000).toISOString();
  const actor = { id: 'sub-claire', name: 'claire.bernard@initiative-indre.example.org' };
  const record: StoredSubmission<ApplicationData> = {
    reference,
    network,
    status,
    createdAt: at,
    updatedAt: at,
    version: 2,
    history: [
      { at, actor: { id: 'public-form', name: 'Formulaire du site' }, to: 'received' },
      { at, actor, from: 'received', to: status },
    ],
    source: 'public-form',
    data: {
      company: {
        ...form.company,
        ...(overrides.companyName ? { name: overrides.companyName } : {}),
        communeCode: '36044',
        communeName: 'Châteauroux',
        departement: '36',
      },
      contact: {
        ...form.contact,
        email: overrides.email ?? `gerante-${reference.toLowerCase()}@missions.example.fr`,
      },
      project: form.project,
      consentedAt: at,
    } as ApplicationData,
  };
  const db = client();
  await submissionRepository<ApplicationData>(db, config().dataTableName, applicationKeys).create(record);
  db.destroy();
  return reference;
};

export const givenVolunteer = async (overrides: Partial<VolunteerRecord> = {}): Promise<VolunteerRecord> => {
  const at = new Date().toISOString();
  const volunteer: VolunteerRecord = {
    id: `benevole-${unique()}`,
    network: 'indre',
    partnerId: missionPartnerId,
    firstName: 'Lucas',
    lastName: 'Moreau',
    role: 'Ingénieur qualité',
    email: `lucas.moreau.${unique()}@partenaire.example.com`,
    phone: '02 54 11 22 33',
    competences: [missionCompetence?.id ?? ''],
    status: 'active',
    createdAt: at,
    updatedAt: at,
    version: 1,
    history: [{ at, actor: { id: 'test', name: 'Test' }, change: 'created' }],
    ...overrides,
  };
  const db = client();
  await directoryRepository(db, config().dataTableName).volunteers.create(volunteer);
  db.destroy();
  return volunteer;
};

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export { day as isoDayFromToday };

export const newMission = (volunteer: VolunteerRecord, overrides: Partial<NewMission> = {}): NewMission => ({
  competenceId: missionCompetence?.id ?? '',
  partnerId: volunteer.partnerId,
  volunteerId: volunteer.id,
  plannedHalfDays: 4,
  startDate: day(-10),
  endDate: day(200),
  checklist: { agreementSignedOn: day(-12), consentSignedOn: day(-11) },
  ...overrides,
});
